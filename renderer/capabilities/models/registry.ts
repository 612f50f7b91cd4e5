// Which MLflow connection the Models pages read: the workspace's first registry. Pure helpers for
// the pages live here too, so they are tested without rendering.
import type { ConnectionView } from '../../../shared/contract/connections';
import { useCall } from '../../data/queries';

export function registryOf(connections: ConnectionView[]): ConnectionView | undefined {
  return connections.find((c) => c.connection.kind === 'mlflow');
}

export function useRegistry() {
  const list = useCall('connections.list', {});
  return { list, registry: list.data ? registryOf(list.data.connections) : undefined };
}

export const modelPath = (name: string) => `/models/${encodeURIComponent(name)}`;
export const versionPath = (name: string, version: string) =>
  `${modelPath(name)}/versions/${encodeURIComponent(version)}`;

/** A metric value as read on a status screen: up to four significant decimals. */
export function formatMetric(value: number | undefined): string {
  if (value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(4)).toString();
}

export function formatDelta(delta: number | undefined): string {
  if (delta === undefined) return '—';
  if (delta === 0) return '±0';
  const text = formatMetric(Math.abs(delta));
  return delta > 0 ? `+${text}` : `−${text}`;
}

/** Metrics where lower is better, by their usual names; used only to colour a delta. */
const lowerIsBetter = /(loss|error|latency|rmse|mae|mse|_ms$|time)/i;

export function deltaTone(key: string, delta: number | undefined): 'ok' | 'danger' | 'neutral' {
  if (delta === undefined || delta === 0) return 'neutral';
  const better = lowerIsBetter.test(key) ? delta < 0 : delta > 0;
  return better ? 'ok' : 'danger';
}

export function formatEpoch(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const at = new Date(ms);
  return Number.isNaN(at.getTime())
    ? '—'
    : at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
