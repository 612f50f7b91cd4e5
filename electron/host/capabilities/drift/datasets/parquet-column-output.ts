// Where a Parquet column's decoded pages go: one typed array per column and row group (or only
// the rows [from, to) of it that the time window keeps), filled page by page, values arriving
// either as dictionary indices or as values. Or, for a column asked for as a tally, a counter per
// dictionary entry, as long as every page is dictionary indices with no value missing.

import type { convert } from 'hyparquet/src/convert.js';
import { boundsOfDictionary } from './number-bounds';
import type { BatchColumn, Cell, Tally } from './table-source';

export type Decoded = ReturnType<typeof convert>;

/** How a column's values are handed on, decided once from its schema. */
export type ColumnTarget = 'numbers' | 'times' | 'codes' | 'cells';

/** Fills one target array. */
export class ColumnOutput {
  private readonly numbers: Float64Array | undefined;
  private readonly codes: Int32Array | undefined;
  private readonly cells: Cell[] | undefined;
  /** Text seen so far (code → text), and each dictionary entry's code. */
  private readonly texts: string[] = [];
  private readonly textCodes = new Map<string, number>();
  private dictionary: { numbers?: Float64Array; codes?: Int32Array; cells?: Decoded } = {};
  /** Rows of the span written so far (pages come in row order). */
  private filled = 0;
  /** A page marked a row as missing. */
  private missing = false;
  /** Some row came other than through `indexed` (whose values are the dictionary's). */
  private unindexed = false;
  /** Counting, not storing: rows per dictionary entry, and (text) each entry's first row. */
  readonly tallying: boolean;
  private entryCounts = new Int32Array(0);
  private entryFirstRows = new Int32Array(0);

  /**
   * Rows [from, to) of the column chunk are kept; the others are decoded past, not stored. A
   * `tally` of numbers or text is counted instead; a page it cannot take (values, not indices,
   * or a missing value) ends it: see `tallying`.
   */
  constructor(
    private readonly target: ColumnTarget,
    readonly from: number,
    readonly to: number,
    private readonly integerType: boolean,
    tally = false,
  ) {
    this.tallying = tally && (target === 'numbers' || target === 'codes');
    if (this.tallying) return;
    // Not filled: every row is written by a page, or marked missing by `column()`.
    const rows = to - from;
    if (target === 'codes') this.codes = new Int32Array(rows);
    else if (target === 'cells') this.cells = new Array<Cell>(rows).fill(null);
    else this.numbers = new Float64Array(rows);
  }

  useDictionary(values: Decoded): void {
    if (this.tallying) {
      this.entryCounts = new Int32Array(values.length);
      if (this.target === 'codes') this.entryFirstRows = new Int32Array(values.length);
    }
    if (this.target === 'codes') {
      const codes = new Int32Array(values.length);
      for (let i = 0; i < values.length; i++) codes[i] = this.codeOf(values[i]);
      this.dictionary = { codes };
    } else if (this.target === 'cells') {
      this.dictionary = { cells: values };
    } else {
      const numbers =
        values instanceof Float64Array
          ? values
          : Float64Array.from(values as ArrayLike<number>, Number);
      this.dictionary = { numbers };
    }
  }

  /**
   * Span rows [at, at + n) from dictionary indices, none missing: the common case (dictionary
   * pages without nulls), one tight loop per target.
   */
  indexed(at: number, indices: Int32Array, n: number): void {
    // One function per target, each with its own loop (see lookUp).
    const last = this.dictionaryLength() - 1;
    const { numbers, codes, cells, dictionary } = this;
    const fine = numbers
      ? lookUpNumbers(numbers, at, indices, n, dictionary.numbers!, last)
      : codes
        ? lookUpCodes(codes, at, indices, n, dictionary.codes!, last)
        : lookUpCells(cells!, at, indices, n, dictionary.cells!, last);
    if (!fine) throw new Error('a dictionary index is out of range');
    this.filled = at + n;
  }

  /**
   * Where a tallied page counts its indices (see `counted`): a counter per dictionary entry,
   * and for text each entry's first row; undefined when not tallying.
   */
  counters(): { counts: Int32Array; firstRows: Int32Array | undefined } | undefined {
    if (!this.tallying) return undefined;
    const firstRows = this.target === 'codes' ? this.entryFirstRows : undefined;
    return { counts: this.entryCounts, firstRows };
  }

  /** Span rows [at, at + n) were counted into `counters()`. */
  counted(at: number, n: number): void {
    this.filled = at + n;
  }

  /**
   * Rows [at, at + count) of the column chunk from a page (those inside the span are stored):
   * `defs` below the maximum mark a missing value.
   */
  page(
    at: number,
    count: number,
    values: Decoded,
    byIndex: boolean,
    defs: ArrayLike<number> | undefined,
    maxDefinition: number,
  ): void {
    const first = Math.max(0, this.from - at);
    const last = Math.min(count, this.to - at);
    if (first >= last) return;
    // The value of row `first`: values hold only the rows present.
    let v = first;
    if (defs) {
      v = 0;
      for (let i = 0; i < first; i++) if (defs[i] === maxDefinition) v++;
    }
    const base = at - this.from;
    const { numbers, codes, cells } = this;
    const dict = this.dictionary;
    // One loop per target, so each stays monomorphic over its typed arrays.
    if (numbers) {
      const lookup = byIndex ? dict.numbers! : undefined;
      for (let i = first; i < last; i++) {
        if (defs && defs[i] !== maxDefinition) {
          numbers[base + i] = NaN;
          this.missing = true;
        } else {
          const value = values[v++] as number;
          numbers[base + i] = lookup ? lookup[value]! : Number(value);
        }
      }
    } else if (codes) {
      const lookup = byIndex ? dict.codes! : undefined;
      for (let i = first; i < last; i++) {
        if (defs && defs[i] !== maxDefinition) codes[base + i] = -1;
        else {
          const value = values[v++] as unknown;
          codes[base + i] = lookup ? lookup[value as number]! : this.codeOf(value);
        }
      }
    } else {
      for (let i = first; i < last; i++) {
        if (defs && defs[i] !== maxDefinition) continue; // stays null
        const value = values[v++] as unknown;
        cells![base + i] = (byIndex ? dict.cells![value as number] : value) as Cell;
      }
    }
    this.filled = base + last;
    this.unindexed = true;
  }

  /**
   * The tally of the rows [from, to), if every one of them came as a dictionary index of a
   * value (not a missing one); undefined if not.
   */
  tally(): { tally: Tally } | undefined {
    if (!this.tallying || this.filled !== this.to - this.from) return undefined;
    const counts = this.entryCounts;
    // An index past the dictionary was counted nowhere: the counts fall short of the rows.
    let total = 0;
    for (let entry = 0; entry < counts.length; entry++) total += counts[entry]!;
    if (total !== this.filled) throw new Error('a dictionary index is out of range');
    if (this.target === 'numbers') {
      const numbers = this.dictionary.numbers!;
      const bounds = boundsOfDictionary(numbers);
      return {
        tally: { numbers, counts, integerType: this.integerType, ...(bounds && { bounds }) },
      };
    }
    // Entries → their text's code (two entries of one text, which writers do not make, add up).
    const codes = this.dictionary.codes!;
    const byText = new Int32Array(this.texts.length);
    const firstRows = new Int32Array(this.texts.length).fill(-1);
    for (let entry = 0; entry < counts.length; entry++) {
      const count = counts[entry]!;
      if (count === 0) continue;
      const code = codes[entry]!;
      if (code < 0) return undefined; // a missing value in the dictionary
      byText[code]! += count;
      const first = this.entryFirstRows[entry]!;
      if (firstRows[code]! < 0 || first < firstRows[code]!) firstRows[code] = first;
    }
    return { tally: { texts: this.texts, counts: byText, firstRows } };
  }

  column(): BatchColumn {
    // Rows no page reached (a chunk that ends early) are missing.
    this.numbers?.fill(NaN, this.filled);
    this.codes?.fill(-1, this.filled);
    if (this.codes) return { codes: this.codes, dictionary: this.texts };
    if (this.cells) return this.cells;
    if (this.target === 'times') return { times: this.numbers! };
    const complete = !this.missing && this.filled === this.to - this.from;
    const bounds =
      complete && !this.unindexed ? boundsOfDictionary(this.dictionary.numbers) : undefined;
    return { numbers: this.numbers!, integerType: this.integerType, complete, bounds };
  }

  private dictionaryLength(): number {
    const { numbers, codes, cells } = this.dictionary;
    return (numbers ?? codes ?? cells)?.length ?? 0;
  }

  private codeOf(value: unknown): number {
    if (value === null || value === undefined) return -1;
    const text = typeof value === 'string' ? value : String(value);
    let code = this.textCodes.get(text);
    if (code === undefined) {
      code = this.texts.push(text) - 1;
      this.textCodes.set(text, code);
    }
    return code;
  }
}

// `out[at + i] = dictionary[indices[i]]`, false if an index is past the dictionary's `last`
// entry (or negative): the sign bits of `last - index` and `index` are OR-ed into `past`.
// A function per target keeps each loop monomorphic; and an optimised loop that returns at once
// never falls back to the interpreter for code after it.

function lookUpNumbers(
  out: Float64Array,
  at: number,
  indices: Int32Array,
  n: number,
  dictionary: Float64Array,
  last: number,
): boolean {
  let past = 0;
  for (let i = 0; i < n; i++) {
    const index = indices[i]!;
    past |= (last - index) | index;
    out[at + i] = dictionary[index]!;
  }
  return past >= 0;
}

function lookUpCodes(
  out: Int32Array,
  at: number,
  indices: Int32Array,
  n: number,
  dictionary: Int32Array,
  last: number,
): boolean {
  let past = 0;
  for (let i = 0; i < n; i++) {
    const index = indices[i]!;
    past |= (last - index) | index;
    out[at + i] = dictionary[index]!;
  }
  return past >= 0;
}

function lookUpCells(
  out: Cell[],
  at: number,
  indices: Int32Array,
  n: number,
  dictionary: Decoded,
  last: number,
): boolean {
  let past = 0;
  for (let i = 0; i < n; i++) {
    const index = indices[i]!;
    past |= (last - index) | index;
    out[at + i] = dictionary[index] as Cell;
  }
  return past >= 0;
}
