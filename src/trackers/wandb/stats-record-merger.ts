import type { WandbItem } from './offline/wandb-record.js';
import { wandbJsonNumber } from './wandb-json.js';

/** One `StatsRecord` to publish: the merged items (W&B names, JSON values) and its time. */
export interface MergedStats {
  readonly items: WandbItem[];
  readonly timeMs: number;
}

/** The official publishing interval (`_stats_sample_rate_seconds` 2 s × `_stats_samples_to_average` 15). */
export const STATS_PUBLISHING_INTERVAL_MS = 30_000;

/** An aggregate sooner than this share of an interval after the previous one is a partial one (finish). */
const FULL_INTERVAL_SHARE = 0.9;

/**
 * What goes into each W&B `stats` record, as the official client's `SystemMonitor` (0.15.12
 * `wandb/sdk/internal/system/system_monitor.py`) decides it: every aggregate queued since the last publish is merged
 * into ONE record (later keys win), once per publishing interval (sample period × 15 samples, 30 s by default),
 * the first publish two intervals after the start, and what is left at finish is the last record, which the
 * official client writes after `exit`.
 *
 * The profiler's system samples already arrive as one aggregate per interval (the mean of 15 samples), so they
 * pace the records: the first aggregate waits for the second (a run shorter than two intervals has exactly one
 * record, at finish, as observed), every later one publishes what is queued, except the partial aggregate of the
 * profiler's finish (it comes well within an interval of the previous one), which stays for the last record.
 * trainscope's own counters (`trainscope.*`) join the next record; when no aggregate comes (system metrics off),
 * they are published on their own at most once per interval, the first two intervals after the start.
 */
export class StatsRecordMerger {
  private readonly pending = new Map<string, string>();
  private systemAggregates = 0;
  private lastAggregateAt = Number.NEGATIVE_INFINITY;
  /** When queued counters are published without a system aggregate (pushed on by every aggregate). */
  private countersDueAt: number;

  /** `intervalMs`: the publishing interval, the profiler's sample period × the samples it averages. */
  constructor(
    startTimeMs: number,
    private readonly intervalMs: number = STATS_PUBLISHING_INTERVAL_MS,
  ) {
    this.countersDueAt = startTimeMs + 2 * intervalMs;
  }

  /** A system aggregate at `timeMs`; returns the record to publish now, if any. */
  system(keys: readonly string[], values: readonly number[], timeMs: number): MergedStats | undefined {
    this.merge(keys, values);
    const partial = timeMs - this.lastAggregateAt < FULL_INTERVAL_SHARE * this.intervalMs;
    this.lastAggregateAt = timeMs;
    this.countersDueAt = timeMs + 2 * this.intervalMs;
    return ++this.systemAggregates > 1 && !partial ? this.take(timeMs) : undefined;
  }

  /** trainscope's own counters at `timeMs`; returns the record to publish now, if any. */
  counters(keys: readonly string[], values: readonly number[], timeMs: number): MergedStats | undefined {
    this.merge(keys, values);
    if (timeMs < this.countersDueAt) return undefined;
    this.countersDueAt = timeMs + this.intervalMs;
    return this.take(timeMs);
  }

  /** What is still queued at finish: the last record (written after `exit`), stamped `timeMs`. */
  final(timeMs: number): MergedStats | undefined {
    return this.take(timeMs);
  }

  private merge(keys: readonly string[], values: readonly number[]): void {
    for (let i = 0; i < keys.length; i++) {
      this.pending.set(keys[i] as string, wandbJsonNumber(values[i] as number));
    }
  }

  private take(timeMs: number): MergedStats | undefined {
    if (this.pending.size === 0) return undefined;
    const items: WandbItem[] = [];
    for (const [key, value_json] of this.pending) items.push({ key, value_json });
    this.pending.clear();
    return { items, timeMs };
  }
}
