// Label matchers (=, !=, =~, !~) as Prometheus applies them: regexes anchored at both ends.
import { PromqlError } from './errors';

export type MatchOp = '=' | '!=' | '=~' | '!~';
export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

const regexCache = new Map<string, RegExp>();

/** Label regexes are anchored at both ends, as in Prometheus. */
export function compileMatcherRegex(source: string): RegExp {
  const cached = regexCache.get(source);
  if (cached) return cached;
  let compiled: RegExp;
  try {
    compiled = new RegExp(`^(?:${source})$`);
  } catch (error) {
    throw new PromqlError(
      'bad_data',
      `error parsing regexp: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (regexCache.size > 500) regexCache.clear();
  regexCache.set(source, compiled);
  return compiled;
}

export function matcherMatches(matcher: LabelMatcher, value: string): boolean {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return compileMatcherRegex(matcher.value).test(value);
    case '!~':
      return !compileMatcherRegex(matcher.value).test(value);
  }
}
