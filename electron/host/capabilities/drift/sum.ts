// Compensated (Neumaier) summation. numpy's `np.sum` is pairwise, which is within a few ulp of
// the exact sum; a naive loop over 10^5 or more terms is not, so every sum whose result is
// compared with numpy goes through here.

export function accurateSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
  }
  // An infinite or NaN term makes the compensation NaN; numpy returns the plain sum then.
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/** `accurateSum` one term at a time, for sums whose terms are never stored. */
export class RunningSum {
  private sum = 0;
  private compensation = 0;

  add(v: number): void {
    const t = this.sum + v;
    if (Math.abs(this.sum) >= Math.abs(v)) this.compensation += this.sum - t + v;
    else this.compensation += v - t + this.sum;
    this.sum = t;
  }

  get total(): number {
    return Number.isFinite(this.sum) ? this.sum + this.compensation : this.sum;
  }
}

/** Population standard deviation (numpy `np.std`, ddof = 0), two-pass as numpy does it. */
export function populationStd(values: ArrayLike<number>): number {
  const n = values.length;
  const mean = accurateSum(values) / n;
  const squares = new RunningSum();
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares.add(d * d);
  }
  return Math.sqrt(squares.total / n);
}
