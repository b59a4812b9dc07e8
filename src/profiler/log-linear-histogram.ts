/**
 * Streaming histogram of non-negative values (span durations in nanoseconds) with bounded memory and a known
 * relative error, in the spirit of HdrHistogram: each power of two `[2^e, 2^(e+1))` is split into
 * `2^SUB_BUCKET_BITS` equal-width buckets, and values below `2^(SUB_BUCKET_BITS + 1)` get one bucket per integer.
 *
 * Error bound: a bucket is at most `2^-SUB_BUCKET_BITS` of its lower edge wide, and quantiles report the bucket
 * midpoint, so every quantile is within `2^-(SUB_BUCKET_BITS + 1)` = 1/128 ≈ 0.78 % (relative) of the exact
 * nearest-rank quantile of the recorded values (exact below 128). Values are floored to integers first.
 *
 * Memory: 64 buckets per power of two that has been reached, grown on demand: durations up to one hour
 * (2^42 ns) need at most 2,432 buckets (19 KiB).
 */
export const SUB_BUCKET_BITS = 6;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
/** The largest relative error of a reported quantile against the exact nearest-rank quantile. */
export const QUANTILE_RELATIVE_ERROR = 1 / (2 * SUB_BUCKETS);
/** Values at or above 2^MAX_EXPONENT (about 1.6 days in ns) share the last bucket; `max` stays exact. */
const MAX_EXPONENT = 57;
const LINEAR_LIMIT = SUB_BUCKETS * 2;

export class LogLinearHistogram {
  private counts = new Float64Array(LINEAR_LIMIT);
  private total = 0;
  private minValue = Number.POSITIVE_INFINITY;
  private maxValue = Number.NEGATIVE_INFINITY;

  get count(): number {
    return this.total;
  }

  get min(): number {
    return this.total === 0 ? Number.NaN : this.minValue;
  }

  get max(): number {
    return this.total === 0 ? Number.NaN : this.maxValue;
  }

  /** Buckets currently allocated (for tests and memory accounting). */
  get bucketCount(): number {
    return this.counts.length;
  }

  record(value: number, times = 1): void {
    if (!(value >= 0)) return;
    const v = Math.floor(value);
    if (v < this.minValue) this.minValue = v;
    if (v > this.maxValue) this.maxValue = v;
    const index = bucketIndex(v);
    if (index >= this.counts.length) this.grow(index);
    this.counts[index] = (this.counts[index] as number) + times;
    this.total += times;
  }

  /**
   * The nearest-rank `q` quantile (0 < q ≤ 1): the value at rank `ceil(q · count)` of the sorted inputs, to within
   * `QUANTILE_RELATIVE_ERROR`, clamped to the exact min and max. NaN when empty.
   */
  quantile(q: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * this.total));
    let seen = 0;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i] as number;
      if (seen >= rank) {
        const value = bucketRepresentative(i);
        return Math.min(this.maxValue, Math.max(this.minValue, value));
      }
    }
    return this.maxValue;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.minValue = Number.POSITIVE_INFINITY;
    this.maxValue = Number.NEGATIVE_INFINITY;
  }

  private grow(index: number): void {
    let size = this.counts.length;
    while (size <= index) size += SUB_BUCKETS * 4;
    const next = new Float64Array(size);
    next.set(this.counts);
    this.counts = next;
  }
}

/** 2^0 … 2^64, so bucket arithmetic never calls `Math.pow`. */
const POW2 = Float64Array.from({ length: 65 }, (_, i) => 2 ** i);
const TWO_32 = 4294967296;

/** Bucket of an integer `v ≥ 0`: `v` itself below 128, else `(e - 5) · 64 + sub` for `v` in `[2^e, 2^(e+1))`. */
export function bucketIndex(v: number): number {
  if (v < LINEAR_LIMIT) return v;
  let exponent: number;
  if (v < TWO_32) {
    exponent = 31 - Math.clz32(v);
    return (
      (exponent - SUB_BUCKET_BITS + 1) * SUB_BUCKETS + (v >>> (exponent - SUB_BUCKET_BITS)) - SUB_BUCKETS
    );
  }
  const high = Math.floor(v / TWO_32);
  exponent = high < TWO_32 ? 63 - Math.clz32(high) : MAX_EXPONENT;
  if (exponent >= MAX_EXPONENT) return (MAX_EXPONENT - SUB_BUCKET_BITS + 1) * SUB_BUCKETS - 1;
  const sub = Math.floor(v / (POW2[exponent - SUB_BUCKET_BITS] as number)) - SUB_BUCKETS;
  return (exponent - SUB_BUCKET_BITS + 1) * SUB_BUCKETS + sub;
}

/** Lower edge and width of bucket `index`. */
export function bucketBounds(index: number): { lower: number; width: number } {
  if (index < LINEAR_LIMIT) return { lower: index, width: 1 };
  const exponent = Math.floor(index / SUB_BUCKETS) + SUB_BUCKET_BITS - 1;
  const width = POW2[exponent - SUB_BUCKET_BITS] as number;
  return { lower: (SUB_BUCKETS + (index % SUB_BUCKETS)) * width, width };
}

function bucketRepresentative(index: number): number {
  if (index < LINEAR_LIMIT) return index;
  const { lower, width } = bucketBounds(index);
  return lower + width / 2;
}
