// Parses the part of PromQL the simulator evaluates: selectors with label matchers, range
// selectors under *_over_time / rate / increase, histogram_quantile over classic buckets,
// sum/avg/max/min/count by|without, arithmetic
// and comparisons (with `bool`, `on`, `ignoring`), parentheses, unary minus. Everything else
// that is valid PromQL is recognised and refused by name, so nobody gets a made-up number.
import { PromqlError, unsupported } from './errors';
import { parseError, tokenize, type Token } from './lexer';
import { parseDuration } from './duration';
import { compileMatcherRegex, matcherMatches, type LabelMatcher, type MatchOp } from './matchers';

export type { LabelMatcher, MatchOp } from './matchers';

export type AggregateOp = 'sum' | 'avg' | 'max' | 'min' | 'count';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^';
export type ComparisonOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
export type BinaryOp = ArithmeticOp | ComparisonOp;
export type RangeFunction =
  | 'avg_over_time'
  | 'min_over_time'
  | 'max_over_time'
  | 'sum_over_time'
  | 'count_over_time'
  | 'rate'
  | 'increase';

export interface VectorSelector {
  kind: 'vector';
  matchers: LabelMatcher[];
}
export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | VectorSelector
  | { kind: 'matrix'; selector: VectorSelector; rangeMs: number }
  | {
      kind: 'call';
      func: RangeFunction;
      arg: { kind: 'matrix'; selector: VectorSelector; rangeMs: number };
    }
  | { kind: 'histogramQuantile'; quantile: Expr; expr: Expr }
  | { kind: 'aggregate'; op: AggregateOp; without: boolean; labels: string[]; expr: Expr }
  | {
      kind: 'binary';
      op: BinaryOp;
      lhs: Expr;
      rhs: Expr;
      bool: boolean;
      matching?: { on: boolean; labels: string[] };
    }
  | { kind: 'unary'; expr: Expr };

export type ValueType = 'scalar' | 'string' | 'vector' | 'matrix';

const aggregateOps = new Set(['sum', 'avg', 'max', 'min', 'count']);
const otherAggregateOps = new Set([
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'quantile',
  'count_values',
  'group',
]);
const rangeFunctions = new Set<string>([
  'avg_over_time',
  'min_over_time',
  'max_over_time',
  'sum_over_time',
  'count_over_time',
  'rate',
  'increase',
]);
// Prometheus 2.42's other functions: valid PromQL the simulator refuses by name.
const otherFunctions = new Set(
  `abs absent absent_over_time acos acosh asin asinh atan atanh ceil changes clamp clamp_max clamp_min cos cosh
  days_in_month day_of_month day_of_week day_of_year deg delta deriv exp floor histogram_count histogram_fraction
  histogram_sum holt_winters hour idelta irate label_join label_replace last_over_time ln log10
  log2 minute month pi predict_linear present_over_time quantile_over_time rad resets round scalar sgn sin sinh sort
  sort_desc sqrt stddev_over_time stdvar_over_time tan tanh time timestamp vector year`.split(
    /\s+/,
  ),
);
const comparisonOps = new Set(['==', '!=', '>', '<', '>=', '<=']);
// Binding strength of binary operators, weakest first (PromQL's own order).
const precedence: Record<string, number> = {
  or: 1,
  and: 2,
  unless: 2,
  '==': 3,
  '!=': 3,
  '<=': 3,
  '<': 3,
  '>=': 3,
  '>': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  atan2: 5,
  '^': 6,
};

export function parsePromql(query: string): Expr {
  const parser = new Parser(tokenize(query));
  if (parser.peek().kind === 'eof')
    throw new PromqlError('bad_data', 'no expression found in input');
  const expr = parser.expression(0);
  const rest = parser.peek();
  if (rest.kind !== 'eof') throw parseError(rest.pos, `unexpected ${describe(rest)}`);
  typeOf(expr);
  return expr;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private expect(text: string): Token {
    const token = this.next();
    if (token.text !== text || token.kind === 'string')
      throw parseError(token.pos, `unexpected ${describe(token)}, expected "${text}"`);
    return token;
  }

  private binaryOperator(): string | undefined {
    const token = this.peek();
    if (token.kind === 'op' && token.text in precedence) return token.text;
    if (token.kind === 'ident' && ['and', 'or', 'unless', 'atan2'].includes(token.text))
      return token.text;
    return undefined;
  }

  /** Precedence climbing: binds operators at least as strong as `minPrecedence`. */
  expression(minPrecedence: number): Expr {
    let lhs = this.unary();
    for (;;) {
      const op = this.binaryOperator();
      const strength = op === undefined ? undefined : precedence[op];
      if (op === undefined || strength === undefined || strength < minPrecedence) return lhs;
      const opToken = this.next();
      if (op === 'and' || op === 'or' || op === 'unless')
        throw unsupported(`the set operator "${op}"`);
      if (op === 'atan2') throw unsupported('the operator "atan2"');
      const bool = this.peek().kind === 'ident' && this.peek().text === 'bool';
      if (bool) this.next();
      if (bool && !comparisonOps.has(op))
        throw parseError(opToken.pos, 'bool modifier can only be used on comparison operators');
      const matching = this.matching();
      // `^` is right-associative; the others bind to the left.
      const rhs = this.expression(op === '^' ? strength : strength + 1);
      lhs = {
        kind: 'binary',
        op: op as BinaryOp,
        lhs,
        rhs,
        bool,
        ...(matching ? { matching } : {}),
      };
    }
  }

  private matching(): { on: boolean; labels: string[] } | undefined {
    const token = this.peek();
    if (token.kind !== 'ident' || (token.text !== 'on' && token.text !== 'ignoring'))
      return undefined;
    this.next();
    const labels = this.labelList();
    const group = this.peek();
    if (group.kind === 'ident' && (group.text === 'group_left' || group.text === 'group_right')) {
      throw unsupported(`${group.text} (many-to-one matching)`);
    }
    return { on: token.text === 'on', labels };
  }

  private unary(): Expr {
    const token = this.peek();
    if (token.kind === 'op' && (token.text === '-' || token.text === '+')) {
      this.next();
      // Unary minus binds more weakly than `^`: -2^2 is -(2^2).
      const operand = this.expression(precedence['^'] as number);
      if (token.text === '+') return operand;
      if (operand.kind === 'number') return { kind: 'number', value: -operand.value };
      return { kind: 'unary', expr: operand };
    }
    return this.postfix(this.primary());
  }

  private postfix(expr: Expr): Expr {
    let current = expr;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'op' && token.text === '[') {
        this.next();
        const range = this.next();
        if (range.kind !== 'duration')
          throw parseError(
            range.pos,
            `unexpected ${describe(range)} in range selector, expected duration`,
          );
        if (this.peek().text === ':') throw unsupported('subqueries');
        this.expect(']');
        if (current.kind !== 'vector')
          throw parseError(token.pos, 'ranges only allowed for vector selectors');
        current = { kind: 'matrix', selector: current, rangeMs: parseDuration(range.text) };
        continue;
      }
      if (token.kind === 'ident' && token.text === 'offset')
        throw unsupported('the offset modifier');
      if (token.kind === 'op' && token.text === '@') throw unsupported('the @ modifier');
      return current;
    }
  }

  private primary(): Expr {
    const token = this.next();
    if (token.kind === 'number') return { kind: 'number', value: Number(token.text) };
    if (token.kind === 'string') return { kind: 'string', value: token.value ?? '' };
    if (token.kind === 'op' && token.text === '(') {
      const inner = this.expression(0);
      this.expect(')');
      return inner;
    }
    if (token.kind === 'op' && token.text === '{') return this.selector(undefined, token);
    if (token.kind !== 'ident') throw parseError(token.pos, `unexpected ${describe(token)}`);
    const lower = token.text.toLowerCase();
    if (lower === 'inf' || lower === 'nan')
      return { kind: 'number', value: lower === 'inf' ? Infinity : NaN };
    const after = this.peek();
    const opensCall = after.kind === 'op' && after.text === '(';
    const opensGrouping =
      after.kind === 'ident' && (after.text === 'by' || after.text === 'without');
    if (aggregateOps.has(token.text) && (opensCall || opensGrouping))
      return this.aggregate(token.text as AggregateOp);
    if (otherAggregateOps.has(token.text) && (opensCall || opensGrouping))
      throw unsupported(`the aggregation "${token.text}"`);
    if (opensCall) return this.call(token);
    return this.selector(
      token.text,
      after.kind === 'op' && after.text === '{' ? this.next() : undefined,
    );
  }

  private call(name: Token): Expr {
    if (otherFunctions.has(name.text)) throw unsupported(`the function "${name.text}"`);
    const isQuantile = name.text === 'histogram_quantile';
    if (!rangeFunctions.has(name.text) && !isQuantile)
      throw parseError(name.pos, `unknown function with name "${name.text}"`);
    this.expect('(');
    const args: Expr[] = [];
    while (this.peek().text !== ')') {
      args.push(this.expression(0));
      if (this.peek().text !== ',') break;
      this.next();
    }
    this.expect(')');
    const wanted = isQuantile ? 2 : 1;
    if (args.length !== wanted) {
      throw parseError(
        name.pos,
        `expected ${wanted} argument(s) in call to "${name.text}", got ${args.length}`,
      );
    }
    if (isQuantile) return this.histogramQuantile(name, args[0] as Expr, args[1] as Expr);
    const arg = args[0] as Expr;
    if (arg.kind !== 'matrix') {
      throw parseError(
        name.pos,
        `expected type range vector in call to function "${name.text}", got ${typeName(typeOf(arg))}`,
      );
    }
    return { kind: 'call', func: name.text as RangeFunction, arg };
  }

  /** histogram_quantile(scalar, instant vector), type-checked as Prometheus checks calls. */
  private histogramQuantile(name: Token, quantile: Expr, expr: Expr): Expr {
    for (const [arg, type] of [
      [quantile, 'scalar'],
      [expr, 'vector'],
    ] as const) {
      const got = typeOf(arg);
      if (got !== type)
        throw parseError(
          name.pos,
          `expected type ${typeName(type)} in call to function "${name.text}", got ${typeName(got)}`,
        );
    }
    return { kind: 'histogramQuantile', quantile, expr };
  }

  private aggregate(op: AggregateOp): Expr {
    let grouping = this.grouping();
    this.expect('(');
    const expr = this.expression(0);
    if (this.peek().text === ',')
      throw parseError(this.peek().pos, `unexpected parameter in aggregation "${op}"`);
    this.expect(')');
    grouping ??= this.grouping();
    if (typeOf(expr) !== 'vector') {
      throw parseError(
        0,
        `expected type instant vector in aggregation expression, got ${typeName(typeOf(expr))}`,
      );
    }
    return {
      kind: 'aggregate',
      op,
      without: grouping?.without ?? false,
      labels: grouping?.labels ?? [],
      expr,
    };
  }

  private grouping(): { without: boolean; labels: string[] } | undefined {
    const token = this.peek();
    if (token.kind !== 'ident' || (token.text !== 'by' && token.text !== 'without'))
      return undefined;
    this.next();
    return { without: token.text === 'without', labels: this.labelList() };
  }

  private labelList(): string[] {
    this.expect('(');
    const labels: string[] = [];
    while (this.peek().kind === 'ident') {
      const label = this.next();
      if (label.text.includes(':'))
        throw parseError(
          label.pos,
          `unexpected identifier "${label.text}" in grouping opts, expected label`,
        );
      labels.push(label.text);
      if (this.peek().text !== ',') break;
      this.next();
    }
    this.expect(')');
    return labels;
  }

  private selector(name: string | undefined, open: Token | undefined): VectorSelector {
    const matchers: LabelMatcher[] =
      name === undefined ? [] : [{ name: '__name__', op: '=', value: name }];
    if (open) {
      while (this.peek().kind === 'ident') {
        const label = this.next();
        const op = this.next();
        if (op.kind !== 'op' || !['=', '!=', '=~', '!~'].includes(op.text)) {
          throw parseError(
            op.pos,
            `unexpected ${describe(op)} in label matching, expected label matching operator`,
          );
        }
        const value = this.next();
        if (value.kind !== 'string')
          throw parseError(
            value.pos,
            `unexpected ${describe(value)} in label matching, expected string`,
          );
        if (label.text === '__name__' && name !== undefined) {
          throw parseError(
            label.pos,
            `metric name must not be set twice: "${name}" or "${value.value}"`,
          );
        }
        if (op.text === '=~' || op.text === '!~') compileMatcherRegex(value.value ?? '');
        matchers.push({ name: label.text, op: op.text as MatchOp, value: value.value ?? '' });
        if (this.peek().text !== ',') break;
        this.next();
      }
      this.expect('}');
    }
    if (!matchers.some((m) => !matcherMatches(m, ''))) {
      throw new PromqlError(
        'bad_data',
        'vector selector must contain at least one non-empty matcher',
      );
    }
    return { kind: 'vector', matchers };
  }
}

const typeNames: Record<ValueType, string> = {
  scalar: 'scalar',
  string: 'string',
  vector: 'instant vector',
  matrix: 'range vector',
};

function typeName(type: ValueType): string {
  return typeNames[type];
}

function describe(token: Token): string {
  if (token.kind === 'eof') return 'end of input';
  if (token.kind === 'ident') return `identifier "${token.text}"`;
  if (token.kind === 'number') return `number "${token.text}"`;
  if (token.kind === 'duration') return `duration "${token.text}"`;
  if (token.kind === 'string') return `string ${token.text}`;
  return `character "${token.text}"`;
}

/** The type of an expression, checked the way Prometheus checks it before running anything. */
export function typeOf(expr: Expr): ValueType {
  switch (expr.kind) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'vector':
    case 'call':
    case 'histogramQuantile':
    case 'aggregate':
      return 'vector';
    case 'matrix':
      return 'matrix';
    case 'unary': {
      const inner = typeOf(expr.expr);
      if (inner !== 'scalar' && inner !== 'vector')
        throw parseError(
          0,
          `unary expression only allowed on expressions of type scalar or instant vector, got "${typeName(inner)}"`,
        );
      return inner;
    }
    case 'binary': {
      const left = typeOf(expr.lhs);
      const right = typeOf(expr.rhs);
      for (const side of [left, right]) {
        if (side !== 'scalar' && side !== 'vector') {
          throw parseError(
            0,
            `binary expression must contain only scalar and instant vector types`,
          );
        }
      }
      if (comparisonOps.has(expr.op) && left === 'scalar' && right === 'scalar' && !expr.bool) {
        throw parseError(0, 'comparisons between scalars must use BOOL modifier');
      }
      if (expr.matching && (left !== 'vector' || right !== 'vector')) {
        throw parseError(0, 'vector matching only allowed between instant vectors');
      }
      return left === 'vector' || right === 'vector' ? 'vector' : 'scalar';
    }
  }
}
