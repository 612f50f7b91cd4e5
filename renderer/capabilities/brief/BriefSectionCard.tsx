// One section of the brief: its count, its items (newest problems first as the host sorts
// them), each linking to its detail page; "unavailable" with the cause when it could not be read.
import { Link } from 'react-router-dom';
import type { BriefItem, BriefSection } from '../../../shared/contract/brief';
import { Badge, type Tone } from '../../components/StatusBadge';
import { formatClock } from '../../components/time';

const severityTone: Record<BriefItem['severity'], Tone> = {
  critical: 'danger',
  warning: 'warn',
  info: 'info',
};

/** Long sections stay readable; the detail page has the rest. */
const shownItems = 8;

export function BriefSectionCard({
  section,
  newIds,
}: {
  section: BriefSection;
  newIds: Set<string>;
}) {
  const tone: Tone =
    section.state === 'ok' ? 'ok' : section.state === 'unavailable' ? 'neutral' : 'warn';
  const extra = section.items.length - shownItems;
  return (
    <div className={`card brief-section ${section.state}`} data-testid={`brief-${section.id}`}>
      <h3>
        {section.title}{' '}
        <Badge tone={tone}>
          {section.state === 'unavailable' ? 'unavailable' : section.items.length}
        </Badge>
      </h3>
      {section.state === 'unavailable' ? (
        <p className="muted" role="note">
          Could not be read: {section.note}
        </p>
      ) : section.items.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <ul className="brief-items">
          {section.items.slice(0, shownItems).map((item) => (
            <BriefItemRow key={item.id} item={item} isNew={newIds.has(item.id)} />
          ))}
          {extra > 0 && <li className="muted">and {extra} more</li>}
        </ul>
      )}
      {section.state !== 'unavailable' && section.note && (
        <p className="muted small" role="note">
          {section.note}
        </p>
      )}
    </div>
  );
}

function BriefItemRow({ item, isNew }: { item: BriefItem; isNew: boolean }) {
  return (
    <li className={`brief-item${isNew ? ' is-new' : ''}`} data-testid="brief-item">
      <span className={`brief-severity tone-${severityTone[item.severity]}`} aria-hidden="true" />
      <div className="brief-item-text">
        <div>
          {isNew && (
            <Badge tone="accent" testId="brief-new">
              New
            </Badge>
          )}{' '}
          {item.link ? <Link to={item.link}>{item.title}</Link> : <span>{item.title}</span>}
          {item.where && <span className="muted small"> · {item.where}</span>}
          {item.since && <span className="muted small"> · since {formatClock(item.since)}</span>}
        </div>
        {item.detail && <div className="muted small brief-detail">{item.detail}</div>}
      </div>
    </li>
  );
}
