// Per cluster node and GPU: utilisation, memory used/total, power, temperature, clocks, the last
// XID error and the pod holding it; utilisation over time above the table.
import type { GpuView } from '../../../shared/contract/monitoring';
import { FreshPanel } from '../../components/FreshPanel';
import { useFreshCall } from '../../data/fresh';
import { gib, num } from './format';
import { SignalChart } from './SignalChart';
import { Warnings } from './Warnings';

export function FleetView({ prometheus }: { prometheus: string }) {
  const fresh = useFreshCall('monitoring.gpus', { prometheus });
  return (
    <>
      <SignalChart
        prometheus={prometheus}
        signal="gpu.utilisation"
        title="GPU utilisation"
        unit="%"
        yDomain={[0, 100]}
      />
      <section className="card">
        <FreshPanel fresh={fresh} skeletonLines={8}>
          {(fleet) => (
            <>
              <Warnings warnings={fleet.warnings} />
              {fleet.gpus.length === 0 ? (
                <p className="muted empty-line">No GPU reports to this Prometheus.</p>
              ) : (
                <GpuTable gpus={fleet.gpus} />
              )}
            </>
          )}
        </FreshPanel>
      </section>
    </>
  );
}

function GpuTable({ gpus }: { gpus: GpuView[] }) {
  const nodes = [...new Set(gpus.map((g) => g.node))];
  return (
    <div className="table-scroll">
      <table className="data-table gpu-table" data-testid="gpu-table">
        <thead>
          <tr>
            <th>GPU</th>
            <th className="num">Util %</th>
            <th className="num">Memory GiB</th>
            <th className="num">Power W</th>
            <th className="num">Temp °C</th>
            <th className="num">SM / mem MHz</th>
            <th className="num">XID</th>
            <th>Held by</th>
          </tr>
        </thead>
        {nodes.map((node) => (
          <tbody key={node}>
            <tr className="group-row">
              <th colSpan={8} scope="rowgroup">
                {node}
              </th>
            </tr>
            {gpus
              .filter((g) => g.node === node)
              .map((g) => (
                <tr key={g.key} data-testid="gpu-row" data-idle={g.idle}>
                  <td>
                    GPU {g.gpu} <span className="muted">{g.model ?? ''}</span>
                    {g.idle && (
                      <span className="badge tone-warn" title="Allocated but idle">
                        idle
                      </span>
                    )}
                  </td>
                  <td className="num">
                    <span
                      className="util-bar"
                      style={{ ['--util' as string]: `${g.utilisation ?? 0}%` }}
                    >
                      {num(g.utilisation)}
                    </span>
                  </td>
                  <td className="num">
                    {gib(g.memoryUsedMiB)} / {gib(g.memoryTotalMiB)}
                  </td>
                  <td className="num">{num(g.powerWatts)}</td>
                  <td className="num">{num(g.temperatureC)}</td>
                  <td className="num">
                    {num(g.smClockMHz)} / {num(g.memoryClockMHz)}
                  </td>
                  <td className="num" title="The last XID error code dcgm-exporter saw">
                    {g.xidError ? (
                      <span className="badge tone-danger">{g.xidError}</span>
                    ) : (
                      num(g.xidError)
                    )}
                  </td>
                  <td>
                    {g.pod ? (
                      <span
                        title={
                          g.holderFrom === 'node-requests'
                            ? 'Requests GPUs on this node (which GPU is not known)'
                            : undefined
                        }
                      >
                        <span className="mono">
                          {g.namespace}/{g.pod}
                        </span>
                        {g.holderFrom === 'node-requests' && (
                          <span className="muted"> (on node)</span>
                        )}
                      </span>
                    ) : (
                      <span className="muted">free</span>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
