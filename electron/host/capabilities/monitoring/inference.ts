// Inference health per InferenceService / model Deployment: request rate, error rate and latency
// p50/p95/p99 from the request-duration histograms (Knative's queue-proxy metrics for KServe
// serverless, else Istio's), beside the model version the cluster says it serves.
import type {
  InferenceHealth,
  InferenceServiceHealth,
} from '../../../../shared/contract/monitoring';
import { parseModelUri, type FoundUri } from '../models/serving';
import { readInstant, type Reading, type SignalReader } from './read-signal';
import type { SignalName } from './signals';

interface Dialect {
  from: 'knative' | 'istio';
  rate: SignalName;
  errors: SignalName;
  latency: SignalName;
  namespace: string;
  name: string;
}

const dialects: Dialect[] = [
  {
    from: 'knative',
    rate: 'inference.requestRate',
    errors: 'inference.errorRate',
    latency: 'inference.latencyMs',
    namespace: 'namespace_name',
    name: 'revision_name',
  },
  {
    from: 'istio',
    rate: 'inference.istioRequestRate',
    errors: 'inference.istioErrorRate',
    latency: 'inference.istioLatencyMs',
    namespace: 'destination_service_namespace',
    name: 'destination_service_name',
  },
];

/** `fraud-predictor-00003` → `fraud`; `fraud-predictor-default` → `fraud`: the InferenceService. */
export function serviceOf(revisionOrService: string): string {
  return revisionOrService.replace(
    /-(predictor|transformer|explainer)(-default)?(-\d+)?(\..*)?$/,
    '',
  );
}

export async function readInferenceHealth(
  reader: Omit<SignalReader, 'vars'>,
  serving: FoundUri[],
  servingWarnings: string[],
): Promise<InferenceHealth> {
  const warnings = [...servingWarnings];
  const base = { ...reader, vars: { rate: '5m' } };
  for (const d of dialects) {
    let rates: Reading[];
    try {
      rates = (await readInstant(base, d.rate)).readings;
    } catch (error) {
      warnings.push((error as Error).message);
      continue;
    }
    if (rates.length === 0) continue;
    const optional = async (name: SignalName, quantile?: string) => {
      try {
        const vars = quantile ? { ...base.vars, quantile } : base.vars;
        return (await readInstant({ ...base, vars }, name)).readings;
      } catch (error) {
        warnings.push((error as Error).message);
        return [];
      }
    };
    const [errors, p50, p95, p99] = await Promise.all([
      optional(d.errors),
      optional(d.latency, '0.5'),
      optional(d.latency, '0.95'),
      optional(d.latency, '0.99'),
    ]);
    const key = (r: Reading) => `${r.labels[d.namespace] ?? ''}/${r.labels[d.name] ?? ''}`;
    const index = (list: Reading[]) => new Map(list.map((r) => [key(r), r.value]));
    const [e, q50, q95, q99] = [index(errors), index(p50), index(p95), index(p99)];
    const finite = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
    const services: InferenceServiceHealth[] = rates.map((r) => {
      const namespace = r.labels[d.namespace] ?? '';
      const revision = r.labels[d.name] ?? '';
      const name = serviceOf(revision);
      const rate = finite(r.value);
      const errs = finite(e.get(key(r)) ?? 0);
      const version = versionOf(serving, namespace, revision);
      return {
        namespace,
        name,
        revision,
        ...(version ? { modelVersion: version } : {}),
        requestRate: rate,
        errorRate: rate && errs !== null ? errs / rate : rate === 0 ? 0 : null,
        p50Ms: finite(q50.get(key(r))),
        p95Ms: finite(q95.get(key(r))),
        p99Ms: finite(q99.get(key(r))),
      };
    });
    return {
      services: services.sort(
        (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
      ),
      metricsFrom: d.from,
      warnings,
    };
  }
  // No request metrics: still list what serves, so the page says what it looked for and where.
  return {
    services: serving.map((s) => {
      const version = versionOf(serving, s.namespace, s.name);
      return {
        namespace: s.namespace,
        name: s.name,
        revision: s.kind,
        ...(version ? { modelVersion: version } : {}),
        requestRate: null,
        errorRate: null,
        p50Ms: null,
        p95Ms: null,
        p99Ms: null,
      };
    }),
    metricsFrom: 'none',
    warnings,
  };
}

/**
 * The model version a metrics row (a revision, or a Deployment) serves. Only the newest revision
 * of an InferenceService is known to run the URI its spec names: an older revision still taking
 * traffic (a canary's stable side, a rollout whose new revision failed) runs an earlier version
 * the spec no longer records, so it gets none rather than a wrong one.
 */
export function versionOf(serving: FoundUri[], namespace: string, row: string): string | undefined {
  const found = serving.find(
    (s) => s.namespace === namespace && (s.name === row || s.name === serviceOf(row)),
  );
  if (!found) return undefined;
  if (row !== found.name) {
    const newest = found.revision;
    const isNewest =
      newest !== undefined &&
      (row === newest || row.startsWith(`${newest}-`) || row.startsWith(`${newest}.`));
    // Without the status, a canary's two revisions cannot be told apart.
    if (newest !== undefined ? !isNewest : found.trafficPercent !== undefined) return undefined;
  }
  const uri = parseModelUri(found.uri);
  if (!uri) return undefined;
  return uri.version ? `${uri.name} v${uri.version}` : `${uri.name}@${uri.alias ?? ''}`;
}
