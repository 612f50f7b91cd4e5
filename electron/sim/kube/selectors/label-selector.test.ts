import { describe, expect, it } from 'vitest';
import { KubeError } from '../api/status';
import {
  formatLabelSelector,
  matchesLabels,
  parseLabelSelector,
  selectorFromObject,
} from './label-selector';

const labels = {
  app: 'reranker',
  tier: 'gpu',
  'ml-platform.example/team': 'search',
  version: '12',
};
const match = (text: string, l: Record<string, string> | undefined = labels): boolean =>
  matchesLabels(parseLabelSelector(text), l);

describe('label selectors', () => {
  it('matches equality, inequality and existence', () => {
    expect(match('app=reranker')).toBe(true);
    expect(match('app==reranker')).toBe(true);
    expect(match('app!=reranker')).toBe(false);
    expect(match('missing!=x')).toBe(true);
    expect(match('ml-platform.example/team')).toBe(true);
    expect(match('!ml-platform.example/team')).toBe(false);
    expect(match('!missing')).toBe(true);
    expect(match('')).toBe(true);
    expect(matchesLabels(parseLabelSelector('app=reranker'), undefined)).toBe(false);
  });

  it('matches set-based requirements, with commas inside parentheses', () => {
    expect(match('tier in (cpu,gpu)')).toBe(true);
    expect(match('tier in (cpu)')).toBe(false);
    expect(match('tier notin (cpu, tpu),app=reranker')).toBe(true);
    expect(match('missing notin (a)')).toBe(true);
    expect(match('missing in (a)')).toBe(false);
    expect(match('version>10,version<13')).toBe(true);
    expect(match('app in (reranker),tier notin (gpu)')).toBe(false);
  });

  it('accepts empty values and rejects malformed selectors with 400', () => {
    expect(match('app=', { app: '' })).toBe(true);
    for (const bad of ['app=a=b', 'in (x)', 'a b c', 'app=-bad-', '/x']) {
      expect(() => parseLabelSelector(bad), bad).toThrow(KubeError);
      try {
        parseLabelSelector(bad);
      } catch (e) {
        expect((e as KubeError).code).toBe(400);
      }
    }
  });

  it('converts metav1.LabelSelector objects and formats them back', () => {
    const selector = selectorFromObject({
      matchLabels: { app: 'x' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
    expect(formatLabelSelector(selector)).toBe('app=x,tier in (a,b),!legacy');
    expect(matchesLabels(selector, { app: 'x', tier: 'b' })).toBe(true);
    expect(matchesLabels(selector, { app: 'x', tier: 'b', legacy: '1' })).toBe(false);
  });
});
