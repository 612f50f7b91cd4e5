// Where a Parquet column's decoded pages go: one typed array per column and row group, filled
// page by page, values arriving either as dictionary indices or as values.

import type { convert } from 'hyparquet/src/convert.js';
import type { BatchColumn, Cell } from './table-source';

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

  constructor(
    private readonly target: ColumnTarget,
    rows: number,
    private readonly integerType: boolean,
  ) {
    if (target === 'codes') this.codes = new Int32Array(rows).fill(-1);
    else if (target === 'cells') this.cells = new Array<Cell>(rows).fill(null);
    else this.numbers = new Float64Array(rows).fill(NaN);
  }

  useDictionary(values: Decoded): void {
    if (this.target === 'codes') {
      const codes = new Int32Array(values.length);
      for (let i = 0; i < values.length; i++) codes[i] = this.codeOf(values[i]);
      this.dictionary = { codes };
    } else if (this.target === 'cells') {
      this.dictionary = { cells: values };
    } else {
      this.dictionary = { numbers: Float64Array.from(values as ArrayLike<number>, Number) };
    }
  }

  /** Rows [at, at + count) from a page: `defs` below the maximum mark a missing value. */
  page(
    at: number,
    count: number,
    values: Decoded,
    byIndex: boolean,
    defs: ArrayLike<number> | undefined,
    maxDefinition: number,
  ): void {
    const { numbers, codes, cells } = this;
    const dict = this.dictionary;
    // One loop per target, so each stays monomorphic over its typed arrays.
    let v = 0;
    if (numbers) {
      const lookup = byIndex ? dict.numbers! : undefined;
      for (let i = 0; i < count; i++) {
        if (defs && defs[i] !== maxDefinition) continue; // stays missing
        const value = values[v++] as number;
        numbers[at + i] = lookup ? lookup[value]! : Number(value);
      }
    } else if (codes) {
      const lookup = byIndex ? dict.codes! : undefined;
      for (let i = 0; i < count; i++) {
        if (defs && defs[i] !== maxDefinition) continue;
        const value = values[v++] as unknown;
        codes[at + i] = lookup ? lookup[value as number]! : this.codeOf(value);
      }
    } else {
      for (let i = 0; i < count; i++) {
        if (defs && defs[i] !== maxDefinition) continue;
        const value = values[v++] as unknown;
        cells![at + i] = (byIndex ? dict.cells![value as number] : value) as Cell;
      }
    }
  }

  column(): BatchColumn {
    if (this.codes) return { codes: this.codes, dictionary: this.texts };
    if (this.cells) return this.cells;
    if (this.target === 'times') return { times: this.numbers! };
    return { numbers: this.numbers!, integerType: this.integerType };
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
