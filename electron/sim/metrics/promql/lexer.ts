// Splits a PromQL query into tokens. Covers the whole PromQL surface the parser needs to
// recognise (so it can refuse what it does not implement by name), not only what it evaluates.
import { PromqlError } from './errors';

export type TokenKind = 'ident' | 'number' | 'duration' | 'string' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset in the query, for "1:COL: parse error" messages. */
  pos: number;
  /** The decoded value of a string token. */
  value?: string;
}

const operators = [
  '==',
  '!=',
  '<=',
  '>=',
  '=~',
  '!~',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '<',
  '>',
  '=',
  ',',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ':',
  '@',
];

export function parseError(pos: number, message: string): PromqlError {
  return new PromqlError('bad_data', `1:${pos + 1}: parse error: ${message}`);
}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < query.length && query[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (/[a-zA-Z_:]/.test(ch)) {
      // A colon starts an identifier only outside subquery brackets; `[5m:1m]` is lexed below.
      const match = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(query.slice(i));
      const text = match?.[0] ?? ch;
      if (ch === ':' && tokens.at(-1)?.kind === 'duration') {
        tokens.push({ kind: 'op', text: ':', pos: start });
        i++;
        continue;
      }
      tokens.push({ kind: 'ident', text, pos: start });
      i += text.length;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const rest = query.slice(i);
      const duration = /^(\d+(ms|[ywdhms]))+(?![a-zA-Z0-9_])/.exec(rest);
      if (duration) {
        tokens.push({ kind: 'duration', text: duration[0], pos: start });
        i += duration[0].length;
        continue;
      }
      const number = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(rest);
      if (!number) throw parseError(start, `unexpected character: '${ch}'`);
      tokens.push({ kind: 'number', text: number[0], pos: start });
      i += number[0].length;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      const { value, end } = readString(query, i);
      tokens.push({ kind: 'string', text: query.slice(i, end), pos: start, value });
      i = end;
      continue;
    }
    const op = operators.find((candidate) => query.startsWith(candidate, i));
    if (!op) throw parseError(start, `unexpected character: '${ch}'`);
    tokens.push({ kind: 'op', text: op, pos: start });
    i += op.length;
  }
  tokens.push({ kind: 'eof', text: '', pos: query.length });
  return tokens;
}

const escapes: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

function readString(query: string, start: number): { value: string; end: number } {
  const quote = query[start];
  let i = start + 1;
  let value = '';
  while (i < query.length) {
    const ch = query[i] as string;
    if (ch === quote) return { value, end: i + 1 };
    if (quote !== '`' && ch === '\n') break;
    if (quote !== '`' && ch === '\\') {
      const next = query[i + 1] ?? '';
      const escaped = escapes[next];
      if (escaped !== undefined) {
        value += escaped;
        i += 2;
        continue;
      }
      const unicode = next === 'u' ? /^[0-9a-fA-F]{4}/.exec(query.slice(i + 2)) : null;
      if (unicode) {
        value += String.fromCharCode(parseInt(unicode[0], 16));
        i += 6;
        continue;
      }
      throw parseError(i, `unknown escape sequence '\\${next}'`);
    }
    value += ch;
    i++;
  }
  throw parseError(start, 'unterminated quoted string');
}
