// Pure helpers of the Alerts page, tested without rendering: severity tones, the matchers a
// silence starts from, how a matcher and a duration read.
import type { FiringAlert, SilenceMatcher } from '../../../shared/contract/alerts';
import type { Tone } from '../../components/StatusBadge';

export function severityTone(severity: string): Tone {
  switch (severity.toLowerCase()) {
    case 'critical':
    case 'page':
    case 'error':
      return 'danger';
    case 'warning':
      return 'warn';
    case 'info':
      return 'info';
    default:
      return 'neutral';
  }
}

/** Labels a silence usually should not pin: they change between firings of the same problem. */
const volatileLabels = new Set(['instance', 'pod', 'container', 'endpoint', 'job', 'prometheus']);

export interface MatcherChoice {
  matcher: SilenceMatcher;
  /** Ticked by default: every label but the volatile ones (the alertname always). */
  chosen: boolean;
}

/** The matchers a silence of this alert starts with: one per label, as Alertmanager's UI does. */
export function matchersFromAlert(alert: FiringAlert): MatcherChoice[] {
  return Object.keys(alert.labels)
    .sort((a, b) => (a === 'alertname' ? -1 : b === 'alertname' ? 1 : a.localeCompare(b)))
    .map((name) => ({
      matcher: { name, value: alert.labels[name] ?? '', isRegex: false, isEqual: true },
      chosen: name === 'alertname' || !volatileLabels.has(name),
    }));
}

export function formatMatcher(m: SilenceMatcher): string {
  const op = m.isRegex ? (m.isEqual ? '=~' : '!~') : m.isEqual ? '=' : '!=';
  return `${m.name}${op}"${m.value}"`;
}

export function formatDuration(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} d`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  if (minutes > 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${minutes} min`;
}

export const durationChoices = [30, 60, 120, 240, 480, 1440, 4320];

/** Does a silence (its matchers) cover an alert's labels? Equality and regex, like Alertmanager. */
export function silenceCovers(matchers: SilenceMatcher[], labels: Record<string, string>): boolean {
  return matchers.every((m) => {
    const value = labels[m.name] ?? '';
    let hit: boolean;
    try {
      hit = m.isRegex ? new RegExp(`^(?:${m.value})$`).test(value) : value === m.value;
    } catch {
      return false;
    }
    return hit === m.isEqual;
  });
}

export function alertTitle(alert: FiringAlert): string {
  return alert.annotations.summary ?? alert.annotations.description ?? alert.labels.alertname ?? '';
}

/** A runbook link, only when it is an http(s) URL (annotations are free text). */
export function runbookOf(alert: FiringAlert): string | undefined {
  const url = alert.annotations.runbook_url ?? alert.annotations.runbook;
  return url && /^https?:\/\//.test(url) ? url : undefined;
}
