// The JSONPath subset CRD additionalPrinterColumns use: `.a.b`, `.a[0]`, `.a[*].b`,
// `.a[?(@.type=="Ready")].status`, `[?(@.latestRevision==true)]`.
import { isPlainObject } from '../api/types';

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number | '*' }
  | { kind: 'filter'; path: string[]; value: unknown };

function parse(expression: string): Step[] {
  const steps: Step[] = [];
  const text = expression.replace(/^\{|\}$/g, '').replace(/^\$/, '');
  const re =
    /\.([A-Za-z0-9_$-]+)|\[(\d+|\*)\]|\[\?\(@\.([A-Za-z0-9_.-]+)\s*==\s*(?:'([^']*)'|"([^"]*)"|(true|false|-?\d+(?:\.\d+)?))\)\]|\['([^']+)'\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] !== undefined) steps.push({ kind: 'field', name: m[1] });
    else if (m[2] !== undefined)
      steps.push({ kind: 'index', index: m[2] === '*' ? '*' : Number(m[2]) });
    else if (m[3] !== undefined) {
      const literal = m[4] ?? m[5] ?? m[6] ?? '';
      const value =
        m[6] === undefined
          ? literal
          : m[6] === 'true'
            ? true
            : m[6] === 'false'
              ? false
              : Number(m[6]);
      steps.push({ kind: 'filter', path: m[3].split('.'), value });
    } else if (m[7] !== undefined) steps.push({ kind: 'field', name: m[7] });
  }
  return steps;
}

function readPath(value: unknown, path: string[]): unknown {
  let current = value;
  for (const p of path) current = isPlainObject(current) ? current[p] : undefined;
  return current;
}

export function evaluateJsonPath(value: unknown, expression: string): unknown[] {
  let current: unknown[] = [value];
  for (const step of parse(expression)) {
    const next: unknown[] = [];
    for (const item of current) {
      if (step.kind === 'field') {
        if (isPlainObject(item) && item[step.name] !== undefined) next.push(item[step.name]);
      } else if (step.kind === 'index') {
        if (!Array.isArray(item)) continue;
        if (step.index === '*') next.push(...item);
        else if (item[step.index] !== undefined) next.push(item[step.index]);
      } else if (Array.isArray(item)) {
        for (const el of item) if (readPath(el, step.path) === step.value) next.push(el);
      }
    }
    current = next;
  }
  return current;
}
