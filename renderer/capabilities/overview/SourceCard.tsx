import type { ConnectionView } from '../../../shared/contract/connections';
import { KindIcon, kindLabels } from '../../components/connection-kinds';
import { FreshPanel } from '../../components/FreshPanel';
import { StatusDot } from '../../components/StatusBadge';
import { useFreshCall } from '../../data/fresh';
import { useSourceStatuses } from '../../data/source-status';
import { HeadlineFigures } from './HeadlineFigures';
import { cardState } from './source-state';

export function SourceCard({ view }: { view: ConnectionView }) {
  const { id, name, kind } = view.connection;
  const fresh = useFreshCall('sources.headline', { id });
  const event = useSourceStatuses()[id];
  const status = cardState(event, fresh.view);
  const titleId = `source-card-title-${id}`;

  return (
    <article
      className={`card source-card source-card-${kind}`}
      data-testid={`source-card-${id}`}
      aria-labelledby={titleId}
    >
      <header className="card-header">
        <KindIcon kind={kind} />
        <div className="card-title">
          <h2 id={titleId}>{name}</h2>
          <span className="card-subtitle">
            {kindLabels[kind]} · <span className="mono">{id}</span>
          </span>
        </div>
        <StatusDot state={status.state} title={status.detail} testId={`source-status-${id}`} />
      </header>
      <div className="card-body">
        <FreshPanel fresh={fresh} emptyText="The source has not reported any figures yet.">
          {(headline) => <HeadlineFigures headline={headline} />}
        </FreshPanel>
      </div>
    </article>
  );
}
