// A metric gate's expression, e.g. `auc >= champion.auc - 0.005`, parsed by a small recursive
// descent parser (never `eval`), so a typo in a workspace file is an error naming the column.
//
//   gate       := sum comparator sum
//   sum        := product (('+' | '-') product)*
//   product    := unary (('*' | '/') unary)*
//   unary      := '-' unary | primary
//   primary    := number | metric | '(' sum ')'
//   metric     := [champion '.' | candidate '.'] name      a bare name is the candidate's metric
//   name       := identifier ('.' identifier)* | `any text but a backtick`

export type Comparator = '>=' | '<=' | '>' | '<' | '==' | '!=';
export type Subject = 'candidate' | 'champion';

export type Term =
  | { kind: 'number'; value: number }
  | { kind: 'metric'; subject: Subject; key: string }
  | { kind: 'negate'; operand: Term }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Term; right: Term };

export interface GateExpression {
  left: Term;
  comparator: Comparator;
  right: Term;
  /** The expression as written, for messages. */
  source: string;
}

export class GateExpressionError extends Error {
  constructor(
    message: string,
    /** 1-based column in the expression. */
    readonly column: number,
  ) {
    super(`${message} at column ${column}`);
    this.name = 'GateExpressionError';
  }
}

type Token =
  | { type: 'number'; value: number; at: number }
  | { type: 'name'; value: string; quoted: boolean; at: number }
  | { type: 'op'; value: string; at: number }
  | { type: 'end'; at: number };

const comparators = ['>=', '<=', '==', '!=', '>', '<'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ type: 'name', value: name[0], quoted: false, at: i });
      i += name[0].length;
      continue;
    }
    if (ch === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) throw new GateExpressionError('unclosed `', i + 1);
      if (close === i + 1) throw new GateExpressionError('empty metric name', i + 1);
      tokens.push({ type: 'name', value: text.slice(i + 1, close), quoted: true, at: i });
      i = close + 1;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (comparators.includes(two)) {
      tokens.push({ type: 'op', value: two, at: i });
      i += 2;
      continue;
    }
    if ('+-*/().<>'.includes(ch)) {
      tokens.push({ type: 'op', value: ch, at: i });
      i++;
      continue;
    }
    if (ch === '=') throw new GateExpressionError('"=" is not a comparison; use "=="', i + 1);
    throw new GateExpressionError(`unexpected "${ch}"`, i + 1);
  }
  tokens.push({ type: 'end', at: text.length });
  return tokens;
}

export function parseGateExpression(text: string): GateExpression {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const next = (): Token => tokens[pos++] as Token;
  const isOp = (value: string) => {
    const t = peek();
    return t.type === 'op' && t.value === value;
  };
  const describe = (t: Token) =>
    t.type === 'end' ? 'the end' : `"${t.type === 'number' ? t.value : t.value}"`;

  const metricName = (): string => {
    const first = next();
    if (first.type !== 'name')
      throw new GateExpressionError('a metric name expected', first.at + 1);
    if (first.quoted) return first.value;
    const parts = [first.value];
    while (isOp('.')) {
      next();
      const part = next();
      if (part.type !== 'name' || part.quoted) {
        throw new GateExpressionError('a name expected after "."', part.at + 1);
      }
      parts.push(part.value);
    }
    return parts.join('.');
  };

  const primary = (): Term => {
    const t = peek();
    if (t.type === 'number') {
      next();
      return { kind: 'number', value: t.value };
    }
    if (t.type === 'name') {
      if (!t.quoted && (t.value === 'champion' || t.value === 'candidate')) {
        const after = tokens[pos + 1];
        if (after?.type === 'op' && after.value === '.') {
          pos += 2;
          return { kind: 'metric', subject: t.value, key: metricName() };
        }
      }
      return { kind: 'metric', subject: 'candidate', key: metricName() };
    }
    if (isOp('(')) {
      next();
      const inner = sum();
      const close = next();
      if (close.type !== 'op' || close.value !== ')') {
        throw new GateExpressionError(`")" expected, found ${describe(close)}`, close.at + 1);
      }
      return inner;
    }
    throw new GateExpressionError(`a number or metric expected, found ${describe(t)}`, t.at + 1);
  };

  const unary = (): Term => {
    if (isOp('-')) {
      next();
      return { kind: 'negate', operand: unary() };
    }
    return primary();
  };

  const product = (): Term => {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = (next() as { value: '*' | '/' }).value;
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  };

  function sum(): Term {
    let left = product();
    while (isOp('+') || isOp('-')) {
      const op = (next() as { value: '+' | '-' }).value;
      left = { kind: 'binary', op, left, right: product() };
    }
    return left;
  }

  const left = sum();
  const cmp = next();
  if (cmp.type !== 'op' || !comparators.includes(cmp.value)) {
    throw new GateExpressionError(
      `a comparison (>=, <=, >, <, ==, !=) expected, found ${describe(cmp)}`,
      cmp.at + 1,
    );
  }
  const right = sum();
  const end = next();
  if (end.type !== 'end') {
    throw new GateExpressionError(`unexpected ${describe(end)} after the comparison`, end.at + 1);
  }
  return { left, comparator: cmp.value as Comparator, right, source: text };
}
