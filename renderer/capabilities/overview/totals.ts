// The figures above the cards, summed over the workspace's sources from whatever each card has
// (live, else last-known). `partial` says some source had nothing to give.
import type { Headline } from '../../../shared/contract/sources';
import type { ConnectionKind } from '../../../shared/model/connection';
import { freshValue, type Fresh } from '../../data/fresh';

export interface HeadlineTotals {
  contexts: { selected: number; available: number };
  namespaces: { count: number; notPermitted: number };
  nodes: number;
  gpus: { allocatable: number; capacity: number };
  models: number;
  targets: { up: number; total: number };
  /** How many sources of each kind the workspace has. */
  sources: Record<ConnectionKind, number>;
  /** Per kind, how many of those sources had no figures to add. */
  missing: Record<ConnectionKind, number>;
  /** Per kind, how many figures are last-known rather than live. */
  notLive: Record<ConnectionKind, number>;
}

const zeroByKind = (): Record<ConnectionKind, number> => ({
  kubernetes: 0,
  mlflow: 0,
  prometheus: 0,
  alertmanager: 0,
});

export function computeTotals(
  entries: { kind: ConnectionKind; fresh: Fresh<Headline> }[],
): HeadlineTotals {
  const totals: HeadlineTotals = {
    contexts: { selected: 0, available: 0 },
    namespaces: { count: 0, notPermitted: 0 },
    nodes: 0,
    gpus: { allocatable: 0, capacity: 0 },
    models: 0,
    targets: { up: 0, total: 0 },
    sources: zeroByKind(),
    missing: zeroByKind(),
    notLive: zeroByKind(),
  };
  for (const { kind, fresh } of entries) {
    totals.sources[kind] += 1;
    const headline = freshValue(fresh);
    if (!headline || headline.kind !== kind) {
      totals.missing[kind] += 1;
      continue;
    }
    if (fresh.state !== 'live') totals.notLive[kind] += 1;
    switch (headline.kind) {
      case 'kubernetes':
        totals.contexts.available += headline.contexts.length;
        for (const ctx of headline.contexts) {
          if (!ctx.selected) continue;
          totals.contexts.selected += 1;
          if (ctx.namespaces?.permitted) totals.namespaces.count += ctx.namespaces.count;
          else if (ctx.namespaces) totals.namespaces.notPermitted += 1;
          totals.nodes += ctx.nodes ?? 0;
          totals.gpus.allocatable += ctx.gpus?.allocatable ?? 0;
          totals.gpus.capacity += ctx.gpus?.capacity ?? 0;
        }
        break;
      case 'mlflow':
        totals.models += headline.registeredModels;
        break;
      case 'prometheus':
        totals.targets.up += headline.targetsUp;
        totals.targets.total += headline.targetsTotal;
        break;
      case 'alertmanager':
        break;
    }
  }
  return totals;
}
