// Pure helpers for the dataset comparison: how a score, its rule and a run's progress read on
// screen, and how progress events land in the query cache. Tested without rendering.

import type { QueryClient } from '@tanstack/react-query';
import type { EventPayload } from '../../../../shared/contract';
import type {
  ColumnDriftResult,
  ComparisonRequestInput,
  DriftRun,
} from '../../../../shared/contract/drift';
import { callKey } from '../../../data/queries';

const direction = { le: '≤', lt: '<', ge: '≥' } as const;

export function formatScore(value: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) < 1e-4) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}

/** "drift when p ≤ 0.05" / "drift when score ≥ 0.1" */
export function ruleText(c: Pick<ColumnDriftResult, 'scoreKind' | 'driftWhen' | 'threshold'>) {
  return `drift when ${c.scoreKind === 'p_value' ? 'p' : 'score'} ${direction[c.driftWhen]} ${c.threshold}`;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** A progress event updates the run on screen; a finished run is read again for its report. */
export function applyDriftProgress(client: QueryClient, progress: EventPayload<'drift.progress'>) {
  const key = callKey('drift.run', { runId: progress.runId });
  client.setQueryData<DriftRun>(key, (old) => (old ? { ...old, ...progress } : old));
  if (progress.state === 'done') void client.invalidateQueries({ queryKey: key });
}

export interface SideForm {
  path: string;
  windowColumn: string;
  from: string;
  to: string;
}

export interface CompareForm {
  reference: SideForm;
  current: SideForm;
  psi: boolean;
  predictionColumn: string;
  labelColumn: string;
}

export const emptySide: SideForm = { path: '', windowColumn: '', from: '', to: '' };

/** What the form is missing before it can be sent, per field; empty when it can go. */
export function formProblems(form: CompareForm): Partial<Record<'reference' | 'current', string>> {
  const problems: Partial<Record<'reference' | 'current', string>> = {};
  for (const side of ['reference', 'current'] as const) {
    const path = form[side].path.trim();
    if (!path) problems[side] = 'Give the path of a CSV or Parquet file on the host';
    else if (!/\.(csv|parquet|pq)$/i.test(path))
      problems[side] = 'Expected a .csv or .parquet file';
  }
  return problems;
}

export function toRequest(form: CompareForm): ComparisonRequestInput {
  const side = (s: SideForm) => ({
    path: s.path.trim(),
    ...(s.windowColumn
      ? {
          window: {
            column: s.windowColumn,
            ...(s.from ? { from: s.from } : {}),
            ...(s.to ? { to: s.to } : {}),
          },
        }
      : {}),
  });
  return {
    reference: side(form.reference),
    current: side(form.current),
    test: form.psi ? 'psi' : 'default',
    ...(form.predictionColumn ? { predictionColumn: form.predictionColumn } : {}),
    ...(form.labelColumn ? { labelColumn: form.labelColumn } : {}),
  };
}
