// Serving rows in the user's words: health with its reason, the traffic split, filtering.
import type { QueryClient } from '@tanstack/react-query';
import type { ServingService } from '../../../shared/contract/serving';

export function healthLabel(s: ServingService): string {
  const base = s.health === 'ready' ? 'Ready' : s.health === 'not-ready' ? 'Not ready' : 'Settling';
  return s.health !== 'ready' && s.reason ? `${base}: ${s.reason}` : base;
}

/** "90% prev (churn-model-predictor-00002) · 10% latest (…-00003)" */
export function trafficText(traffic: ServingService['traffic']): string {
  return [...traffic]
    .sort((a, b) => b.percent - a.percent)
    .map((t) => `${t.percent}% ${t.tag ?? (t.latest ? 'latest' : 'stable')} (${t.revision})`)
    .join(' · ');
}

export function filterServices(
  services: ServingService[],
  opts: { text: string; onlyProblems: boolean },
): ServingService[] {
  const text = opts.text.trim().toLowerCase();
  return services.filter((s) => {
    if (opts.onlyProblems && s.health === 'ready') return false;
    if (!text) return true;
    return [s.name, s.namespace, s.context, s.model ?? '', s.kind].some((v) =>
      v.toLowerCase().includes(text),
    );
  });
}

/**
 * A serving object changed on a watched cluster: the Serving page reads again. The brief does not
 * (it re-reads every minute): status updates of busy Deployments would keep it reading.
 */
export function refetchServing(client: QueryClient): void {
  void client.invalidateQueries({
    predicate: (q) =>
      q.queryKey[0] === 'serving.services' &&
      (q.queryKey[1] as { from?: string } | undefined)?.from === 'live',
  });
}
