import { describe, expect, it } from 'vitest';
import { chooseStep, fitRange, maxPointsPerSeries, roundInterval } from './step';

const s = 1000;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;

describe("Grafana's step selection", () => {
  it.each([
    [9, 1],
    [12, 10],
    [30, 20],
    [60, 50],
    [120, 100],
    [300, 200],
    [700, 500],
    [1.2 * s, s],
    [3 * s, 2 * s],
    [6 * s, 5 * s],
    [11 * s, 10 * s],
    [16 * s, 15 * s],
    [22 * s, 20 * s],
    [40 * s, 30 * s],
    [80 * s, min],
    [3 * min, 2 * min],
    [7 * min, 5 * min],
    [11 * min, 10 * min],
    [16 * min, 15 * min],
    [22 * min, 20 * min],
    [44 * min, 30 * min],
    [80 * min, h],
    [2.2 * h, 2 * h],
    [4 * h, 3 * h],
    [8 * h, 6 * h],
    [20 * h, 12 * h],
    [40 * h, d],
    [6 * d, d],
    [20 * d, 7 * d],
    [400 * d, 30 * d],
    [800 * d, 365 * d],
  ])('rounds %d ms to %d ms', (input, nice) => {
    expect(roundInterval(input)).toBe(nice);
  });

  it('takes the scrape interval as the floor, unrounded', () => {
    // 1 h over 1000 px is 3.6 s: under a 15 s scrape, so 15 s.
    expect(chooseStep({ from: 0, to: h, maxDataPoints: 1000, minIntervalMs: 15 * s })).toBe(15 * s);
    // A 7 s scrape stays 7 s (not rounded to 5 s).
    expect(chooseStep({ from: 0, to: h, maxDataPoints: 1000, minIntervalMs: 7 * s })).toBe(7 * s);
  });

  it('divides the range by the pixel width and rounds', () => {
    // 7 days over 800 px is 756 s (12.6 min) → 15 min.
    expect(chooseStep({ from: 0, to: 7 * d, maxDataPoints: 800 })).toBe(15 * min);
    // No width: Grafana's 1500 points; 24 h / 1500 = 57.6 s → 1 min.
    expect(chooseStep({ from: 0, to: d })).toBe(min);
  });

  it('never asks for more than 11,000 points per series', () => {
    // A wide chart with a 1 s scrape over 30 days would want 1 s; the safe step wins.
    const input = { from: 0, to: 30 * d, maxDataPoints: 100_000, minIntervalMs: s };
    const fitted = fitRange(input);
    expect((fitted.end - fitted.start) / fitted.stepMs).toBeLessThanOrEqual(maxPointsPerSeries);
    expect(fitted.stepMs).toBe(roundInterval((30 * d) / 11_000));
  });

  it('aligns start and end down to the step', () => {
    const fitted = fitRange({ from: 1_000_007_000, to: 1_003_607_000, maxDataPoints: 240 });
    expect(fitted.stepMs).toBe(15 * s);
    expect(fitted.start % fitted.stepMs).toBe(0);
    expect(fitted.end % fitted.stepMs).toBe(0);
    expect(fitted.start).toBeLessThanOrEqual(1_000_007_000);
    expect(fitted.end).toBeLessThanOrEqual(1_003_607_000);
  });
});
