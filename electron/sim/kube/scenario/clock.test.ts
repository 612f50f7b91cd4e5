import { describe, expect, it } from 'vitest';
import { ScenarioClock } from './clock';
import { parseDuration, resolvePlaceholders } from './time';

describe('scenario clock', () => {
  it('runs due tasks in time order and moves now as it goes', async () => {
    const clock = new ScenarioClock(new Date('2026-01-01T00:00:00Z'));
    const seen: string[] = [];
    clock.schedule(3000, () => void seen.push(`c@${clock.now().toISOString()}`));
    clock.schedule(1000, () => {
      seen.push('a');
      clock.schedule(500, () => void seen.push('b'));
    });
    const cancel = clock.schedule(2000, () => void seen.push('cancelled'));
    cancel();
    await clock.advance(2000);
    expect(seen).toEqual(['a', 'b']);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:02.000Z');
    await clock.advance(5000);
    expect(seen).toEqual(['a', 'b', 'c@2026-01-01T00:00:03.000Z']);
    expect(clock.pendingTasks()).toBe(0);
  });

  it('parses durations and resolves ${now} placeholders', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('45s')).toBe(45_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('-5m')).toBe(-300_000);
    expect(() => parseDuration('5 minutes')).toThrow(/invalid duration/);
    const now = Date.parse('2026-01-01T00:10:00Z');
    expect(resolvePlaceholders({ a: ['${now-5m}', 'x ${now}'] }, now)).toEqual({
      a: ['2026-01-01T00:05:00Z', 'x 2026-01-01T00:10:00Z'],
    });
  });
});
