// The morning brief on the Overview: "is everything OK?" in one panel, painted from the last
// brief at once ("as of"), then live. Items new since the last visit are marked; the visit is
// recorded once the live brief has been shown. "Copy as Markdown" for a stand-up or a ticket.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Brief, LastVisit } from '../../../shared/contract/brief';
import { FreshPanel } from '../../components/FreshPanel';
import { Badge } from '../../components/StatusBadge';
import { formatClock } from '../../components/time';
import { useToasts } from '../../components/toasts';
import { useFreshCall } from '../../data/fresh';
import { useCall, useCallMutation } from '../../data/queries';
import { BriefSectionCard } from './BriefSectionCard';
import { allItems, briefMarkdown, headline, newItemIds } from './brief-view';
import './brief.css';

const refreshMs = 60_000;

export function MorningBrief({ workspace }: { workspace?: string }) {
  const fresh = useFreshCall('brief.get', {});
  // Read once per visit: the baseline must not move while the user looks at the brief.
  const visit = useCall('brief.lastVisit', {}, { staleTime: Infinity, gcTime: 0 });
  const visited = useCallMutation('brief.visited');
  const recorded = useRef(false);
  const retry = useRef(fresh.retry);
  retry.current = fresh.retry;

  useEffect(() => {
    const timer = setInterval(() => retry.current(), refreshMs);
    return () => clearInterval(timer);
  }, []);

  const live = fresh.view.state === 'live' ? fresh.view.value : undefined;
  useEffect(() => {
    if (!live || !visit.isSuccess || recorded.current) return;
    recorded.current = true;
    visited.mutate({ itemIds: allItems(live).map((i) => i.id) });
  }, [live, visit.isSuccess, visited]);

  return (
    <section className="brief" aria-labelledby="brief-title" data-testid="morning-brief">
      <FreshPanel fresh={fresh} skeletonLines={5} emptyText="No brief yet.">
        {(brief) => (
          <BriefBody
            brief={brief}
            lastVisit={visit.data?.lastVisit ?? null}
            {...(workspace ? { workspace } : {})}
          />
        )}
      </FreshPanel>
    </section>
  );
}

function BriefBody({
  brief,
  lastVisit,
  workspace,
}: {
  brief: Brief;
  lastVisit: LastVisit | null;
  workspace?: string;
}) {
  const toasts = useToasts();
  const [manualCopy, setManualCopy] = useState<string | undefined>();
  const newIds = useMemo(() => newItemIds(brief, lastVisit), [brief, lastVisit]);
  const head = headline(brief);

  const copy = async () => {
    const text = briefMarkdown(brief, {
      newIds,
      ...(workspace ? { workspace } : {}),
    });
    try {
      await navigator.clipboard.writeText(text);
      setManualCopy(undefined);
      toasts.show({ tone: 'ok', title: 'Brief copied as Markdown' });
    } catch {
      // No clipboard permission (a browser tab not focused): let the user copy it by hand.
      setManualCopy(text);
    }
  };

  return (
    <>
      <header className="brief-header">
        <div>
          <h2 id="brief-title">Morning brief</h2>
          <Badge tone={head.tone} testId="brief-headline">
            {head.text}
          </Badge>
          {lastVisit && (
            <span className="muted brief-since" data-testid="brief-since">
              {' '}
              Since your last visit ({formatClock(lastVisit.at)}): {newIds.size} new
            </span>
          )}
        </div>
        <button type="button" className="button" onClick={() => void copy()}>
          Copy as Markdown
        </button>
      </header>
      {manualCopy !== undefined && (
        <div className="brief-manual-copy">
          <p className="muted" role="status">
            The clipboard could not be reached; select the text below and copy it.
          </p>
          <textarea
            readOnly
            value={manualCopy}
            aria-label="The brief as Markdown"
            rows={8}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      <div className="brief-sections">
        {brief.sections.map((section) => (
          <BriefSectionCard key={section.id} section={section} newIds={newIds} />
        ))}
      </div>
    </>
  );
}
