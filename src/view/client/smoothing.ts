/**
 * TensorBoard's scalar smoothing: an exponential moving average debiased like Adam's (`smoothed / (1 - w^n)`),
 * so the first points are not pulled towards 0. Non-finite values are passed through and not accumulated.
 */
export function debiasedEma(values: readonly (number | null)[], weight: number): (number | null)[] {
  if (weight <= 0) return [...values];
  let last = 0;
  let count = 0;
  const out: (number | null)[] = [];
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) {
      out.push(value);
      continue;
    }
    last = last * weight + (1 - weight) * value;
    count++;
    const debias = weight === 1 ? 1 : 1 - weight ** count;
    out.push(last / debias);
  }
  return out;
}
