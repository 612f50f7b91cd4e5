// Inference health per InferenceService / model Deployment: request rate, error rate and latency
// quantiles from the request-duration histograms, with the model version the cluster serves.
import { FreshPanel } from '../../components/FreshPanel';
import { useFreshCall } from '../../data/fresh';
import { num, percent } from './format';
import { Warnings } from './Warnings';

export function InferenceView({ prometheus }: { prometheus: string }) {
  const fresh = useFreshCall('monitoring.inference', { prometheus });
  return (
    <section className="card" data-testid="inference-health">
      <FreshPanel fresh={fresh} skeletonLines={6}>
        {(health) => (
          <>
            <Warnings warnings={health.warnings} />
            {health.metricsFrom === 'none' && (
              <p className="muted" data-testid="inference-no-metrics">
                No request metrics found: looked for Knative&apos;s{' '}
                <span className="mono">revision_request_count</span> and Istio&apos;s{' '}
                <span className="mono">istio_requests_total</span>. Override the{' '}
                <span className="mono">inference.*</span> signals in the workspace file if your
                servers export others.
              </p>
            )}
            {health.services.length === 0 ? (
              <p className="muted empty-line">Nothing serves a model in the selected clusters.</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table" data-testid="inference-table">
                  <thead>
                    <tr>
                      <th>Service</th>
                      <th>Model version</th>
                      <th className="num">Req/s</th>
                      <th className="num">Errors</th>
                      <th className="num">p50 ms</th>
                      <th className="num">p95 ms</th>
                      <th className="num">p99 ms</th>
                    </tr>
                  </thead>
                  <tbody>
                    {health.services.map((s) => (
                      <tr key={`${s.namespace}/${s.revision}/${s.name}`}>
                        <td>
                          <span className="mono">
                            {s.namespace}/{s.name}
                          </span>{' '}
                          <span className="muted">{s.revision}</span>
                        </td>
                        <td>{s.modelVersion ?? '—'}</td>
                        <td className="num">{num(s.requestRate, 2)}</td>
                        <td className="num">{percent(s.errorRate)}</td>
                        <td className="num">{num(s.p50Ms, 1)}</td>
                        <td className="num">{num(s.p95Ms, 1)}</td>
                        <td className="num">{num(s.p99Ms, 1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </FreshPanel>
    </section>
  );
}
