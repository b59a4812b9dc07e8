import type { MetricKey } from './priority-filter.js';

/**
 * What one `log()` call decided once for all its values: its step, prefix, priority override, interval
 * handling and id. {@link MetricRecorder} fills one reused instance per call and passes it down the flattening
 * recursion, so the hot path neither allocates nor threads a long list of positional parameters.
 */
export class CallContext {
  /** `log()`'s `prefix` (`''` for none). */
  prefix = '';
  /** The step every value of the call is logged at (already sanitized). */
  step = 0;
  /** Whether the step was given (`log(m, {step})`): explicit steps are checked for going backwards. */
  explicit = false;
  /** `log()`'s `priority` as a rank (0 high … 2 low), or -1 when the configured priorities apply. */
  forced = -1;
  /** `log()`'s `every` (0: not given). When given it replaces `logging.interval` for the whole call. */
  every = 0;
  /** `log()`'s `commit` (advance the run's step after an implicit-step call). */
  commit = true;
  /** `log()`'s `allRanks`: look keys up in the tables that skip the rank policy. */
  allRanks = false;
  /** Wall-clock time of the call (ms since the epoch), shared by all its values. */
  time = 0;
  /**
   * The call's sequence number: the drain turns the values of one call into one row. Negative for a call that
   * commits its step (no explicit `step`, `commit` not false), so the row can say so without another column.
   */
  call = 0;
  /** The selection cache for `prefix` (see `PriorityFilter.tableFor`). */
  table: Map<string, MetricKey> | undefined = undefined;

  /** Back to the defaults of a call without options. */
  reset(step: number): void {
    this.prefix = '';
    this.step = step;
    this.explicit = false;
    this.forced = -1;
    this.every = 0;
    this.commit = true;
    this.allRanks = false;
  }
}
