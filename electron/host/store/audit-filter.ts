// Turns an audit filter into SQL. Equality on action, actor, target and result, each backed by an
// index ending in seq (migration 2), so "the newest 200 rows where ..." walks one index backwards
// instead of the whole table. Free text is a LIKE over the words a person searches by; it is the
// one filter that may scan, and a time window bounds it.
import type { AuditResult } from './audit-entry';

export interface AuditFilter {
  action?: string;
  actor?: string;
  target?: string;
  result?: AuditResult;
  /** Inclusive, ISO time. */
  since?: string | Date;
  /** Exclusive, ISO time. */
  until?: string | Date;
  /** Case-insensitive substring of actor, action, target, reason or correlation id. */
  text?: string;
}

export interface SqlWhere {
  clauses: string[];
  params: (string | number)[];
}

export function filterWhere(filter: AuditFilter): SqlWhere {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.action !== undefined) add('action = ?', filter.action);
  if (filter.actor !== undefined) add('actor = ?', filter.actor);
  if (filter.target !== undefined) add('target = ?', filter.target);
  if (filter.result !== undefined) add('result = ?', filter.result);
  if (filter.since !== undefined) add('at >= ?', isoTime(filter.since, 'since'));
  if (filter.until !== undefined) add('at < ?', isoTime(filter.until, 'until'));
  const text = filter.text?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add(
      `(actor LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\' OR correlation_id LIKE ? ESCAPE '\\')`,
      pattern,
      pattern,
      pattern,
      pattern,
      pattern,
    );
  }
  return { clauses, params };
}

export function whereSql(where: SqlWhere): string {
  return where.clauses.length ? `WHERE ${where.clauses.join(' AND ')}` : '';
}

export function isoTime(value: string | Date, what: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new TypeError(`audit ${what}: not a time: ${String(value)}`);
  return date.toISOString();
}
