// MLflow's search syntax, as far as the console and its tests use it: filter strings
// (`name LIKE '%fraud%' AND tags.team = 'risk'`), `order_by` clauses and offset page tokens.
// Behaviour follows mlflow/utils/search_utils.py on a SQLite store, where LIKE is
// case-sensitive (MLflow sets `PRAGMA case_sensitive_like`) and ILIKE is not.
import { invalidParameter } from './api-error';

export type Comparator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';

export interface FilterClause {
  /** `attribute` for plain names (`name`, `run_id`, `attributes.status`), else the entity. */
  type: 'attribute' | 'tag' | 'metric' | 'param';
  key: string;
  comparator: Comparator;
  value: string | number | string[];
}

const entityPrefixes: Record<string, FilterClause['type']> = {
  attribute: 'attribute',
  attributes: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  tag: 'tag',
  tags: 'tag',
  metric: 'metric',
  metrics: 'metric',
  param: 'param',
  params: 'param',
  parameter: 'param',
  parameters: 'param',
};

const clausePattern =
  /^\s*((?:[A-Za-z_][\w]*\.)?(?:`[^`]+`|"[^"]+"|[A-Za-z_][\w.:/-]*))\s*(!=|>=|<=|=|>|<|NOT\s+IN\b|IN\b|ILIKE\b|LIKE\b)\s*/i;

/** Parses `a = 'x' AND b LIKE 'y%'`; an empty filter is no clauses. */
export function parseFilter(filter: string | undefined): FilterClause[] {
  const clauses: FilterClause[] = [];
  let rest = (filter ?? '').trim();
  if (!rest) return clauses;
  while (rest) {
    const head = clausePattern.exec(rest);
    if (!head) throw invalidParameter(`Invalid clause(s) in filter string: '${rest}'`);
    const [whole, identifier = '', rawComparator = ''] = head;
    const comparator = rawComparator.toUpperCase().replace(/\s+/, ' ') as Comparator;
    rest = rest.slice(whole.length);
    const [value, afterValue] = readValue(rest, comparator);
    clauses.push({ ...splitIdentifier(identifier), comparator, value });
    rest = afterValue.trim();
    if (!rest) break;
    const and = /^AND\s+/i.exec(rest);
    if (!and) throw invalidParameter(`Invalid clause(s) in filter string: '${rest}'`);
    rest = rest.slice(and[0].length);
  }
  return clauses;
}

function splitIdentifier(identifier: string): Pick<FilterClause, 'type' | 'key'> {
  const unquote = (s: string) => s.replace(/^[`"](.*)[`"]$/, '$1');
  const dot = identifier.indexOf('.');
  if (dot > 0 && !identifier.startsWith('`')) {
    const prefix = identifier.slice(0, dot).toLowerCase();
    const type = entityPrefixes[prefix];
    if (type) return { type, key: unquote(identifier.slice(dot + 1)) };
  }
  return { type: 'attribute', key: unquote(identifier) };
}

function readValue(text: string, comparator: Comparator): [FilterClause['value'], string] {
  if (comparator === 'IN' || comparator === 'NOT IN') {
    const list = /^\(([^)]*)\)/.exec(text);
    if (!list)
      throw invalidParameter(
        `While parsing a list in the query, expected a non-empty list of string values, but got ${text}`,
      );
    const items = [...(list[1] ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)].map(
      (m) => m[1] ?? m[2] ?? '',
    );
    return [items, text.slice(list[0].length)];
  }
  const quoted = /^'([^']*)'|^"([^"]*)"/.exec(text);
  if (quoted) return [quoted[1] ?? quoted[2] ?? '', text.slice(quoted[0].length)];
  const number = /^-?\d+(\.\d+)?(e-?\d+)?/i.exec(text);
  if (number) return [Number(number[0]), text.slice(number[0].length)];
  const word = /^\S+/.exec(text)?.[0] ?? '';
  throw invalidParameter(
    `Parameter value is either not quoted or unidentified quote types used for string value ${word}. Use either single or double quotes.`,
  );
}

/** SQL LIKE: `%` is any run, `_` one character. */
export function like(value: string, pattern: string, caseInsensitive: boolean): boolean {
  const regex = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${regex}$`, caseInsensitive ? 'is' : 's').test(value);
}

/** Compares one actual value with a clause; a missing value matches nothing. */
export function matches(actual: string | number | undefined, clause: FilterClause): boolean {
  if (actual === undefined) return false;
  const { comparator, value } = clause;
  switch (comparator) {
    case 'LIKE':
      return like(String(actual), String(value), false);
    case 'ILIKE':
      return like(String(actual), String(value), true);
    case 'IN':
      return (value as string[]).includes(String(actual));
    case 'NOT IN':
      return !(value as string[]).includes(String(actual));
    default: {
      const [a, b] =
        typeof actual === 'number' || typeof value === 'number'
          ? [Number(actual), Number(value)]
          : [String(actual), String(value)];
      if (comparator === '=') return a === b;
      if (comparator === '!=') return a !== b;
      if (comparator === '>') return a > b;
      if (comparator === '>=') return a >= b;
      if (comparator === '<') return a < b;
      return a <= b;
    }
  }
}

export interface OrderClause {
  key: string;
  ascending: boolean;
}

/** `name DESC`, `metrics.auc`, `attributes.start_time ASC`. */
export function parseOrderBy(clauses: readonly string[]): OrderClause[] {
  return clauses.map((clause) => {
    const match = /^\s*(.+?)(?:\s+(ASC|DESC))?\s*$/i.exec(clause);
    if (!match?.[1]) throw invalidParameter(`Invalid order_by clause '${clause}'.`);
    return {
      key: match[1].replace(/`/g, ''),
      ascending: (match[2] ?? 'ASC').toUpperCase() === 'ASC',
    };
  });
}

export function compareValues(
  a: string | number | undefined,
  b: string | number | undefined,
): number {
  // MLflow sorts missing values last in either direction; callers flip only present values.
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** MLflow's page token: base64 of Python's `json.dumps({"offset": n})`. */
export function pageToken(offset: number): string {
  return Buffer.from(`{"offset": ${offset}}`).toString('base64');
}

export function offsetFromPageToken(token: string | undefined): number {
  if (!token) return 0;
  let decoded: string;
  if (!/^[A-Za-z0-9+/=_-]+$/.test(token))
    throw invalidParameter('Invalid page token, could not base64-decode');
  try {
    decoded = Buffer.from(token, 'base64').toString('utf8');
  } catch {
    throw invalidParameter('Invalid page token, could not base64-decode');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    throw invalidParameter(`Invalid page token, decoded value=${decoded}`);
  }
  const offset = (parsed as { offset?: unknown } | null)?.offset;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw invalidParameter(`Invalid page token, parsed value=${decoded}`);
  }
  return offset;
}

/** One page of `items` and the token for the next, present only when more remain. */
export function page<T>(
  items: readonly T[],
  maxResults: number,
  token: string | undefined,
): { items: T[]; next?: string } {
  const offset = offsetFromPageToken(token);
  const slice = items.slice(offset, offset + maxResults);
  return offset + maxResults < items.length
    ? { items: slice, next: pageToken(offset + maxResults) }
    : { items: slice };
}
