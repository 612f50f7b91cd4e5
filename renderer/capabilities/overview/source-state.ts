// A source's state on its card: the latest background probe (sources.status event) when there
// is one, else what the headline fetch found.
import type { SourceStatus } from '../../../shared/contract/connections';
import type { Headline } from '../../../shared/contract/sources';
import type { SourceState } from '../../components/StatusBadge';
import type { Fresh } from '../../data/fresh';
import { errorTitle } from '../../components/error-text';

export interface CardState {
  state: SourceState;
  detail: string;
}

export function cardState(event: SourceStatus | undefined, fresh: Fresh<Headline>): CardState {
  if (event) {
    const parts = [event.message, event.latencyMs !== undefined ? `${event.latencyMs} ms` : '']
      .filter(Boolean)
      .join(' · ');
    return { state: event.state, detail: parts || `checked ${event.checkedAt}` };
  }
  switch (fresh.state) {
    case 'live':
      return fromLiveHeadline(fresh.value);
    case 'stale':
      return { state: 'down', detail: `${errorTitle(fresh.cause)}: ${fresh.cause.message}` };
    case 'error':
      return { state: 'down', detail: `${errorTitle(fresh.error)}: ${fresh.error.message}` };
    case 'empty':
      return { state: 'unknown', detail: 'No figures yet' };
    default:
      return { state: 'unknown', detail: 'Checking…' };
  }
}

function fromLiveHeadline(headline: Headline): CardState {
  if (headline.kind !== 'kubernetes') return { state: 'ok', detail: 'Answered just now' };
  const selected = headline.contexts.filter((c) => c.selected);
  const failing = selected.filter((c) => c.error);
  if (selected.length > 0 && failing.length === selected.length) {
    return { state: 'down', detail: 'No selected context answered' };
  }
  if (failing.length > 0) {
    return {
      state: 'degraded',
      detail: `${failing.length} of ${selected.length} contexts failing: ${failing.map((c) => c.context).join(', ')}`,
    };
  }
  return { state: 'ok', detail: 'Answered just now' };
}
