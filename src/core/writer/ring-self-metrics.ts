import { SelfMetrics } from '../self-metrics.js';
import { LOG_CALLS, LOG_NS_P50, LOG_NS_P99, type SharedRing } from './shared-ring.js';

/** The writer thread's `SelfMetrics`: the `log()` figures are the ones the training thread publishes in the ring. */
export class RingSelfMetrics extends SelfMetrics {
  private ring: SharedRing | undefined;

  /** Reads the caller's figures from `ring` from now on. */
  readFrom(ring: SharedRing): void {
    this.ring = ring;
  }

  protected override callerFigures(): { calls: number; p50: number; p99: number } {
    const figures = this.ring?.figures;
    if (figures === undefined) return super.callerFigures();
    const p50 = figures[LOG_NS_P50] as number;
    return {
      calls: figures[LOG_CALLS] as number,
      p50: p50 > 0 ? p50 : Number.NaN,
      p99: figures[LOG_NS_P99] as number,
    };
  }
}
