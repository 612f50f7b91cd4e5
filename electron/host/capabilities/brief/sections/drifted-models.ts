// Models whose inputs drifted: every feature whose latest drift score is over its threshold, or
// whose drift alert fires, one line per model with the features named.
import type { BriefItem } from '../../../../../shared/contract/brief';
import { prometheusOf, readDriftBoard } from '../../drift-scores/drift-board';
import { formatDriftScore } from '../../drift-scores/signals';
import type { BriefSectionProvider } from './section';

export const driftedModels: BriefSectionProvider = {
  id: 'drifted-models',
  title: 'Drifted models',
  async read({ ctx, workspace }) {
    const hasPrometheus = workspace.definition.connections.some(
      (c) => c.connection.kind === 'prometheus',
    );
    if (!hasPrometheus) return undefined;
    const board = await readDriftBoard(ctx, prometheusOf(ctx, undefined));
    const byModel = new Map<string, typeof board.features>();
    for (const f of board.features) {
      if (f.alarm === 'ok') continue;
      byModel.set(f.model, [...(byModel.get(f.model) ?? []), f]);
    }
    const items: BriefItem[] = [...byModel].map(([model, features]) => ({
      id: `drift:${model}:${features.map((f) => f.feature).join(',')}`,
      title:
        features.length > 1 ? `${model}: ${features.length} features drifted` : `${model} drifted`,
      detail: features
        .map(
          (f) =>
            `${f.feature} ${formatDriftScore(f.score)} (${f.method}, threshold ${formatDriftScore(f.threshold)})${f.alarm === 'alert-firing' ? ', alert firing' : ''}`,
        )
        .join('; '),
      severity: 'warning',
      where: board.prometheus.name,
      link: '/drift',
    }));
    return {
      items,
      ...(board.alertsError ? { note: `Drift alerts not read: ${board.alertsError}` } : {}),
    };
  },
};
