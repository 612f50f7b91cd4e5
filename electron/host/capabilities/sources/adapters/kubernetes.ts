// A kubeconfig connection as a live source: every context is listed; only the selected ones are
// dialled for the headline and background probes; "Test" tries every context.
import type { Headline } from '../../../../../shared/contract/sources';
import type { KubernetesConnection } from '../../../../../shared/model/connection';
import { createKubernetesSource, type KubernetesSource } from '../../../sources/kubernetes';
import { SourceError } from '../../../sources/source-error';
import type { LiveSource, TestedTarget } from '../live-source';

export interface KubernetesLiveSource extends LiveSource {
  readonly kube: KubernetesSource;
}

export function kubernetesLiveSource(
  connection: KubernetesConnection,
  opts: { env: NodeJS.ProcessEnv; selected: () => string[] | undefined },
): KubernetesLiveSource {
  const kube = createKubernetesSource(connection, { env: opts.env });

  const selectedContexts = (): string[] => {
    const names = kube.contexts().map((c) => c.name);
    const chosen = opts.selected()?.filter((name) => names.includes(name));
    if (chosen) return chosen;
    const current = kube.contexts().find((c) => c.current)?.name ?? names[0];
    return current ? [current] : [];
  };

  return {
    connection,
    kube,
    async test(scope = 'all') {
      const names = scope === 'all' ? kube.contexts().map((c) => c.name) : selectedContexts();
      const problems: TestedTarget[] = kube.loadErrors.map((error) => ({
        target: error.file,
        result: {
          status: 'error',
          latencyMs: 0,
          message: error.message,
          checkedAt: new Date().toISOString(),
        },
      }));
      const tested = await Promise.all(
        names.map(async (name) => ({ target: name, result: await kube.test(name) })),
      );
      return [...problems, ...tested];
    },
    async headline(): Promise<Headline> {
      const selected = new Set(selectedContexts());
      const contexts = await Promise.all(
        kube.contexts().map(async (info) => {
          const base = {
            context: info.name,
            server: info.server,
            selected: selected.has(info.name),
          };
          if (!base.selected) return base;
          try {
            const h = await kube.headline(info.name);
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
      const firstError = dialled.find((c) => 'error' in c && c.error);
      if (
        dialled.length > 0 &&
        dialled.every((c) => 'error' in c && c.error) &&
        firstError &&
        'error' in firstError
      ) {
        throw new SourceError(firstError.error!.code, firstError.error!.message, {
          source: connection.id,
        });
      }
      return { kind: 'kubernetes', contexts, problems: kube.loadErrors.map((e) => e.message) };
    },
    async close() {
      kube.close();
    },
  };
}
