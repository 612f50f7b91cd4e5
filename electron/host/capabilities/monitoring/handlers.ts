// The Monitoring capability's calls: the GPU fleet and inference health through the snapshot
// cache (a page paints its last-known state at once), a signal over time at Grafana's step for
// the chart's width, the signal catalogue as the workspace overrides it, and chart annotations.
import type { HostContext } from '../../host-context';
import { promDuration } from './read-signal';
import type { Handlers } from '../../transport/dispatcher';
import { CallFailure } from '../../transport/failure';
import type { PipelineWatches } from '../pipelines/pipeline-watches';
import type { KubernetesLiveSource } from '../sources/adapters/kubernetes';
import { readSelectedContexts } from '../sources/selected-contexts';
import { readThroughSnapshot } from '../sources/snapshot';
import { servingUrisIn, type FoundUri } from '../models/serving';
import { auditAnnotations, failureAnnotations, mergeAnnotations } from './annotations';
import { readGpuFleet } from './gpu-fleet';
import { readInferenceHealth } from './inference';
import { readRange } from './read-signal';
import { monitoringPrometheus } from './prometheus-of';
import { describeSignals, isSignalName } from './signals';

type MonitoringCalls =
  | 'monitoring.annotations'
  | 'monitoring.signals'
  | 'monitoring.range'
  | 'monitoring.gpus'
  | 'monitoring.inference';

export function monitoringHandlers(
  ctx: HostContext,
  pipelines?: Pick<PipelineWatches, 'fromCache'>,
  now: () => number = Date.now,
): Pick<Handlers, MonitoringCalls> {
  const prometheusOf = (id: string | undefined) => monitoringPrometheus(ctx, id);

  /** Serving objects of every selected cluster; a cluster that fails becomes a warning. */
  const servingObjects = async (): Promise<{ found: FoundUri[]; warnings: string[] }> => {
    const workspace = ctx.workspace();
    const warnings: string[] = [];
    const lists = await Promise.all(
      workspace.definition.connections
        .map((c) => c.connection)
        .filter((c) => c.kind === 'kubernetes')
        .map(async (connection) => {
          try {
            const kube = await (workspace.source(connection.id) as KubernetesLiveSource).kube();
            const names = kube.contexts().map((c) => c.name);
            const chosen = readSelectedContexts(ctx.store, workspace.id, connection.id)?.filter(
              (n) => names.includes(n),
            );
            const current = kube.contexts().find((c) => c.current)?.name ?? names[0];
            const contexts = chosen ?? (current ? [current] : []);
            const found = await Promise.all(
              contexts.map((context) =>
                servingUrisIn(kube.client(context)).catch((error: unknown) => {
                  warnings.push(`${context}: ${(error as Error).message}`);
                  return [];
                }),
              ),
            );
            return found.flat();
          } catch (error) {
            warnings.push(`${connection.name}: ${(error as Error).message}`);
            return [];
          }
        }),
    );
    return { found: lists.flat(), warnings };
  };

  /** Workflows and Jobs the pipelines watch last saw, to put GPU pods under their pipeline. */
  const knownRuns = async () => {
    try {
      const runs = pipelines?.fromCache().runs ?? [];
      return runs.map((r) => ({ namespace: r.namespace, name: r.name }));
    } catch {
      return [];
    }
  };

  return {
    'monitoring.signals': () => ({
      signals: describeSignals(ctx.workspace().definition.signalOverrides),
    }),

    'monitoring.annotations': async ({ from, to }) => {
      const warnings: string[] = [];
      let runs: Awaited<ReturnType<PipelineWatches['fromCache']>>['runs'] = [];
      if (pipelines) {
        try {
          runs = pipelines.fromCache().runs;
        } catch (error) {
          warnings.push(`Pipeline failures: ${(error as Error).message}`);
        }
      }
      return {
        annotations: mergeAnnotations(
          auditAnnotations(ctx.store, from, to),
          failureAnnotations(runs, from, to),
        ),
        warnings,
      };
    },

    'monitoring.range': async ({ prometheus, signal, match, from, to, widthPx }) => {
      if (!isSignalName(signal)) {
        throw new CallFailure('bad_request', `There is no signal named "${signal}"`);
      }
      if (!(to > from)) throw new CallFailure('bad_request', 'The window ends before it starts');
      const p = prometheusOf(prometheus);
      const scrape = p.settings.scrapeIntervalMs;
      // Grafana's $__rate_interval: max(step + scrape, 4 × scrape), with the step for this width.
      const roughStep = Math.max(scrape, (to - from) / widthPx);
      const reader = {
        ...p.reader,
        vars: {
          window: promDuration(p.settings.idleWindowMs),
          rate: promDuration(Math.max(roughStep + scrape, 4 * scrape)),
          quantile: '0.95',
        },
      };
      const answer = await readRange(reader, signal, { from, to, widthPx, minIntervalMs: scrape });
      const series = answer.series.filter((s) =>
        Object.entries(match ?? {}).every(([k, v]) => s.labels[k] === v),
      );
      return { series, stepMs: answer.stepMs, query: answer.query, warnings: answer.warnings };
    },

    'monitoring.gpus': ({ prometheus, from }) => {
      const p = prometheusOf(prometheus);
      return readThroughSnapshot({
        store: ctx.store,
        source: p.snapshot,
        key: `monitoring.gpus:${p.keySuffix}`,
        from,
        fetch: async () => ({
          prometheus: { id: p.connection.id, name: p.connection.name },
          ...(await readGpuFleet(p.reader, p.settings, now(), await knownRuns())),
        }),
      });
    },

    'monitoring.inference': ({ prometheus, from }) => {
      const p = prometheusOf(prometheus);
      return readThroughSnapshot({
        store: ctx.store,
        source: p.snapshot,
        key: `monitoring.inference:${p.keySuffix}`,
        from,
        fetch: async () => {
          const serving = await servingObjects();
          return readInferenceHealth(p.reader, serving.found, serving.warnings);
        },
      });
    },
  };
}
