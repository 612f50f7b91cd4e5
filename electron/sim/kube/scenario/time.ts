// Scenario times are relative to the moment the scenario loads, so the demo always looks
// current: durations ("90s", "1h30m", "3d") and `${now-5m}` placeholders inside raw objects.
import { kubeTime } from '../api/types';

const units: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export function parseDuration(text: string | number | undefined, fallback = 0): number {
  if (text === undefined || text === null || text === '') return fallback;
  if (typeof text === 'number') return text * 1000;
  const trimmed = text.trim();
  const sign = trimmed.startsWith('-') ? -1 : 1;
  const body = trimmed.replace(/^[+-]/, '');
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    total += Number(m[1]) * (units[m[2] ?? 's'] ?? 0);
    consumed += m[0].length;
  }
  if (consumed !== body.length || consumed === 0)
    throw new Error(`invalid duration "${text}" (use e.g. 45s, 10m, 1h30m, 3d)`);
  return sign * total;
}

/** Replaces `${now}`, `${now-5m}`, `${now+30s}` in every string of a JSON value. */
export function resolvePlaceholders<T>(value: T, nowMs: number): T {
  const replace = (s: string): string =>
    s.replace(
      /\$\{now(?:([+-])([0-9a-z.]+))?\}/g,
      (_all, sign: string | undefined, amount: string | undefined) =>
        kubeTime(nowMs + (sign ? (sign === '-' ? -1 : 1) * parseDuration(amount) : 0)),
    );
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return replace(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** A stable pseudo-random number in [0, 1) from a string, so scenarios look the same every run. */
export function seeded(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 100_000) / 100_000;
}

/** Argo's node-id hash: FNV-1a 32-bit of the node name, in decimal. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
