// The filter bar of a list that is read for its problems (Schedules, Serving): free text, "only
// what needs a look", and the counts. Also the hook that brings a row chosen by a link into view.
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
