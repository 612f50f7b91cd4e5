// One flat Parquet column of one row group, decoded page by page straight into typed arrays:
// numbers into a Float64Array, times into ms, text into dictionary indices. hyparquet's own
// `parquetRead` turns every value into a JS value (a Date per timestamp, a string per text cell)
// and re-assembles nested lists even for flat columns; for the drift engine that was most of the
// reading time. The page formats, codecs and type conversions are still hyparquet's.

import type { ColumnMetaData, Compressors, SchemaTree } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, getMaxRepetitionLevel } from 'hyparquet/src/schema.js';
import { ColumnOutput, type ColumnTarget, type Decoded } from './parquet-column-output';
import { readHybrid } from './rle-hybrid';
import type { BatchColumn } from './table-source';

type ColumnDecoder = Parameters<typeof readDataPage>[2];
type DataPageHeader = Parameters<typeof readDataPage>[1];

/** Timestamps as ms numbers (truncated as hyparquet's Dates are), never a Date per row. */
const msParsers = {
  ...DEFAULT_PARSERS,
  timestampFromMilliseconds: (v: bigint) => Number(v),
  // Without BigInt division where exact: below 8e15 µs (the year 2223) the double quotient
  // cannot round across a whole millisecond.
  timestampFromMicroseconds: (v: bigint) => {
    const us = Number(v);
    return Math.abs(us) < 8e15 ? Math.trunc(us / 1000) : Number(v / 1000n);
  },
  timestampFromNanoseconds: (v: bigint) => Number(v / 1_000_000n),
  dateFromDays: (days: number) => days * 86_400_000,
};

/** Numbers (decimals too), times, text as codes; anything else (booleans, JSON…) as cells. */
export function columnTarget(schemaPath: SchemaTree[], isTime: boolean): ColumnTarget {
  const { element } = schemaPath[schemaPath.length - 1]!;
  if (isTime) return 'times';
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (converted === 'DECIMAL' || logical === 'DECIMAL') return 'numbers';
  const text = logical === 'STRING' || converted === 'UTF8' || converted === 'ENUM';
  const type = String(element.type);
  if (['INT32', 'INT64', 'FLOAT', 'DOUBLE'].includes(type) && !text) return 'numbers';
  // Unannotated byte arrays are read as UTF-8 text, as hyparquet (and pandas) do.
  if (type === 'BYTE_ARRAY' && (text || (!logical && !converted))) return 'codes';
  return 'cells';
}

/** Decodes `rows` rows of a column chunk (its bytes from the file) into the target's form. */
export function decodeColumnChunk(
  bytes: ArrayBuffer,
  meta: ColumnMetaData,
  schemaPath: SchemaTree[],
  target: ColumnTarget,
  rows: number,
  compressors: Compressors,
): BatchColumn {
  const element = schemaPath[schemaPath.length - 1]!.element;
  if (getMaxRepetitionLevel(schemaPath) > 0) {
    throw new Error(`"${element.name}" is a list, and only flat columns can be compared`);
  }
  const decoder: ColumnDecoder = {
    pathInSchema: meta.path_in_schema,
    type: meta.type,
    element,
    schemaPath,
    codec: meta.codec,
    compressors,
    parsers: target === 'times' ? msParsers : DEFAULT_PARSERS,
  };
  const maxDefinition = getMaxDefinitionLevel(schemaPath);
  const out = new ColumnOutput(target, rows, isIntegerType(element));
  const reader = { view: new DataView(bytes), offset: 0 };
  let dictionary: Decoded | undefined;
  let row = 0;
  while (row < rows && reader.offset < bytes.byteLength) {
    const header = parquetHeader(reader);
    const pageBytes = new Uint8Array(bytes, reader.offset, header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      const page = decompressPage(
        pageBytes,
        header.uncompressed_page_size,
        meta.codec,
        compressors,
      );
      const view = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
      const count = header.dictionary_page_header!.num_values;
      dictionary = convert(readPlain(view, meta.type, count, element.type_length), decoder);
      out.useDictionary(dictionary);
      continue;
    }
    let page: { defs: ArrayLike<number> | undefined; values: Decoded };
    let encoding;
    if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header!;
      const raw = decompressPage(pageBytes, header.uncompressed_page_size, meta.codec, compressors);
      page = readPageV1(raw, daph, decoder, maxDefinition);
      encoding = daph.encoding;
    } else if (header.type === 'DATA_PAGE_V2') {
      const read = readDataPageV2(pageBytes, header, decoder);
      page = { defs: read.definitionLevels, values: read.dataPage };
      encoding = header.data_page_header_v2!.encoding;
    } else {
      continue; // index pages carry no values
    }
    const byIndex = encoding.endsWith('_DICTIONARY');
    if (byIndex && !dictionary) throw new Error('a dictionary-encoded page has no dictionary');
    const values = byIndex ? page.values : convert(page.values, decoder);
    const defs = page.defs?.length ? page.defs : undefined;
    const count = defs ? defs.length : values.length;
    out.page(row, Math.min(count, rows - row), values, byIndex, defs, maxDefinition);
    row += count;
  }
  return out.column();
}

function isIntegerType(element: SchemaTree['element']): boolean {
  const integer = element.type === 'INT32' || element.type === 'INT64';
  return (
    integer && element.converted_type !== 'DECIMAL' && element.logical_type?.type !== 'DECIMAL'
  );
}

/**
 * A V1 data page of a flat column: definition levels and dictionary indices decoded into typed
 * arrays (hyparquet fills JS arrays, then counts the nulls in another pass); other encodings
 * are left to hyparquet.
 */
function readPageV1(
  raw: Uint8Array,
  daph: DataPageHeader,
  decoder: ColumnDecoder,
  maxDefinition: number,
): { defs: Uint8Array | undefined; values: Decoded } {
  const dictionaryEncoded =
    daph.encoding === 'RLE_DICTIONARY' || daph.encoding === 'PLAIN_DICTIONARY';
  if (!dictionaryEncoded || decoder.type === 'BOOLEAN' || maxDefinition > 1) {
    const page = readDataPage(raw, daph, decoder);
    return {
      defs: page.definitionLevels?.length ? Uint8Array.from(page.definitionLevels) : undefined,
      values: page.dataPage,
    };
  }
  let offset = 0;
  let defs: Uint8Array | undefined;
  let present = daph.num_values;
  if (maxDefinition) {
    // Definition levels: a 4-byte length, then their runs.
    const length = raw[0]! | (raw[1]! << 8) | (raw[2]! << 16) | (raw[3]! << 24);
    defs = new Uint8Array(daph.num_values);
    readHybrid(raw, 4, 4 + length, 1, defs);
    offset = 4 + length;
    present = 0;
    for (let i = 0; i < defs.length; i++) present += defs[i]!;
    if (present === defs.length) defs = undefined;
  }
  const bitWidth = raw[offset]!;
  const indices = new Int32Array(present);
  if (bitWidth) readHybrid(raw, offset + 1, raw.length, bitWidth, indices);
  return { defs, values: indices };
}
