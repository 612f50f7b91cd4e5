// Sample values and timestamps written the way Prometheus' JSON API writes them: values as
// strings in Go's shortest non-exponent form ("NaN", "+Inf", "-Inf" for the specials),
// timestamps as Unix seconds with up to millisecond fractions.

/** strconv.FormatFloat(v, 'f', -1, 64). */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Object.is(v, -0)) return '-0';
  const shortest = String(v);
  const exp = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!exp) return shortest;
  const [, sign, lead, rest = '', power] = exp;
  const digits = `${lead}${rest}`;
  const pointAt = 1 + Number(power);
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** A millisecond timestamp as the API's float seconds. */
export function formatTime(ms: number): number {
  return ms / 1000;
}
