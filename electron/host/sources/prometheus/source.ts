// A configured Prometheus connection: the client, its "Test connection" probe, and the
// headline the connection list shows (how many scrape targets are up).
import type {
  ConnectionTestResult,
  PrometheusConnection,
} from '../../../../shared/model/connection';
import { runConnectionTest } from '../connection-test';
import { SourceError } from '../source-error';
import { PrometheusClient, readPrometheusError } from './client';
import { MetricsEndpoint, type MetricsSourceDeps } from './endpoint';
import { sampleValue } from './schemas';

export type PrometheusSource = PrometheusClient;

export function createPrometheusSource(
  conn: PrometheusConnection,
  deps: MetricsSourceDeps,
): PrometheusSource {
  return new PrometheusClient(new MetricsEndpoint(conn, deps, readPrometheusError));
}

/** "Prometheus 2.42.0" from build info (Debian's "+ds" build suffix dropped), then a query that costs nothing. */
export function testPrometheusConnection(source: PrometheusSource): Promise<ConnectionTestResult> {
  return runConnectionTest(source.id, async () => {
    let serverVersion: string | undefined;
    try {
      const info = await source.buildInfo();
      serverVersion = `${info.application ?? 'Prometheus'} ${info.version.replace(/\+.*$/, '')}`;
    } catch (error) {
      // Some Prometheus-compatible servers have no build info endpoint; the query below still proves the connection.
      if (!(error instanceof SourceError && error.code === 'not_found')) throw error;
    }
    await source.query('1');
    return serverVersion ? { serverVersion } : {};
  });
}

export interface TargetsHeadline {
  up: number;
  total: number;
  /** The targets not up, for a tooltip: job, instance and the scrape error. */
  down: { job: string; instance: string; health: string; lastError: string }[];
}

/** Targets up / total, from /api/v1/targets; servers without it (Mimir, Thanos Query) answer from `up`. */
export async function headline(source: PrometheusSource): Promise<TargetsHeadline> {
  try {
    const { activeTargets } = await source.targets('active');
    const down = activeTargets
      .filter((t) => t.health !== 'up')
      .map((t) => ({
        job: t.labels.job ?? t.scrapePool,
        instance: t.labels.instance ?? t.scrapeUrl,
        health: t.health,
        lastError: t.lastError,
      }));
    return { up: activeTargets.length - down.length, total: activeTargets.length, down };
  } catch (error) {
    if (!(error instanceof SourceError && error.code === 'not_found')) throw error;
  }
  const { data } = await source.query('up');
  if (data.resultType !== 'vector') return { up: 0, total: 0, down: [] };
  const down = [];
  let up = 0;
  for (const sample of data.result) {
    if ('value' in sample && sampleValue(sample.value[1]) === 1) up++;
    else
      down.push({
        job: sample.metric.job ?? '',
        instance: sample.metric.instance ?? '',
        health: 'down',
        lastError: '',
      });
  }
  return { up, total: data.result.length, down };
}
