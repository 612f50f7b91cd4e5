// Label selectors in the API server's string syntax (k8s.io/apimachinery/pkg/labels):
// `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`, joined by commas.
import { errors } from '../api/status';

export type LabelRequirement =
  | { key: string; op: 'exists' | 'doesNotExist' }
  | { key: string; op: 'equals' | 'notEquals'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'gt' | 'lt'; value: number };

export type LabelSelector = LabelRequirement[];

const namePart = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkKey(key: string): string {
  const slash = key.indexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? '' : key.slice(0, slash);
  if (
    !name ||
    name.length > 63 ||
    !namePart.test(name) ||
    (slash >= 0 && (!prefix || !dnsSubdomain.test(prefix)))
  ) {
    throw errors.badRequest(
      `unable to parse requirement: invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  }
  return key;
}

function checkValue(value: string): string {
  if (value !== '' && (value.length > 63 || !namePart.test(value))) {
    throw errors.badRequest(
      `unable to parse requirement: values[0][${value}]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  }
  return value;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function parseRequirement(raw: string): LabelRequirement {
  const text = raw.trim();
  let m = /^!\s*(\S+)$/.exec(text);
  if (m?.[1]) return { key: checkKey(m[1]), op: 'doesNotExist' };
  m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(text);
  if (m?.[1] && m[2] && m[3] !== undefined) {
    const values = m[3].split(',').map((v) => checkValue(v.trim()));
    return { key: checkKey(m[1]), op: m[2] === 'in' ? 'in' : 'notin', values };
  }
  m = /^([^=!<>\s]+)\s*(==|=|!=)\s*([^=!<>\s]*)$/.exec(text);
  if (m?.[1] && m[2]) {
    return {
      key: checkKey(m[1]),
      op: m[2] === '!=' ? 'notEquals' : 'equals',
      value: checkValue(m[3] ?? ''),
    };
  }
  m = /^([^=!<>\s]+)\s*(>|<)\s*(-?\d+)$/.exec(text);
  if (m?.[1] && m[2] && m[3])
    return { key: checkKey(m[1]), op: m[2] === '>' ? 'gt' : 'lt', value: Number(m[3]) };
  if (/^[^=!<>\s(),]+$/.test(text)) return { key: checkKey(text), op: 'exists' };
  throw errors.badRequest(
    `unable to parse requirement: found '${text}', expected: key, '!key', 'key=value', 'key in (...)'`,
  );
}

export function parseLabelSelector(text: string | null | undefined): LabelSelector {
  if (!text || !text.trim()) return [];
  return splitTopLevel(text).map(parseRequirement);
}

export function matchesLabels(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  for (const req of selector) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = has ? labels[req.key] : undefined;
    switch (req.op) {
      case 'exists':
        if (!has) return false;
        break;
      case 'doesNotExist':
        if (has) return false;
        break;
      case 'equals':
        if (value !== req.value) return false;
        break;
      case 'notEquals':
        if (value === req.value) return false;
        break;
      case 'in':
        if (value === undefined || !req.values.includes(value)) return false;
        break;
      case 'notin':
        if (value !== undefined && req.values.includes(value)) return false;
        break;
      case 'gt':
      case 'lt': {
        const n = value === undefined ? NaN : Number(value);
        if (!Number.isInteger(n)) return false;
        if (req.op === 'gt' ? !(n > req.value) : !(n < req.value)) return false;
      }
    }
  }
  return true;
}

/** metav1.LabelSelector (matchLabels + matchExpressions) as used in Deployment and Job specs. */
export function selectorFromObject(value: unknown): LabelSelector {
  const selector: LabelSelector = [];
  if (typeof value !== 'object' || value === null) return selector;
  const { matchLabels, matchExpressions } = value as {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  };
  for (const [key, v] of Object.entries(matchLabels ?? {}))
    selector.push({ key, op: 'equals', value: v });
  for (const e of matchExpressions ?? []) {
    if (e.operator === 'In') selector.push({ key: e.key, op: 'in', values: e.values ?? [] });
    else if (e.operator === 'NotIn')
      selector.push({ key: e.key, op: 'notin', values: e.values ?? [] });
    else if (e.operator === 'Exists') selector.push({ key: e.key, op: 'exists' });
    else if (e.operator === 'DoesNotExist') selector.push({ key: e.key, op: 'doesNotExist' });
  }
  return selector;
}

/** The string form (`app=x,tier in (a,b)`), as Scale.status.selector carries it. */
export function formatLabelSelector(selector: LabelSelector): string {
  return selector
    .map((r) => {
      switch (r.op) {
        case 'exists':
          return r.key;
        case 'doesNotExist':
          return `!${r.key}`;
        case 'equals':
          return `${r.key}=${r.value}`;
        case 'notEquals':
          return `${r.key}!=${r.value}`;
        case 'in':
          return `${r.key} in (${r.values.join(',')})`;
        case 'notin':
          return `${r.key} notin (${r.values.join(',')})`;
        case 'gt':
          return `${r.key}>${r.value}`;
        case 'lt':
          return `${r.key}<${r.value}`;
      }
      return '';
    })
    .join(',');
}
