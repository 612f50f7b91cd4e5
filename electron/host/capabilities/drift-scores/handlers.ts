// The drift-score calls: the latest score per model feature (with firing drift alerts from the
// workspace's Alertmanagers) and one feature's history, both cached-then-live.
import type { HostContext } from '../../host-context';
import type { Handlers } from '../../transport/dispatcher';
import { CallFailure } from '../../transport/failure';
import { readThroughSnapshot } from '../sources/snapshot';
import { prometheusOf, readDriftBoard } from './drift-board';
import { readScoreSeries } from './read-scores';

export function driftScoresHandlers(
  ctx: HostContext,
  now: () => number = Date.now,
): Pick<Handlers, 'driftScores.list' | 'driftScores.series'> {
  return {
    'driftScores.list': ({ prometheus, from }) => {
      const p = prometheusOf(ctx, prometheus);
      return readThroughSnapshot({
        store: ctx.store,
        source: p.snapshot,
        key: `driftScores.list:${p.queries.score}:${p.queries.threshold}`,
        from,
        fetch: () => readDriftBoard(ctx, p),
      });
    },
    'driftScores.series': ({ prometheus, model, feature, rangeSeconds, widthPx, end, from }) => {
      const p = prometheusOf(ctx, prometheus);
      return readThroughSnapshot({
        store: ctx.store,
        source: p.snapshot,
        key: `driftScores.series:${p.queries.score}:${model}:${feature}:${rangeSeconds}:${widthPx}:${end ?? 'now'}`,
        from,
        fetch: async () => {
          const series = await readScoreSeries(p.client, p.queries, {
            model,
            feature,
            rangeSeconds,
            widthPx,
            now: end ?? now(),
          });
          if (!series) {
            throw new CallFailure(
              'not_found',
              `No drift score for ${model} / ${feature} in this window (query: ${p.queries.score})`,
            );
          }
          return { model, feature, ...series };
        },
      });
    },
  };
}
