// Pure helpers of the Audit page: the filter form and how it becomes the contract's filter, and
// how values read in a table cell. Tested without rendering.
import type { AuditEntryView, AuditFilter } from '../../../shared/contract/audit';
import type { Tone } from '../../components/StatusBadge';

export interface AuditForm {
  action: string;
  actor: string;
  target: string;
  result: '' | AuditEntryView['result'];
  /** Hours back from now; 0 is any time. */
  windowHours: number;
  text: string;
}

export const emptyForm: AuditForm = {
  action: '',
  actor: '',
  target: '',
  result: '',
  windowHours: 0,
  text: '',
};

export const timeWindows = [
  { hours: 0, label: 'Any time' },
  { hours: 1, label: 'Last hour' },
  { hours: 24, label: 'Last 24 h' },
  { hours: 168, label: 'Last 7 days' },
  { hours: 720, label: 'Last 30 days' },
];

export const results: AuditEntryView['result'][] = ['intent', 'ok', 'failed', 'compensated'];

export const resultTones: Record<AuditEntryView['result'], Tone> = {
  intent: 'neutral',
  ok: 'ok',
  failed: 'danger',
  compensated: 'warn',
};

/** The contract filter for a form: empty fields are left out; the window is counted from `now`. */
export function filterOf(form: AuditForm, now: Date = new Date()): AuditFilter {
  const filter: AuditFilter = {};
  if (form.action.trim()) filter.action = form.action.trim();
  if (form.actor.trim()) filter.actor = form.actor.trim();
  if (form.target.trim()) filter.target = form.target.trim();
  if (form.result) filter.result = form.result;
  if (form.text.trim()) filter.text = form.text.trim();
  if (form.windowHours > 0) {
    // Rounded down to the minute, so the query key (and its cache) holds still while typing.
    const since = Math.floor((now.getTime() - form.windowHours * 3_600_000) / 60_000) * 60_000;
    filter.since = new Date(since).toISOString();
  }
  return filter;
}

export function isFiltered(form: AuditForm): boolean {
  return JSON.stringify(form) !== JSON.stringify(emptyForm);
}

/** A from/to value in one short line: strings as they are, anything else as JSON. */
export function brief(value: unknown, max = 60): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The first block of a correlation id: enough to tell groups apart on screen. */
export function shortId(id: string | null): string {
  return id ? id.slice(0, 8) : '—';
}
