// One-sided one-sample Kolmogorov-Smirnov survival function Pr(D_n^+ >= x), scipy's
// `special.smirnov(n, x)`. kstwo.sf uses 2·smirnov where the two one-sided events cannot both
// happen (x >= 0.5) or where their intersection is negligible (large n·x²).
//
// scipy evaluates the Smirnov / Birnbaum-Tingey sum of positive terms
//   x · Σ_{j=0}^{floor(n(1-x))} C(n, j) (x + j/n)^(j-1) (1 - x - j/n)^(n-j)
// in double-double arithmetic. Each term is a binomial probability divided by p_j = x + j/n, so
// here it is evaluated with Loader's saddle-point form of the binomial pmf (as R's dbinom): the
// large logarithms (~n ln n) that cancel in a naive log-space sum are never formed, which keeps
// each term to ~1e-14 relative even for n in the hundreds of thousands. A naive log-sum drifted
// to 2e-9 relative at n = 400000.

const LOG_2PI = Math.log(2 * Math.PI);
const HALF_LOG_2PI = 0.5 * LOG_2PI;

/** ln(k!) exactly enough for small k, from the exact factorial. */
function logFactorialSmall(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return Math.log(f);
}

/** Stirling error ln(k!) - ln(sqrt(2πk)(k/e)^k) for integer k >= 1. */
function stirlingError(k: number): number {
  if (k <= 15) return logFactorialSmall(k) - (k + 0.5) * Math.log(k) + k - HALF_LOG_2PI;
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  const kk = k * k;
  if (k > 500) return (s0 - s1 / kk) / k;
  if (k > 80) return (s0 - (s1 - s2 / kk) / kk) / k;
  if (k > 35) return (s0 - (s1 - (s2 - s3 / kk) / kk) / kk) / k;
  return (s0 - (s1 - (s2 - (s3 - s4 / kk) / kk) / kk) / kk) / k;
}

/** Loader's deviance term k·ln(k/m) + m - k, without cancellation when k ≈ m. */
function deviance(k: number, m: number): number {
  if (Math.abs(k - m) < 0.1 * (k + m)) {
    let v = (k - m) / (k + m);
    let s = (k - m) * v;
    let ej = 2 * k * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return k * Math.log(k / m) + m - k;
}

/** ln of the binomial pmf C(n, k) p^k q^(n-k) with n·p = np and n·q = nq given directly. */
function logBinomialPmf(k: number, n: number, p: number, np: number, nq: number): number {
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const lc =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    deviance(k, np) -
    deviance(n - k, nq);
  const lf = LOG_2PI + Math.log(k) + Math.log1p(-k / n);
  return lc - 0.5 * lf;
}

export function smirnovSurvival(n: number, x: number): number {
  if (Number.isNaN(x) || !Number.isInteger(n) || n <= 0) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  if (n === 1) return 1 - x;
  const nx = n * x;
  const last = Math.floor(n * (1 - x));
  const logTerms = new Float64Array(last + 1);
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j <= last; j++) {
    // n·p_j = n·x + j and n·q_j = (n - j) - n·x keep their significant digits near the ends.
    const np = nx + j;
    const nq = n - j - nx;
    let logTerm: number;
    if (nq <= 0) {
      logTerm = Number.NEGATIVE_INFINITY;
    } else {
      const p = np / n;
      // term_j = pmf(j; n, p_j) / p_j; the leading factor x is applied at the end.
      logTerm = logBinomialPmf(j, n, p, np, nq) - Math.log(p);
    }
    logTerms[j] = logTerm;
    if (logTerm > max) max = logTerm;
  }
  if (max === Number.NEGATIVE_INFINITY) return 0;
  let sum = 0;
  let compensation = 0;
  for (let j = 0; j <= last; j++) {
    const v = Math.exp(logTerms[j]! - max);
    const t = sum + v;
    compensation += sum >= v ? sum - t + v : v - t + sum;
    sum = t;
  }
  const result = x * Math.exp(max) * (sum + compensation);
  return Math.min(1, Math.max(0, result));
}
