import { type TableCell, type TableValue, table } from '../core/values.js';
import type { OperationStats } from './operation-stats.js';

/** One operation's place in the ranking. */
export interface RankedOperation {
  readonly name: string;
  readonly category: string;
  readonly calls: number;
  readonly errors: number;
  readonly totalMs: number;
  readonly meanMs: number;
  readonly p95Ms: number;
  /** `totalMs` over the summed total of all profiled operations, in [0, 1]. */
  readonly share: number;
}

export const BOTTLENECK_COLUMNS = [
  'operation',
  'category',
  'calls',
  'total_ms',
  'mean_ms',
  'p95_ms',
  'share',
];

/**
 * Ranks operations by their share of the total profiled time and picks those at or above a threshold.
 *
 * Only wall time per span is recorded, not self time: a span nested inside another profiled span counts in
 * both, so shares are of the *summed* span time and can overstate an outer operation (an outer `trainStep`
 * that calls a profiled `forward` holds forward's time too). Shares still sum to 1 over all operations.
 */
export class BottleneckAnalyzer {
  constructor(readonly threshold: number) {}

  /** All operations, largest total first (ties: more calls first, then by name). */
  rank(stats: readonly OperationStats[]): RankedOperation[] {
    let grandTotalNs = 0;
    for (const s of stats) grandTotalNs += s.totalNs;
    const ranked = stats.map(
      (s): RankedOperation => ({
        name: s.operation.name,
        category: s.operation.category,
        calls: s.count,
        errors: s.errors,
        totalMs: s.totalMs,
        meanMs: s.meanMs,
        p95Ms: s.p95Ms,
        share: grandTotalNs > 0 ? s.totalNs / grandTotalNs : 0,
      }),
    );
    ranked.sort((a, b) => b.totalMs - a.totalMs || b.calls - a.calls || a.name.localeCompare(b.name));
    return ranked;
  }

  /** The ranked operations whose share is at least the threshold. */
  bottlenecks(ranked: readonly RankedOperation[]): RankedOperation[] {
    return ranked.filter((r) => r.calls > 0 && r.share >= this.threshold);
  }

  /** `profiling/bottlenecks`: one row per bottleneck, times in ms rounded to µs, share rounded to 1e-4. */
  table(bottlenecks: readonly RankedOperation[]): TableValue {
    const rows: TableCell[][] = bottlenecks.map((r) => [
      r.name,
      r.category,
      r.calls,
      round(r.totalMs, 3),
      round(r.meanMs, 3),
      round(r.p95Ms, 3),
      round(r.share, 4),
    ]);
    return table(BOTTLENECK_COLUMNS, rows);
  }

  /** One line per bottleneck, for `profiling/bottlenecks/bottleneck_<i>` (1-based, in rank order). */
  describe(r: RankedOperation, rank: number): string {
    const errors = r.errors > 0 ? `, ${r.errors} failed` : '';
    return (
      `#${rank} ${r.name} [${r.category}]: ${formatPercent(r.share)} of profiled time, ` +
      `${r.calls} calls${errors}, total ${formatMs(r.totalMs)}, mean ${formatMs(r.meanMs)}, p95 ${formatMs(r.p95Ms)}`
    );
  }
}

export function round(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Milliseconds with a unit that keeps 3–4 significant digits (`812 µs`, `12.3 ms`, `4.56 s`). */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
