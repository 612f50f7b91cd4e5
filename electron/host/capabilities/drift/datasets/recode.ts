// A batch's text codes renumbered as the column's: the column numbers its distinct values in
// order of first appearance among the kept rows (what pandas' value_counts order needs), while
// each batch numbers them by its own Parquet dictionary.

/**
 * A batch's codes → the column's, each dictionary entry given its code on first use. Two loops
 * without calls (where each entry is first used, then the renumbering), as a call per new
 * entry inside the loop would keep it from being optimised. The first often finds every entry
 * early, and the second is often not needed: Parquet writers number a dictionary in order of
 * first appearance too, so a column's first batch usually keeps its codes.
 */
export function recode(
  codes: Int32Array,
  entries: number,
  firstUse: (code: number) => number,
): void {
  const used = firstUses(codes, entries);
  const local = new Int32Array(entries);
  let same = true;
  for (const code of used) {
    local[code] = firstUse(code);
    if (local[code] !== code) same = false;
  }
  if (!same) renumber(codes, local);
}

/** The dictionary entries the codes use, in order of first use. */
function firstUses(codes: Int32Array, entries: number): number[] {
  const seen = new Uint8Array(entries);
  const used: number[] = [];
  for (let k = 0; k < codes.length && used.length < entries; k++) {
    const code = codes[k]!;
    if (code >= 0 && seen[code] === 0) {
      seen[code] = 1;
      used.push(code);
    }
  }
  return used;
}

function renumber(codes: Int32Array, local: Int32Array): void {
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k]!;
    if (code >= 0) codes[k] = local[code]!;
  }
}
