// Builds the brief from its section providers. The shared reads (runs, schedules, serving) run
// once, on first use; each section is read in parallel with a time limit, and one that fails or
// stalls shows as unavailable with its cause while the others still answer.
import type { Brief, BriefSection } from '../../../../shared/contract/brief';
import type { HostContext } from '../../host-context';
import { toContractError } from '../../transport/failure';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import type { PipelineWatches } from '../pipelines/pipeline-watches';
import { loadScheduleReader } from '../schedules/handlers';
import { readServing } from '../serving/read-serving';
import type { BriefReads, BriefSectionProvider } from './sections';

export const sectionTimeoutMs = 20_000;

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= read());
}

export function briefReads(
  ctx: HostContext,
  workspace: OpenWorkspace,
  watches: PipelineWatches,
  now: Date,
): BriefReads {
  const schedules = once(async () =>
    (await loadScheduleReader()).readSchedules(workspace, watches, () => now),
  );
  return {
    ctx,
    workspace,
    now,
    runs: once(async () => (await schedules()).runs),
    schedules,
    serving: once(async () => readServing(workspace, await watches.selectedClusters(workspace))),
  };
}

export async function composeBrief(
  providers: BriefSectionProvider[],
  reads: BriefReads,
  timeoutMs = sectionTimeoutMs,
): Promise<Brief> {
  const sections = await Promise.all(
    providers.map(async (provider): Promise<BriefSection | undefined> => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const answer = await Promise.race([
          provider.read(reads),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`did not answer within ${timeoutMs / 1000} s`)),
              timeoutMs,
            );
            // A guard, not work: it must not keep a closing host's process alive for 20 s.
            timer.unref?.();
          }),
        ]);
        if (!answer) return undefined;
        return {
          id: provider.id,
          title: provider.title,
          state: answer.items.length ? 'attention' : 'ok',
          items: answer.items,
          ...(answer.note ? { note: answer.note } : {}),
        };
      } catch (error) {
        reads.ctx.log.warn({ err: error, section: provider.id }, 'brief section unavailable');
        const cause = toContractError(error);
        return {
          id: provider.id,
          title: provider.title,
          state: 'unavailable',
          items: [],
          note: cause?.message ?? (error as Error).message ?? String(error),
        };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return {
    sections: sections.filter((s): s is BriefSection => s !== undefined),
    generatedAt: reads.now.toISOString(),
  };
}
