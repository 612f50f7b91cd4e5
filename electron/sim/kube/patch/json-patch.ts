// JSON patch (RFC 6902, application/json-patch+json): add, remove, replace, move, copy, test.
// Failures are 422s as on the API server (the patch is well-formed but does not apply).
import { errors } from '../api/status';
import { clone, isPlainObject } from '../api/types';

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw errors.unprocessable(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function fail(message: string): never {
  throw errors.unprocessable(message);
}

function arrayIndex(arr: unknown[], token: string, allowEnd: boolean): number {
  if (token === '-' && allowEnd) return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) fail(`invalid array index "${token}"`);
  const index = Number(token);
  if (index > arr.length || (!allowEnd && index === arr.length))
    fail(`array index ${index} out of bounds`);
  return index;
}

function parentOf(doc: unknown, tokens: string[], pointer: string): unknown {
  let current = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current)) current = current[arrayIndex(current, token, false)];
    else if (isPlainObject(current) && token in current) current = current[token];
    else fail(`doc is missing path: "${pointer}"`);
  }
  return current;
}

function get(doc: unknown, pointer: string): unknown {
  let current = doc;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(current)) current = current[arrayIndex(current, token, false)];
    else if (isPlainObject(current) && token in current) current = current[token];
    else fail(`doc is missing path: "${pointer}"`);
  }
  return current;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const parent = parentOf(doc, tokens, pointer);
  const last = tokens[tokens.length - 1] ?? '';
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, true), 0, value);
  else if (isPlainObject(parent)) parent[last] = value;
  else fail(`doc is missing path: "${pointer}"`);
  return doc;
}

function remove(doc: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) fail('cannot remove the document root');
  const parent = parentOf(doc, tokens, pointer);
  const last = tokens[tokens.length - 1] ?? '';
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, false), 1);
  else if (isPlainObject(parent) && last in parent) delete parent[last];
  else fail(`unable to remove nonexistent key: ${last}: missing value`);
  return doc;
}

function replace(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const parent = parentOf(doc, tokens, pointer);
  const last = tokens[tokens.length - 1] ?? '';
  if (Array.isArray(parent)) parent[arrayIndex(parent, last, false)] = value;
  else if (isPlainObject(parent) && last in parent) parent[last] = value;
  else fail(`replace operation does not apply: doc is missing key: ${pointer}: missing value`);
  return doc;
}

export function parseJsonPatch(body: unknown): JsonPatchOperation[] {
  if (!Array.isArray(body))
    throw errors.badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  return body.map((op) => {
    if (!isPlainObject(op) || typeof op['op'] !== 'string' || typeof op['path'] !== 'string') {
      throw errors.badRequest('invalid JSON patch operation');
    }
    return op as unknown as JsonPatchOperation;
  });
}

export function applyJsonPatch(document: unknown, operations: JsonPatchOperation[]): unknown {
  let doc = clone(document);
  for (const op of operations) {
    switch (op.op) {
      case 'add':
        doc = add(doc, op.path, clone(op.value));
        break;
      case 'remove':
        doc = remove(doc, op.path);
        break;
      case 'replace':
        doc = replace(doc, op.path, clone(op.value));
        break;
      case 'move': {
        if (op.from === undefined) fail('move operation requires "from"');
        const value = get(doc, op.from);
        doc = add(remove(doc, op.from), op.path, value);
        break;
      }
      case 'copy':
        if (op.from === undefined) fail('copy operation requires "from"');
        doc = add(doc, op.path, clone(get(doc, op.from)));
        break;
      case 'test':
        if (!deepEqual(get(doc, op.path), op.value))
          fail(`testing value ${op.path} failed: test failed`);
        break;
      default:
        fail(`Unexpected kind: ${String((op as { op: unknown }).op)}`);
    }
  }
  return doc;
}
