// InferenceServices and model Deployments that are not ready, with the condition that says why.
// A service still settling ("unknown") is listed only once it has been so for ten minutes.
import type { BriefSectionProvider } from './section';

const settleMs = 10 * 60_000;

export const servicesNotReady: BriefSectionProvider = {
  id: 'services-not-ready',
  title: 'Services not ready',
  async read({ serving, now }) {
    const view = await serving();
    const down = view.services.filter(
      (s) =>
        s.health === 'not-ready' ||
        (s.health === 'unknown' &&
          s.lastTransition !== undefined &&
          now.getTime() - new Date(s.lastTransition).getTime() > settleMs),
    );
    return {
      items: down.map((s) => ({
        id: `serving:${s.id}:${s.reason ?? s.health}`,
        title: `${s.name} is ${s.health === 'not-ready' ? 'not ready' : 'not settling'}${s.reason ? ` (${s.reason})` : ''}`,
        ...(s.message ? { detail: s.message } : {}),
        severity: 'critical' as const,
        ...(s.lastTransition ? { since: s.lastTransition } : {}),
        where: `${s.context} / ${s.namespace}`,
        link: `/serving?service=${encodeURIComponent(s.id)}`,
      })),
    };
  },
};
