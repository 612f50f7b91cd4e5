// How a simulated model server behaves in one scrape interval: how many requests it took, what
// share failed with a 5xx, and the latency distribution they had (a log-normal body, plus a slow
// tail for a degraded server). Deterministic and periodic: every value is a function of the
// interval's index within a 6-hour cycle, so counters can be summed once per cycle.

export interface TrafficProfile {
  /** Mean requests per second. */
  rps: number;
  /** Mean share of requests answered with a 5xx. */
  errorShare: number;
  /** Median latency of the body, ms, and its log-normal spread. */
  medianMs: number;
  sigma: number;
  /** A degraded server: this share of requests queue and take about slowMedianMs. */
  slowShare?: number;
  slowMedianMs?: number;
  /** Where in the cycle this server starts, so servers do not move in step. */
  seed: number;
}

export const intervalsPerCycle = 1440;

/** A repeatable value in [-1, 1] for an interval and a seed (the usual shader hash). */
function noise(j: number, seed: number): number {
  const x = Math.sin(j * 12.9898 + seed * 78.233) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
}

const wave = (j: number, harmonic: number, phase: number) =>
  Math.sin((2 * Math.PI * harmonic * j) / intervalsPerCycle + phase);

/** The load factor around 1: a slow swell, a half-hour rhythm, minute-to-minute noise. */
export function loadAt(p: TrafficProfile, j: number): number {
  return 1 + 0.25 * wave(j, 1, p.seed) + 0.12 * wave(j, 11, p.seed * 2) + 0.08 * noise(j, p.seed);
}

export function errorShareAt(p: TrafficProfile, j: number): number {
  return Math.max(
    0,
    p.errorShare * (1 + 0.6 * wave(j, 23, p.seed * 3) + 0.4 * noise(j, p.seed + 7)),
  );
}

/** The body's median in this interval: slower under load, with a few-minute wobble. */
function medianAt(p: TrafficProfile, j: number): number {
  return p.medianMs * (1 + 0.35 * (loadAt(p, j) - 1) + 0.1 * wave(j, 97, p.seed * 5));
}

/** The degraded server's slow tail in this interval: its share and median, ms. */
function slowTailAt(p: TrafficProfile, j: number): { share: number; medianMs: number } {
  if (!p.slowShare || !p.slowMedianMs) return { share: 0, medianMs: 1 };
  return {
    share: p.slowShare * (1 + 0.3 * wave(j, 13, p.seed * 11)),
    medianMs: p.slowMedianMs * (1 + 0.15 * wave(j, 41, p.seed * 7)),
  };
}

const slowSigma = 0.35;

/** Share of this interval's requests that took at most `ms`. */
export function latencyShareUpTo(p: TrafficProfile, j: number, ms: number): number {
  if (ms === Infinity) return 1;
  if (ms <= 0) return 0;
  const body = logNormalCdf(ms, medianAt(p, j), p.sigma);
  const slow = slowTailAt(p, j);
  if (slow.share === 0) return body;
  return (1 - slow.share) * body + slow.share * logNormalCdf(ms, slow.medianMs, slowSigma);
}

/** Mean latency in this interval, ms (for the histogram's _sum). */
export function meanLatencyAt(p: TrafficProfile, j: number): number {
  const body = medianAt(p, j) * Math.exp((p.sigma * p.sigma) / 2);
  const slow = slowTailAt(p, j);
  return (1 - slow.share) * body + slow.share * slow.medianMs * Math.exp(slowSigma ** 2 / 2);
}

function logNormalCdf(x: number, median: number, sigma: number): number {
  return 0.5 * erfc(-Math.log(x / median) / (sigma * Math.SQRT2));
}

/** Complementary error function, Numerical Recipes' erfcc (relative error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
