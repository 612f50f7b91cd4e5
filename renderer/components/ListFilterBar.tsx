// What the lists read for their problems (Schedules, Serving) share: the filter bar (free text,
// "only what needs a look", the counts), the selected row brought into view, the periodic re-read
// and the cells that say what a Kubernetes object is and where it runs.
import { useEffect, useRef, type ReactNode } from 'react';

export function ListFilterBar({
  text,
  onText,
  textLabel,
  onlyProblems,
  onOnlyProblems,
  onlyProblemsLabel,
  children,
}: {
  text: string;
  onText: (text: string) => void;
  textLabel: string;
  onlyProblems: boolean;
  onOnlyProblems: (only: boolean) => void;
  onlyProblemsLabel: string;
  /** The counts, shown after the filters. */
  children: ReactNode;
}) {
  return (
    <div className="schedules-filters" role="group" aria-label="Filters">
      <input
        type="search"
        placeholder="Filter by name, namespace, model"
        aria-label={textLabel}
        value={text}
        onChange={(e) => onText(e.target.value)}
      />
      <label>
        <input
          type="checkbox"
          checked={onlyProblems}
          onChange={(e) => onOnlyProblems(e.target.checked)}
        />{' '}
        {onlyProblemsLabel}
      </label>
      {children}
    </div>
  );
}

/** A ref for the selected row, scrolled to the middle of the list whenever the selection changes. */
export function useSelectedRowInView(selected: string | null | undefined) {
  const row = useRef<HTMLTableRowElement>(null);
  // Braces: scrollIntoView returns a promise in newer Chromium, and an effect must not return one.
  useEffect(() => {
    row.current?.scrollIntoView?.({ block: 'center' });
  }, [selected]);
  return row;
}

/** Calls `refresh` every `ms` while the page is open (lists that are re-read, not watched). */
export function useRefreshEvery(refresh: () => void, ms: number): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const timer = setInterval(() => latest.current(), ms);
    return () => clearInterval(timer);
  }, [ms]);
}

/** The first two cells of a Kubernetes object's row: what it is, and where it runs. */
export function KubeObjectCells({
  name,
  kind,
  model,
  context,
  namespace,
}: {
  name: string;
  kind: string;
  model?: string | null | undefined;
  context: string;
  namespace: string;
}) {
  return (
    <>
      <td>
        <div>{name}</div>
        <div className="muted small">
          {kind}
          {model ? ` · model ${model}` : ''}
        </div>
      </td>
      <td>
        {context}
        <div className="muted small">{namespace}</div>
      </td>
    </>
  );
}
