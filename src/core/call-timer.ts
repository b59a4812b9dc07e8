/**
 * Samples how long `log()` spends on the caller's thread. Only 1 call in {@link CALL_SAMPLE_EVERY} reads the
 * clock (two `hrtime.bigint()` reads cost ~100 ns, far more than the rest of a small `log`), so measuring costs
 * a counter and a branch on the other calls.
 */
export const CALL_SAMPLE_EVERY = 64;
export const CALL_SAMPLE_MASK = CALL_SAMPLE_EVERY - 1;

export class CallTimer {
  private readonly samples: Float64Array;
  private next = 0;
  private count = 0;

  constructor(size = 1024) {
    this.samples = new Float64Array(size);
  }

  record(ns: number): void {
    this.samples[this.next] = ns;
    this.next = this.next + 1 === this.samples.length ? 0 : this.next + 1;
    this.count++;
  }

  /** Samples taken since the start. */
  get sampled(): number {
    return this.count;
  }

  /** The mean of the recent samples (ns), 0 when none. */
  mean(): number {
    const n = Math.min(this.count, this.samples.length);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.samples[i] as number;
    return n === 0 ? 0 : sum / n;
  }

  /**
   * Quantiles (each 0..1) of the most recent samples, in nanoseconds (NaN when none), from one sorted copy.
   * Runs in the background report, never on the caller's thread.
   */
  quantiles(qs: readonly number[]): number[] {
    const n = Math.min(this.count, this.samples.length);
    if (n === 0) return qs.map(() => Number.NaN);
    const sorted = this.samples.slice(0, n).sort();
    return qs.map((q) => sorted[Math.min(n - 1, Math.floor(q * (n - 1) + 0.5))] as number);
  }
}
