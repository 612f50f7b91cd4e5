// Alertmanager's label matching: the `filter` parameter's text matchers, silence matchers, and
// the alert fingerprint Alertmanager computes from a label set.
export type LabelSet = Record<string, string>;

export interface Matcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

/** A request Alertmanager would refuse with 400 and this message. */
export class BadRequest extends Error {}

export function matches(matcher: Matcher, labels: LabelSet): boolean {
  const value = labels[matcher.name] ?? '';
  const hit = matcher.isRegex
    ? new RegExp(`^(?:${matcher.value})$`).test(value)
    : value === matcher.value;
  return hit === matcher.isEqual;
}

/** A `filter` matcher such as alertname="GPUXidError", severity=~"crit.*" or team!=ml. */
export function parseFilter(text: string): Matcher {
  const parsed = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|!~|!=|=)\s*([\s\S]*?)\s*$/.exec(text);
  if (!parsed) throw new BadRequest(`bad matcher format: ${text}`);
  const [, name = '', op = '=', raw = ''] = parsed;
  let value = raw;
  if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) {
    value = raw.slice(1, -1).replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
  } else if (raw.includes('"')) {
    throw new BadRequest(`matcher value contains unescaped double quote: ${raw}`);
  }
  const isRegex = op === '=~' || op === '!~';
  if (isRegex && !isValidRegex(value)) throw new BadRequest(`bad matcher format: ${text}`);
  return { name, value, isRegex, isEqual: op === '=' || op === '=~' };
}

export function isValidRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** Alertmanager's alert fingerprint: FNV-1a 64 over the sorted label pairs, 0xff-separated. */
export function fingerprint(labels: LabelSet): string {
  const prime = 1099511628211n;
  const mask = (1n << 64n) - 1n;
  let hash = 14695981039346656037n;
  const add = (bytes: Uint8Array) => {
    for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * prime) & mask;
  };
  const encoder = new TextEncoder();
  const separator = new Uint8Array([0xff]);
  for (const name of Object.keys(labels).sort()) {
    add(encoder.encode(name));
    add(separator);
    add(encoder.encode(labels[name] ?? ''));
    add(separator);
  }
  return hash.toString(16).padStart(16, '0');
}
