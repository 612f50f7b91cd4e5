// Allocated-but-idle GPUs (owner, namespace, how long, what it cost) and GPU cost per namespace
// and per pipeline, with the rule and price in force and where they come from.
import type { CostRow, GpuFleet } from '../../../shared/contract/monitoring';
import { FreshPanel } from '../../components/FreshPanel';
import { useFreshCall } from '../../data/fresh';
import { duration, gib, money, num } from './format';
import { Warnings } from './Warnings';

export function CostView({ prometheus }: { prometheus: string }) {
  const fresh = useFreshCall('monitoring.gpus', { prometheus });
  return (
    <FreshPanel fresh={fresh} skeletonLines={8}>
      {(fleet) => (
        <>
          <Warnings warnings={fleet.warnings} />
          <IdleTable fleet={fleet} />
          <div className="cost-grid">
            <CostTable
              title="Cost per namespace"
              rows={fleet.costByNamespace}
              fleet={fleet}
              testId="cost-namespace"
            />
            <CostTable
              title="Cost per pipeline"
              rows={fleet.costByPipeline}
              fleet={fleet}
              testId="cost-pipeline"
            />
          </div>
        </>
      )}
    </FreshPanel>
  );
}

function IdleTable({ fleet }: { fleet: GpuFleet }) {
  const s = fleet.settings;
  const total = fleet.idle.reduce((sum, r) => sum + r.cost, 0);
  return (
    <section className="card" data-testid="idle-gpus">
      <h2>Allocated but idle</h2>
      <p className="muted">
        Held by a pod (or holding ≥ {s.memoryHeldMiB} MiB) and under {s.idleThresholdPercent} %
        utilisation for {duration(s.idleWindowSeconds)} · {money(s.pricePerGpuHour, s.currency)} per
        GPU-hour ({priceSource[s.priceSource]}). Set in the workspace file under{' '}
        <span className="mono">overrides.gpus</span>.
      </p>
      {fleet.idle.length === 0 ? (
        <p className="empty-line" data-testid="idle-none">
          No allocated GPU is idle.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>GPU</th>
                <th>Owner</th>
                <th>Namespace</th>
                <th>Pod</th>
                <th className="num">Peak util %</th>
                <th className="num">Memory GiB</th>
                <th className="num">Idle for</th>
                <th className="num">Cost</th>
              </tr>
            </thead>
            <tbody>
              {fleet.idle.map((r) => (
                <tr key={r.key} data-testid="idle-row">
                  <td>
                    {r.node} GPU {r.gpu}
                  </td>
                  <td>{r.owner ?? '—'}</td>
                  <td>{r.namespace ?? '—'}</td>
                  <td className="mono">{r.pod ?? '—'}</td>
                  <td className="num">{num(r.peakUtilisation, 1)}</td>
                  <td className="num">{gib(r.memoryUsedMiB)}</td>
                  <td className="num" title={`since ${new Date(r.idleSince).toISOString()}`}>
                    {duration(r.idleSeconds)}
                  </td>
                  <td className="num">{money(r.cost, s.currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={7}>Total</th>
                <td className="num">{money(total, s.currency)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

const priceSource = {
  workspace: 'from the workspace file',
  opencost: "OpenCost's node_gpu_hourly_cost where exported",
  default: 'the default price: set yours in the workspace file',
} as const;

function CostTable({
  title,
  rows,
  fleet,
  testId,
}: {
  title: string;
  rows: CostRow[];
  fleet: GpuFleet;
  testId: string;
}) {
  return (
    <section className="card" data-testid={testId}>
      <h2>{title}</h2>
      <p className="muted">Over the last {duration(fleet.settings.costWindowSeconds)}.</p>
      {rows.length === 0 ? (
        <p className="muted empty-line">No GPU was held by a pod in this window.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>Name</th>
              <th className="num">GPU-hours</th>
              <th className="num">Cost</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td>{r.name}</td>
                <td className="num">{num(r.gpuHours, 2)}</td>
                <td className="num">{money(r.cost, fleet.settings.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
