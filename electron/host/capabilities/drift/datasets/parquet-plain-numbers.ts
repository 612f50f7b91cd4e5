// PLAIN-encoded numbers (a dictionary page, mostly) read straight into a Float64Array. hyparquet
// reads INT64 as BigInt and converts timestamps one BigInt at a time through a JS array: for a
// time column's dictionary (tens of thousands of distinct times a row group) that cost more than
// decoding the rows. Here each value is read as two 32-bit halves, with the same results:
// hi·2³² + lo rounds once, as Number(bigint) does, and µs → ms truncates as msParsers does.
// Anything else (decimals, unsigned, nanoseconds, times past the year 2223) returns undefined and
// is left to hyparquet.

import type { ColumnMetaData, SchemaTree } from 'hyparquet';

type Element = SchemaTree['element'];

/** How each raw value becomes the number kept, or undefined when not handled here. */
function unitOf(type: ColumnMetaData['type'], element: Element, isTime: boolean) {
  const converted = element.converted_type;
  const logical = element.logical_type;
  const plain =
    !converted && (!logical || (logical.type === 'INTEGER' && logical.isSigned && !isTime));
  if (type === 'DOUBLE' || type === 'FLOAT') return plain && !isTime ? 'number' : undefined;
  if (type === 'INT32') {
    if (isTime && converted === 'DATE') return 'days';
    return plain && !isTime ? 'number' : undefined;
  }
  if (type !== 'INT64') return undefined;
  if (!isTime) return plain ? 'number' : undefined;
  const unit = logical?.type === 'TIMESTAMP' ? logical.unit : undefined;
  if (converted === 'TIMESTAMP_MILLIS' || (!converted && unit === 'MILLIS')) return 'number';
  if (converted === 'TIMESTAMP_MICROS' || (!converted && unit === 'MICROS')) return 'micros';
  return undefined;
}

/** `count` PLAIN values of `page` as numbers (times as ms), or undefined if not handled here. */
export function plainNumbers(
  page: Uint8Array,
  type: ColumnMetaData['type'],
  element: Element,
  isTime: boolean,
  count: number,
): Float64Array | undefined {
  const unit = unitOf(type, element, isTime);
  if (!unit) return undefined;
  const width = type === 'INT64' || type === 'DOUBLE' ? 8 : 4;
  if (page.byteLength < count * width) return undefined;
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const out = new Float64Array(count);
  if (type === 'DOUBLE') for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, true);
  else if (type === 'FLOAT') for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, true);
  else if (type === 'INT32') {
    const scale = unit === 'days' ? 86_400_000 : 1;
    for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, true) * scale;
  } else if (!readInt64(view, out, unit === 'micros')) return undefined;
  return out;
}

/** INT64s as numbers (µs as whole ms); false if a µs value is beyond exact double division. */
function readInt64(view: DataView, out: Float64Array, micros: boolean): boolean {
  let fine = true;
  for (let i = 0; i < out.length; i++) {
    const value = view.getInt32(8 * i + 4, true) * 4294967296 + view.getUint32(8 * i, true);
    if (!micros) out[i] = value;
    else {
      // Below 8e15 µs (the year 2223) the double quotient cannot round across a whole ms.
      if (!(Math.abs(value) < 8e15)) fine = false;
      out[i] = Math.trunc(value / 1000);
    }
  }
  return fine;
}
