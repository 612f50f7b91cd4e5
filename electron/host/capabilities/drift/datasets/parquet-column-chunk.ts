// One flat Parquet column of one row group, decoded page by page straight into typed arrays:
// numbers into a Float64Array, times into ms, text into dictionary indices. hyparquet's own
// `parquetRead` turns every value into a JS value (a Date per timestamp, a string per text cell)
// and re-assembles nested lists even for flat columns; for the drift engine that was most of the
// reading time. The page formats, codecs and type conversions are still hyparquet's.

import type { ColumnMetaData, Compressors, SchemaTree } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, type readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, getMaxRepetitionLevel } from 'hyparquet/src/schema.js';
import { plainNumbers } from './parquet-plain-numbers';
import { ColumnOutput, type ColumnTarget, type Decoded } from './parquet-column-output';
import { readDictionaryPage, readPageV1 } from './parquet-data-page';
import type { BatchColumn } from './table-source';

type ColumnDecoder = Parameters<typeof readDataPage>[2];

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

/**
 * Decodes the rows [from, to) of a column chunk of `rows` rows (its bytes from the file) into
 * the target's form; rows before `from` are decoded past, pages after `to` not read at all.
 * With `tally`, numbers and text come as value counts if every page is dictionary indices with
 * no value missing (the common case); else the chunk is decoded again, as values.
 */
export function decodeColumnChunk(
  bytes: ArrayBuffer,
  meta: ColumnMetaData,
  schemaPath: SchemaTree[],
  target: ColumnTarget,
  rows: number,
  compressors: Compressors,
  span: { from: number; to: number } = { from: 0, to: rows },
  tally = false,
): BatchColumn {
  const asValues = () =>
    decodeColumnChunk(bytes, meta, schemaPath, target, rows, compressors, span, false);
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
  const out = new ColumnOutput(target, span.from, span.to, isIntegerType(element), tally);
  const reader = { view: new DataView(bytes), offset: 0 };
  let dictionary: Decoded | undefined;
  let row = 0;
  while (row < span.to && reader.offset < bytes.byteLength) {
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
      const count = header.dictionary_page_header!.num_values;
      const numbers =
        target === 'numbers' || target === 'times'
          ? plainNumbers(page, meta.type, element, target === 'times', count)
          : undefined;
      if (numbers) dictionary = numbers;
      else {
        const view = {
          view: new DataView(page.buffer, page.byteOffset, page.byteLength),
          offset: 0,
        };
        dictionary = convert(readPlain(view, meta.type, count, element.type_length), decoder);
      }
      out.useDictionary(dictionary);
      continue;
    }
    let page: { defs: ArrayLike<number> | undefined; values: Decoded };
    let encoding;
    if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header!;
      if (row + daph.num_values <= span.from) {
        row += daph.num_values; // wholly before the span: not even decompressed
        continue;
      }
      const raw = decompressPage(pageBytes, header.uncompressed_page_size, meta.codec, compressors);
      if (dictionary && readDictionaryPage(raw, daph, decoder, maxDefinition, out, row)) {
        row += daph.num_values;
        continue;
      }
      if (out.tallying) return asValues();
      page = readPageV1(raw, daph, decoder, maxDefinition);
      encoding = daph.encoding;
    } else if (header.type === 'DATA_PAGE_V2') {
      if (out.tallying) return asValues();
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
    out.page(row, Math.min(count, span.to - row), values, byIndex, defs, maxDefinition);
    row += count;
  }
  if (out.tallying) return out.tally() ?? asValues();
  return out.column();
}

function isIntegerType(element: SchemaTree['element']): boolean {
  const integer = element.type === 'INT32' || element.type === 'INT64';
  return (
    integer && element.converted_type !== 'DECIMAL' && element.logical_type?.type !== 'DECIMAL'
  );
}
