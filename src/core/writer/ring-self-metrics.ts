import { type CallerFigures, SelfMetrics } from '../self-metrics.js';
import { LOG_CALLS, LOG_NS_P50, LOG_NS_P99, type SharedRing } from './shared-ring.js';

/** Where the writer reads the ring's depth: the most entries it found waiting since the last call. */
export interface RingDepth {
  takePeak(): number;
}

/**
 * The writer thread's `SelfMetrics`: the `log()` figures are the ones the training thread publishes in the ring,
 * and `trainscope/queue_depth` is the ring's depth (what the writer has yet to catch up with), not the writer's
 * own small batch queue.
 */
export class RingSelfMetrics extends SelfMetrics {
  private ring: SharedRing | undefined;
  private depth: RingDepth | undefined;

  /** Reads the caller's figures from `ring`, and the ring's depth from `depth`, from now on. */
  readFrom(ring: SharedRing, depth?: RingDepth): void {
    this.ring = ring;
    this.depth = depth;
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
      queuePeak: this.depth === undefined ? own.queuePeak : this.depth.takePeak(),
    };
  }
}
