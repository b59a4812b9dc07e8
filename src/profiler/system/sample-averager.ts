import { round } from '../bottleneck-analyzer.js';

/**
 * Sums samples key by key until `take()`, which answers each key's mean over the samples that had it, as W&B's
 * `aggregate_mean` does (rounded to `decimals` when given), or for `lastKeys` the latest value
 * (`aggregate_last`: a thread count is not averaged).
 */
export class SampleAverager {
  private readonly sums = new Map<string, number>();
  private readonly counts = new Map<string, number>();
  private readonly last = new Map<string, number>();

  constructor(
    private readonly decimals?: number,
    private readonly lastKeys: ReadonlySet<string> = new Set(),
  ) {}

  add(sample: Readonly<Record<string, number>>): void {
    for (const key in sample) {
      const value = sample[key] as number;
      if (!Number.isFinite(value)) continue;
      if (this.lastKeys.has(key)) {
        this.last.set(key, value);
        if (!this.sums.has(key)) this.sums.set(key, 0);
        continue;
      }
      this.sums.set(key, (this.sums.get(key) ?? 0) + value);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  /** The aggregate of every sample since the last `take()`, in first-seen key order; empties the averager. */
  take(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, sum] of this.sums) {
      const last = this.last.get(key);
      const value = last ?? sum / (this.counts.get(key) as number);
      out[key] = this.decimals === undefined ? value : round(value, this.decimals);
    }
    this.sums.clear();
    this.counts.clear();
    this.last.clear();
    return out;
  }
}
