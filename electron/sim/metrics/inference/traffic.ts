// The demo's model servers as an Istio mesh reports them: per served model (a KServe revision or
// a model Deployment) `istio_requests_total` and the `istio_request_duration_milliseconds`
// histogram, by response code, as counters scraped every 15 s. Istio's labels are the ones the
// console's inference signals read (reporter="destination", destination_service_namespace,
// destination_service_name). The first InferenceService is degraded: a slow tail and 5xx.
import { createHash } from 'node:crypto';
import {
  seriesMatches,
  type Labels,
  type Sample,
  type Series,
  type SeriesStore,
} from '../promql/store';
import {
  errorShareAt,
  intervalsPerCycle,
  latencyShareUpTo,
  loadAt,
  meanLatencyAt,
  type TrafficProfile,
} from './profile';

export interface ServedModel {
  kind: 'InferenceService' | 'Deployment';
  namespace: string;
  /** The InferenceService or Deployment. */
  name: string;
  /** Istio's destination_service_name: the KServe revision, or the Deployment's own name. */
  service: string;
  /** The pods' workload (a revision's Deployment, or the Deployment). */
  workload: string;
  /** The share of the object's traffic this revision takes (a canary split), 0-100. */
  trafficPercent: number;
}

/** Istio's default duration buckets, ms, and how Envoy writes them. */
export const istioBucketsMs = [
  0.5,
  1,
  5,
  10,
  25,
  50,
  100,
  250,
  500,
  1000,
  2500,
  5000,
  10000,
  30000,
  60000,
  300000,
  600000,
  1800000,
  3600000,
  Infinity,
];
const leOf = (ms: number) =>
  ms === Infinity
    ? '+Inf'
    : ms >= 1e6
      ? ms.toExponential().replace(/e\+(\d)$/, 'e+0$1')
      : String(ms);

const scrapeMs = 15_000;
const historyMs = 7 * 86_400_000;

/** A counter summed from per-interval increments that repeat every cycle: O(1) per sample. */
class CycleCounter implements Series {
  private prefix: Float64Array | undefined;

  constructor(
    readonly labels: Labels,
    private readonly increment: (j: number) => number,
    private readonly phase: number,
    private readonly originMs: number,
    private readonly now: () => number,
    private readonly decimals: number,
  ) {}

  /** The count over intervals [0, m) of the cycle, continued past it. */
  private total(m: number): number {
    if (!this.prefix) {
      // Built on first use: only the series a query touches pay for it.
      this.prefix = new Float64Array(intervalsPerCycle + 1);
      for (let j = 0; j < intervalsPerCycle; j++)
        this.prefix[j + 1] = (this.prefix[j] as number) + this.increment(j);
    }
    const cycles = Math.floor(m / intervalsPerCycle);
    const perCycle = this.prefix[intervalsPerCycle] as number;
    return cycles * perCycle + (this.prefix[m - cycles * intervalsPerCycle] as number);
  }

  private valueAt(k: number): number {
    const scale = 10 ** this.decimals;
    return Math.floor((this.total(k + this.phase) - this.total(this.phase)) * scale) / scale;
  }

  samples(minMs: number, maxMs: number): Sample[] {
    const first = Math.max(0, Math.ceil((minMs - this.originMs) / scrapeMs));
    const last = Math.floor((Math.min(maxMs, this.now()) - this.originMs) / scrapeMs);
    const out: Sample[] = [];
    for (let k = first; k <= last; k++)
      out.push({ t: this.originMs + k * scrapeMs, v: this.valueAt(k) });
    return out;
  }

  latest(minMs: number, maxMs: number): Sample | undefined {
    const k = Math.floor((Math.min(maxMs, this.now()) - this.originMs) / scrapeMs);
    const t = this.originMs + k * scrapeMs;
    return k >= 0 && t >= minMs ? { t, v: this.valueAt(k) } : undefined;
  }
}

/** f over one cycle's intervals, computed once on first use: every bucket of a server reuses it. */
function perInterval(f: (j: number) => number): (j: number) => number {
  let values: Float64Array | undefined;
  return (j) => {
    if (!values) {
      values = new Float64Array(intervalsPerCycle);
      for (let i = 0; i < intervalsPerCycle; i++) values[i] = f(i);
    }
    return values[j] as number;
  };
}

function hashInt(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** Plausible, repeatable behaviour per served object; `degraded` queues and fails more. */
export function profileOf(model: ServedModel, degraded: boolean): TrafficProfile {
  const h = hashInt(`${model.namespace}/${model.name}`);
  const rps = (6 + (h % 90)) * (model.trafficPercent / 100);
  const seed = (hashInt(model.service) % 1000) / 100;
  if (degraded)
    return {
      rps,
      errorShare: 0.035,
      medianMs: 38,
      sigma: 0.45,
      slowShare: 0.09,
      slowMedianMs: 1100,
      seed,
    };
  return {
    rps,
    errorShare: 0.001 + ((h >>> 8) % 40) / 10_000,
    medianMs: 6 + ((h >>> 16) % 50),
    sigma: 0.5,
    seed,
  };
}

/** The InferenceService the demo shows degraded (and its latency alert names): the first one. */
export function degradedModel(models: ServedModel[]): ServedModel | undefined {
  return models
    .filter((m) => m.kind === 'InferenceService' && m.trafficPercent > 0)
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))[0];
}

export function inferenceTrafficStore(
  models: ServedModel[],
  startMs: number,
  now: () => number,
): SeriesStore {
  const degraded = degradedModel(models);
  const series: Series[] = [];
  for (const model of models) {
    if (model.trafficPercent <= 0) continue;
    const profile = profileOf(model, model === degraded);
    const requestsIn = (j: number) => profile.rps * (scrapeMs / 1000) * loadAt(profile, j);
    const offset = hashInt(model.service) % scrapeMs;
    const originMs = Math.floor((startMs - historyMs) / scrapeMs) * scrapeMs + offset;
    const phase = hashInt(`${model.service}/phase`) % intervalsPerCycle;
    const base: Labels = {
      reporter: 'destination',
      source_workload: 'istio-ingressgateway',
      source_workload_namespace: 'istio-system',
      destination_service: `${model.service}.${model.namespace}.svc.cluster.local`,
      destination_service_name: model.service,
      destination_service_namespace: model.namespace,
      destination_workload: model.workload,
      destination_workload_namespace: model.namespace,
      destination_canonical_service: model.name,
      request_protocol: 'http',
      response_flags: '-',
      connection_security_policy: 'mutual_tls',
      job: 'envoy-stats',
    };
    // Both response codes share the latency distribution: computed once per bucket.
    const buckets = istioBucketsMs.map((ms) => ({
      le: leOf(ms),
      shareUpTo: perInterval((j) => latencyShareUpTo(profile, j, ms)),
    }));
    const meanMs = perInterval((j) => meanLatencyAt(profile, j));
    for (const code of ['200', '503']) {
      const share = (j: number) =>
        code === '503' ? errorShareAt(profile, j) : 1 - errorShareAt(profile, j);
      const requests = perInterval((j) => requestsIn(j) * share(j));
      const labels = { ...base, response_code: code };
      const counter = (
        name: string,
        inc: (j: number) => number,
        extra: Labels = {},
        decimals = 0,
      ) =>
        series.push(
          new CycleCounter(
            { __name__: name, ...labels, ...extra },
            inc,
            phase,
            originMs,
            now,
            decimals,
          ),
        );
      counter('istio_requests_total', requests);
      counter('istio_request_duration_milliseconds_count', requests);
      counter('istio_request_duration_milliseconds_sum', (j) => requests(j) * meanMs(j), {}, 3);
      for (const { le, shareUpTo } of buckets)
        counter('istio_request_duration_milliseconds_bucket', (j) => requests(j) * shareUpTo(j), {
          le,
        });
    }
  }
  return {
    select: (matchers) => series.filter((s) => seriesMatches(s.labels, matchers)),
    all: () => series,
  };
}
