import type { ReactNode } from 'react';
import type { ConnectionView } from '../../../shared/contract/connections';
import type { ConnectionKind } from '../../../shared/model/connection';
import { kindLabels } from '../../components/connection-kinds';
import { useFreshCalls } from '../../data/fresh';
import { computeTotals, type HeadlineTotals as Totals } from './totals';

export function HeadlineTotals({ connections }: { connections: ConnectionView[] }) {
  const fresh = useFreshCalls(
    'sources.headline',
    connections.map((c) => ({ id: c.connection.id })),
  );
  const totals = computeTotals(
    connections.map((c, i) => ({
      kind: c.connection.kind,
      fresh: fresh[i] ?? { state: 'loading' },
    })),
  );
  const gpusKnown = totals.gpus.capacity > 0 || totals.gpus.allocatable > 0;

  return (
    <section className="totals" aria-label="Headline totals">
      <Tile
        name="contexts"
        label="Contexts"
        kind="kubernetes"
        totals={totals}
        value={totals.contexts.selected}
        sub={`selected of ${totals.contexts.available}`}
      />
      <Tile
        name="namespaces"
        label="Namespaces"
        kind="kubernetes"
        totals={totals}
        value={totals.namespaces.count}
        sub={
          totals.namespaces.notPermitted > 0
            ? `${totals.namespaces.notPermitted} context${totals.namespaces.notPermitted === 1 ? '' : 's'} not permitted`
            : 'in selected contexts'
        }
      />
      <Tile
        name="nodes"
        label="Nodes"
        kind="kubernetes"
        totals={totals}
        value={totals.nodes}
        sub="in selected contexts"
      />
      <Tile
        name="gpus"
        label="GPUs"
        kind="kubernetes"
        totals={totals}
        value={totals.gpus.allocatable}
        display={
          gpusKnown ? (
            <>
              {totals.gpus.allocatable}
              <span className="tile-of"> / {totals.gpus.capacity}</span>
            </>
          ) : (
            0
          )
        }
        sub="allocatable / capacity"
      />
      <Tile
        name="models"
        label="Registered models"
        kind="mlflow"
        totals={totals}
        value={totals.models}
        sub={`in ${totals.sources.mlflow} MLflow registr${totals.sources.mlflow === 1 ? 'y' : 'ies'}`}
      />
      <Tile
        name="targets"
        label="Targets up"
        kind="prometheus"
        totals={totals}
        value={totals.targets.up}
        display={
          <>
            {totals.targets.up}
            <span className="tile-of"> / {totals.targets.total}</span>
          </>
        }
        sub="Prometheus scrape targets"
      />
    </section>
  );
}

function Tile({
  name,
  label,
  kind,
  totals,
  value,
  display,
  sub,
}: {
  name: string;
  label: string;
  kind: ConnectionKind;
  totals: Totals;
  value: number;
  display?: ReactNode;
  sub: string;
}) {
  const sources = totals.sources[kind];
  const missing = totals.missing[kind];
  const notLive = totals.notLive[kind];
  let body: ReactNode;
  let note: ReactNode = <span className="tile-sub">{sub}</span>;
  if (sources === 0) {
    body = <span className="muted">—</span>;
    note = <span className="tile-sub">no {kindLabels[kind]} connection</span>;
  } else if (missing === sources) {
    body = <span className="tile-pending" aria-label="loading" />;
  } else {
    body = display ?? value;
    if (missing > 0 || notLive > 0) {
      note = (
        <span
          className="tile-sub tile-partial"
          title="Some sources are showing last-known figures or none"
        >
          {missing > 0
            ? `${sources - missing} of ${sources} sources`
            : 'includes last-known figures'}
        </span>
      );
    }
  }
  return (
    <div
      className="tile"
      data-testid={`headline-total-${name}`}
      data-value={sources > 0 && missing < sources ? value : undefined}
    >
      <span className="tile-label">{label}</span>
      <span className="tile-value">{body}</span>
      {note}
    </div>
  );
}
