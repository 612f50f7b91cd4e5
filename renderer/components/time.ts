// Times as an engineer reads them on a status screen: 24-hour clock, the date only when not today.
// Made on first use: each costs the window's start a few milliseconds of locale data, and a page
// may need one of them or none.
const clock = lazyFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayAndClock = lazyFormat({
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const full = lazyFormat({ dateStyle: 'medium', timeStyle: 'medium' });

function lazyFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat(undefined, options));
}

/**
 * Makes the clock's two formats now. The window's first Intl.DateTimeFormat loads the locale's
 * data (~30 ms on the 2-core machine); called while the window waits for its first answers, that
 * is not spent between a cached page's answer and its paint.
 */
export function prepareClockFormats(): void {
  clock();
  dayAndClock();
}

export function formatClock(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toDateString() === now.toDateString() ? clock().format(at) : dayAndClock().format(at);
}

export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : full().format(at);
}
