// A kubeconfig connection as a live source: every context is listed; only the selected ones are
// dialled for the headline and background probes; "Test" tries every context.
import type { Headline } from '../../../../../shared/contract/sources';
import type { KubernetesConnection } from '../../../../../shared/model/connection';
import type { KubernetesSource } from '../../../sources/kubernetes';
import { SourceError } from '../../../sources/source-error';
import type { LiveSource, TestedTarget } from '../live-source';

export interface KubernetesLiveSource extends LiveSource {
  /** The kubeconfig source, loaded on first use. */
  kube(): Promise<KubernetesSource>;
}

/**
 * @kubernetes/client-node takes most of a second to load; it is imported when a Kubernetes
 * connection is first used (and prefetched at start), not before the console can paint.
 */
export const loadKubernetesSources = () => import('../../../sources/kubernetes');

export function kubernetesLiveSource(
  connection: KubernetesConnection,
  opts: { env: NodeJS.ProcessEnv; selected: () => string[] | undefined },
): KubernetesLiveSource {
  let loading: Promise<KubernetesSource> | undefined;
  const kube = () =>
    (loading ??= loadKubernetesSources().then(({ createKubernetesSource }) =>
      createKubernetesSource(connection, { env: opts.env }),
    ));

  const selectedContexts = (source: KubernetesSource): string[] => {
    const names = source.contexts().map((c) => c.name);
    const chosen = opts.selected()?.filter((name) => names.includes(name));
    if (chosen) return chosen;
    const current = source.contexts().find((c) => c.current)?.name ?? names[0];
    return current ? [current] : [];
  };

  return {
    connection,
    kube,
    async test(scope = 'all') {
      const source = await kube();
      const names =
        scope === 'all' ? source.contexts().map((c) => c.name) : selectedContexts(source);
      const problems: TestedTarget[] = source.loadErrors.map((error) => ({
        target: error.file,
        result: {
          status: 'error',
          latencyMs: 0,
          message: error.message,
          checkedAt: new Date().toISOString(),
        },
      }));
      const tested = await Promise.all(
        names.map(async (name) => ({ target: name, result: await source.test(name) })),
      );
      return [...problems, ...tested];
    },
    async headline(): Promise<Headline> {
      const source = await kube();
      const selected = new Set(selectedContexts(source));
      const contexts = await Promise.all(
        source.contexts().map(async (info) => {
          const base = {
            context: info.name,
            server: info.server,
            selected: selected.has(info.name),
          };
          if (!base.selected) return base;
          try {
            const h = await source.headline(info.name);
            return {
              ...base,
              ...(h.serverVersion ? { serverVersion: h.serverVersion } : {}),
              namespaces: h.namespaces.permitted
                ? { count: h.namespaces.count, permitted: true }
                : { count: 0, permitted: false },
              ...(h.nodes.permitted ? { nodes: h.nodes.count } : {}),
              ...(h.gpus.permitted
                ? { gpus: { allocatable: h.gpus.allocatable, capacity: h.gpus.capacity } }
                : {}),
            };
          } catch (error) {
            if (!(error instanceof SourceError)) throw error;
            return { ...base, error: error.toContract() };
          }
        }),
      );
      // When every chosen cluster failed there is nothing live to show: fail, so the screen
      // paints the last-known state stamped with the cause instead of a page of errors.
      const dialled = contexts.filter((c) => c.selected);
      const failures = dialled.flatMap((c) => ('error' in c && c.error ? [c.error] : []));
      if (dialled.length > 0 && failures.length === dialled.length) {
        throw new SourceError(failures[0]!.code, failures[0]!.message, { source: connection.id });
      }
      return { kind: 'kubernetes', contexts, problems: source.loadErrors.map((e) => e.message) };
    },
    async close() {
      const pending = loading;
      loading = undefined;
      (await pending?.catch(() => undefined))?.close();
    },
  };
}
