import { type CallerFigures, SelfMetrics } from '../self-metrics.js';
import { LOG_CALLS, LOG_NS_P50, LOG_NS_P99, type SharedRing } from './shared-ring.js';

/**
 * The writer thread's `SelfMetrics`: the `log()` figures are the ones the training thread publishes in the ring
 * (its queue is the ring's reader, so `trainscope/queue_depth` is the ring's depth: what the writer has yet to
 * catch up with).
 */
export class RingSelfMetrics extends SelfMetrics {
  private ring: SharedRing | undefined;

  /** Reads the caller's figures from `ring` from now on. */
  readFrom(ring: SharedRing): void {
    this.ring = ring;
  }

  protected override callerFigures(): CallerFigures {
    const own = super.callerFigures();
    const figures = this.ring?.figures;
    if (figures === undefined) return own;
    const p50 = figures[LOG_NS_P50] as number;
    return {
      calls: figures[LOG_CALLS] as number,
      p50: p50 > 0 ? p50 : Number.NaN,
      p99: figures[LOG_NS_P99] as number,
      queuePeak: own.queuePeak,
    };
  }
}
