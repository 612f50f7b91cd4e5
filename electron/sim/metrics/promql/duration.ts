// Prometheus durations ("5m", "1h30m", "250ms") and the API's time parameters, parsed the way
// Prometheus parses them (model.ParseDuration, web/api/v1 parseTime / parseDuration).
import { PromqlError } from './errors';

const unitMs: Record<string, number> = {
  y: 365 * 24 * 3600_000,
  w: 7 * 24 * 3600_000,
  d: 24 * 3600_000,
  h: 3600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};
const unitOrder = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/** Parses a PromQL duration into milliseconds; units must appear largest first, each once. */
export function parseDuration(text: string): number {
  if (text === '0') return 0;
  const parts = /^(?:\d+(?:ms|[ywdhms]))+$/.test(text) ? text.match(/\d+(?:ms|[ywdhms])/g) : null;
  if (!parts) throw new PromqlError('bad_data', `not a valid duration string: "${text}"`);
  let total = 0;
  let lastUnit = -1;
  for (const part of parts) {
    const unit = part.endsWith('ms') ? 'ms' : part.slice(-1);
    const order = unitOrder.indexOf(unit);
    if (order <= lastUnit)
      throw new PromqlError('bad_data', `not a valid duration string: "${text}"`);
    lastUnit = order;
    total += Number(part.slice(0, part.length - unit.length)) * (unitMs[unit] ?? 0);
  }
  return total;
}

/** The API's `time`, `start` and `end`: Unix seconds (fractions allowed) or RFC 3339. */
export function parseTimeParam(text: string, name: string): number {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) {
    // As Prometheus does: whole seconds, plus the fraction rounded to the millisecond.
    const seconds = Number(text);
    const whole = Math.trunc(seconds);
    const fraction = seconds - whole;
    return whole * 1000 + Math.sign(fraction) * Math.round(Math.abs(fraction) * 1000);
  }
  const ms = Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && Number.isFinite(ms)) return ms;
  throw new PromqlError(
    'bad_data',
    `invalid parameter "${name}": cannot parse "${text}" to a valid timestamp`,
  );
}

/** The API's `step` and `timeout`: float seconds or a duration string. */
export function parseDurationParam(text: string, name: string): number {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) {
    const ms = Math.round(Number(text) * 1000);
    if (!Number.isFinite(ms))
      throw new PromqlError(
        'bad_data',
        `invalid parameter "${name}": cannot parse "${text}" to a valid duration. It overflows int64`,
      );
    return ms;
  }
  try {
    return parseDuration(text);
  } catch {
    throw new PromqlError(
      'bad_data',
      `invalid parameter "${name}": cannot parse "${text}" to a valid duration`,
    );
  }
}
