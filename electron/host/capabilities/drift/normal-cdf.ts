// Standard normal CDF as scipy's `norm.cdf` (cephes `ndtr`) computes it, built on an erfc that
// keeps full relative precision in the tail. The z-test reports `2 * (1 - Φ(|z|))`, so Φ must be
// right to the last bits near 1 for the p-value to agree with scipy's.
//
// erf/erfc are W. J. Cody's rational Chebyshev approximations (Math. Comp. 1969, CALERF), the
// standard choice for double precision: a few ulp everywhere. `1 - erf(x)` is not used for the
// tail because it cancels to nothing past x ≈ 6.

const ERF_A = [
  3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315,
];
const ERF_B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const ERFC_C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const ERFC_D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const ERFC_P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275,
  0.0006587491615298378, 0.016315387137302097,
];
const ERFC_Q = [
  2.568520192289822, 1.8729528499234673, 0.5279051029514285, 0.06051834131244132,
  0.0023352049762686918,
];
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const SMALL = 0.46875;

/** erf(x) for |x| <= 0.46875, where the series-like rational form is exact to a few ulp. */
function erfSmall(x: number): number {
  const y2 = x * x;
  let num = ERF_A[4]! * y2;
  let den = y2;
  for (let i = 0; i < 3; i++) {
    num = (num + ERF_A[i]!) * y2;
    den = (den + ERF_B[i]!) * y2;
  }
  return (x * (num + ERF_A[3]!)) / (den + ERF_B[3]!);
}

/**
 * exp(-y²) without the rounding error of squaring y: split y into a 1/16-grid part and the rest,
 * as Cody does, since exp amplifies the absolute error of y² by y².
 */
function expMinusSquare(y: number): number {
  const ySq = Math.trunc(y * 16) / 16;
  const del = (y - ySq) * (y + ySq);
  return Math.exp(-ySq * ySq) * Math.exp(-del);
}

/** erfc(y) for y > 0.46875. */
function erfcPositive(y: number): number {
  if (y <= 4) {
    let num = ERFC_C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]!) * y;
      den = (den + ERFC_D[i]!) * y;
    }
    return ((num + ERFC_C[7]!) / (den + ERFC_D[7]!)) * expMinusSquare(y);
  }
  if (y >= 26.7) return 0; // exp(-y²) underflows; cephes returns 0 there too
  const inv2 = 1 / (y * y);
  let num = ERFC_P[5]! * inv2;
  let den = inv2;
  for (let i = 0; i < 4; i++) {
    num = (num + ERFC_P[i]!) * inv2;
    den = (den + ERFC_Q[i]!) * inv2;
  }
  const r = (inv2 * (num + ERFC_P[4]!)) / (den + ERFC_Q[4]!);
  return ((ONE_OVER_SQRT_PI - r) / y) * expMinusSquare(y);
}

/** Error function. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= SMALL) return erfSmall(x);
  const tail = erfcPositive(y);
  return x < 0 ? tail - 1 : 1 - tail;
}

/** Complementary error function with full relative precision for large positive x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= SMALL) return 1 - erfSmall(x);
  const tail = erfcPositive(y);
  return x < 0 ? 2 - tail : tail;
}

/** Φ(a), structured like cephes `ndtr` so the final rounding matches scipy's `norm.cdf`. */
export function normalCdf(a: number): number {
  if (Number.isNaN(a)) return Number.NaN;
  const x = a * Math.SQRT1_2;
  const z = Math.abs(x);
  if (z < Math.SQRT1_2) return 0.5 + 0.5 * erf(x);
  const y = 0.5 * erfc(z);
  return x > 0 ? 1 - y : y;
}
