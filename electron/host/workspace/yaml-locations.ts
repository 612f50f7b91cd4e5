// Finds where in the YAML text a value (or a key) is, given the path zod reports, so a problem
// in the workspace file can be shown as file:line:column.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

export interface Location {
  line: number;
  column: number;
  /** False when the path's last step is absent: the location is then the enclosing mapping. */
  found: boolean;
}

export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  at: 'value' | 'key' = 'value',
): Location {
  const position = (offset: number, found: boolean): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, found };
  };
  let node: unknown = doc.contents;
  let keyOffset: number | undefined;
  for (const step of path) {
    if (isAlias(node)) node = node.resolve(doc);
    const here = startOf(node) ?? keyOffset ?? 0;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => String(isScalar(p.key) ? p.key.value : p.key) === String(step),
      );
      if (!pair) return position(here, false);
      keyOffset = startOf(pair.key) ?? here;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(step)];
      if (item === undefined) return position(here, false);
      keyOffset = undefined;
      node = item;
    } else {
      // A scalar where the schema wanted a mapping or a list: the scalar is the problem.
      return position(here, false);
    }
  }
  // An empty value (`name:`) has no text of its own; its key is where the eye goes.
  const valueStart =
    isScalar(node) && node.range && node.range[0] === node.range[1] ? undefined : startOf(node);
  if (at === 'key') return position(keyOffset ?? valueStart ?? 0, true);
  return position(valueStart ?? keyOffset ?? 0, true);
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  return range ? range[0] : undefined;
}
