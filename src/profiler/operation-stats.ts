import { LogLinearHistogram } from './log-linear-histogram.js';
import type { Operation } from './operations.js';

const NS_PER_MS = 1e6;
const BYTES_PER_MB = 1024 * 1024;

/** Mean over the spans folded since the last report (the `profiling/timing|memory/<op>` window). */
export interface OperationWindow {
  readonly calls: number;
  readonly meanMs: number;
  /** Mean heap growth of the sampled calls in MB, NaN when no call in the window was sampled. */
  readonly meanHeapDeltaMb: number;
  readonly heapSamples: number;
}

/**
 * Running statistics of one profiled operation: exact count, errors, total, min, max and mean; p50/p95/p99 from a
 * `LogLinearHistogram` (relative error ≤ 1/128); mean and max heap growth of the calls whose heap was sampled.
 * Also keeps the window since the last `takeWindow()` for periodic reporting.
 */
export class OperationStats {
  count = 0;
  errors = 0;
  totalNs = 0;
  minNs = Number.POSITIVE_INFINITY;
  maxNs = Number.NEGATIVE_INFINITY;
  heapSamples = 0;
  heapDeltaSum = 0;
  heapDeltaMax = Number.NEGATIVE_INFINITY;
  private readonly histogram = new LogLinearHistogram();
  private windowCount = 0;
  private windowTotalNs = 0;
  private windowHeapSamples = 0;
  private windowHeapSum = 0;

  constructor(readonly operation: Operation) {}

  /** Folds one span. `heapDelta` is NaN when the call's heap was not sampled. */
  record(durationNs: number, heapDelta: number, failed: boolean): void {
    const d = Math.max(durationNs, 0);
    this.count++;
    this.totalNs += d;
    if (d < this.minNs) this.minNs = d;
    if (d > this.maxNs) this.maxNs = d;
    if (failed) this.errors++;
    this.histogram.record(d);
    this.windowCount++;
    this.windowTotalNs += d;
    if (!Number.isNaN(heapDelta)) {
      this.heapSamples++;
      this.heapDeltaSum += heapDelta;
      if (heapDelta > this.heapDeltaMax) this.heapDeltaMax = heapDelta;
      this.windowHeapSamples++;
      this.windowHeapSum += heapDelta;
    }
  }

  get meanNs(): number {
    return this.count === 0 ? Number.NaN : this.totalNs / this.count;
  }

  get totalMs(): number {
    return this.totalNs / NS_PER_MS;
  }

  get meanMs(): number {
    return this.meanNs / NS_PER_MS;
  }

  get minMs(): number {
    return this.count === 0 ? Number.NaN : this.minNs / NS_PER_MS;
  }

  get maxMs(): number {
    return this.count === 0 ? Number.NaN : this.maxNs / NS_PER_MS;
  }

  /** Nearest-rank quantile of the durations in nanoseconds (within `QUANTILE_RELATIVE_ERROR`). */
  quantileNs(q: number): number {
    return this.histogram.quantile(q);
  }

  get p50Ms(): number {
    return this.histogram.quantile(0.5) / NS_PER_MS;
  }

  get p95Ms(): number {
    return this.histogram.quantile(0.95) / NS_PER_MS;
  }

  get p99Ms(): number {
    return this.histogram.quantile(0.99) / NS_PER_MS;
  }

  /** Mean heap growth in bytes over the sampled calls (NaN when none was sampled). */
  get meanHeapDelta(): number {
    return this.heapSamples === 0 ? Number.NaN : this.heapDeltaSum / this.heapSamples;
  }

  get maxHeapDelta(): number {
    return this.heapSamples === 0 ? Number.NaN : this.heapDeltaMax;
  }

  /** Returns the window since the last call and starts a new one. */
  takeWindow(): OperationWindow {
    const window: OperationWindow = {
      calls: this.windowCount,
      meanMs: this.windowCount === 0 ? Number.NaN : this.windowTotalNs / this.windowCount / NS_PER_MS,
      meanHeapDeltaMb:
        this.windowHeapSamples === 0
          ? Number.NaN
          : this.windowHeapSum / this.windowHeapSamples / BYTES_PER_MB,
      heapSamples: this.windowHeapSamples,
    };
    this.windowCount = 0;
    this.windowTotalNs = 0;
    this.windowHeapSamples = 0;
    this.windowHeapSum = 0;
    return window;
  }
}
