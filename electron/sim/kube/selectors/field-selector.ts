// Field selectors: `a=b`, `a==b`, `a!=b` joined by commas, over the fields each resource
// registers. Unknown fields are a 400, as on the real server.
import type { ResourceType } from '../api/resource-type';
import { errors } from '../api/status';
import type { KubeObject } from '../api/types';

export interface FieldRequirement {
  field: string;
  op: 'equals' | 'notEquals';
  value: string;
  read: (obj: KubeObject) => string | undefined;
}

export type FieldSelector = FieldRequirement[];

/** Splits on commas not escaped with a backslash and unescapes `\,` `\=` `\\`. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === ',') {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  return terms;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function reader(
  type: ResourceType,
  field: string,
): ((obj: KubeObject) => string | undefined) | undefined {
  if (field === 'metadata.name') return (o) => o.metadata.name;
  if (field === 'metadata.namespace') return (o) => o.metadata.namespace ?? '';
  return type.fields?.[field];
}

export function parseFieldSelector(
  text: string | null | undefined,
  type: ResourceType,
): FieldSelector {
  if (!text || !text.trim()) return [];
  return splitTerms(text)
    .filter((t) => t.trim() !== '')
    .map((term) => {
      const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term.trim());
      if (!m?.[1] || !m[2])
        throw errors.badRequest(`invalid selector: '${term}'; can't understand '${term}'`);
      const field = m[1].trim();
      const read = reader(type, field);
      if (!read) {
        throw errors.badRequest(
          type.crd
            ? `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`
            : `field label not supported: ${field}`,
        );
      }
      return {
        field,
        op: m[2] === '!=' ? 'notEquals' : 'equals',
        value: unescape(m[3] ?? ''),
        read,
      } as const;
    });
}

export function matchesFields(selector: FieldSelector, obj: KubeObject): boolean {
  for (const req of selector) {
    const actual = req.read(obj) ?? '';
    if (req.op === 'equals' ? actual !== req.value : actual === req.value) return false;
  }
  return true;
}
