import type { Logger, MetricRow } from '../../core/backend.js';
import type { MetricValue } from '../../core/values.js';

/**
 * W&B's step rule, in the one place both online and offline mode apply it (`handle_request_partial_history`):
 * - rows at the same step are merged into one history row (a later value for a key replaces the earlier one);
 * - a higher step completes the pending row and starts a new one;
 * - a row marked `commit` (a `log()` without `step`) completes its step: the current step becomes the next one,
 *   so a later row at that step (`log({b}, {step: 0})` after `log({a})` at 0) is dropped. Only the rest of the
 *   same `log()` call (`MetricRow.continues`, when a drain fell inside the call) still merges into it: the
 *   committed row stays pending until the next row or `flush()`;
 * - a step lower than the current one is dropped, with a one-time warning and a counter, as W&B does.
 *
 * A completed row nothing merged into is handed to `emit` as it came (with its `commit`/`continues` marks, which
 * nothing past this class reads); a merged one is a new row.
 *
 * `flush()` completes the pending row so that what was logged becomes durable. A row that arrives later at
 * that same step becomes a second history row with the same `_step` (no value is lost; W&B shows both points).
 */
export class HistoryBuilder {
  private pendingStep = -1;
  private pendingTime = 0;
  private pendingKeys: readonly string[] = [];
  private pendingValues: readonly MetricValue[] = [];
  /** False while the pending arrays are the caller's row (adopted, not to be modified). */
  private pendingOwned = false;
  /**
   * The adopted row while nothing merged into it: it is emitted as it came (its `commit`/`continues` marks mean
   * nothing past this class) instead of a copy per step.
   */
  private pendingRow: MetricRow | undefined;
  private readonly pendingIndex = new Map<string, number>();
  private hasPending = false;
  /** The pending row committed its step: only a continuation of its call merges in. */
  private pendingCommitted = false;
  /** The step of the last committed row once completed (-1: none), for a continuation that comes after it. */
  private committedStep = -1;
  /** The lowest step a new row may have once nothing is pending (after a committed row: its step + 1). */
  private nextStep = 0;
  private droppedRowCount = 0;
  private droppedValueCount = 0;

  constructor(
    private readonly emit: (row: MetricRow) => void,
    private readonly logger?: Logger,
  ) {}

  /** The step rows are currently merged into, or the lowest step the next row may have. */
  get currentStep(): number {
    if (!this.hasPending) return this.nextStep;
    return this.pendingCommitted ? this.pendingStep + 1 : this.pendingStep;
  }

  /** Rows dropped because their step was lower than the current one. */
  get droppedRows(): number {
    return this.droppedRowCount;
  }

  /** Values in those dropped rows. */
  get droppedValues(): number {
    return this.droppedValueCount;
  }

  /** A resumed run: rows below `step` are dropped by the step rule; the first row may be at `step`. */
  startAt(step: number): void {
    if (!this.hasPending && step > this.nextStep) this.nextStep = step;
  }

  /** Adds one `history` row; completed rows go to `emit`. */
  add(row: MetricRow): void {
    const step = Math.trunc(row.step);
    if (this.hasPending && this.pendingCommitted) {
      if (row.continues === true && step === this.pendingStep) {
        this.merge(row);
        return;
      }
      this.completePending();
    } else if (row.continues === true && !this.hasPending && step === this.committedStep) {
      // The call's row was completed before its rest came (a flush between the two drains): a second row at
      // that step, as after any flush, rather than losing the values.
      this.emit({ step, time: row.time, channel: 'history', keys: row.keys, values: row.values });
      return;
    }
    const current = this.currentStep;
    if (!Number.isSafeInteger(step)) {
      this.droppedRowCount++;
      this.droppedValueCount += row.keys.length;
      this.logger?.warnOnce(
        'wandb/step-invalid',
        `W&B needs integer steps: a row at step ${row.step} was dropped`,
      );
      return;
    }
    if (step < current) {
      this.droppedRowCount++;
      this.droppedValueCount += row.keys.length;
      this.logger?.warnOnce(
        'wandb/step-not-increasing',
        `W&B accepts only increasing steps: a row at step ${step} (keys ${row.keys.slice(0, 5).join(', ')}` +
          `${row.keys.length > 5 ? ', ...' : ''}) came after step ${current} (the current step) and was dropped; ` +
          'further rows like it are dropped and counted. Log with increasing steps, or log the step as a metric.',
      );
      return;
    }
    if (this.hasPending && step > this.pendingStep) this.completePending();
    if (!this.hasPending) {
      // Most steps get one row: adopt its arrays as they are and copy only if another row merges in.
      this.hasPending = true;
      this.pendingStep = step;
      this.pendingTime = row.time;
      this.pendingKeys = row.keys;
      this.pendingValues = row.values;
      this.pendingOwned = false;
      this.pendingRow = row.step === step && row.channel === 'history' ? row : undefined;
      this.pendingCommitted = row.commit === true;
      return;
    }
    this.merge(row);
  }

  /** Completes the pending row, if any. */
  flush(): void {
    if (this.hasPending) this.completePending();
  }

  /** Merges a row at the pending step into the pending row (a later value for a key replaces the earlier one). */
  private merge(row: MetricRow): void {
    if (row.time > this.pendingTime) this.pendingTime = row.time;
    this.pendingRow = undefined;
    if (!this.pendingOwned) {
      const keys = this.pendingKeys.slice();
      this.pendingKeys = keys;
      this.pendingValues = this.pendingValues.slice();
      for (let i = 0; i < keys.length; i++) this.pendingIndex.set(keys[i] as string, i);
      this.pendingOwned = true;
    }
    const keys = this.pendingKeys as string[];
    const values = this.pendingValues as MetricValue[];
    for (let i = 0; i < row.keys.length; i++) {
      const key = row.keys[i] as string;
      const value = row.values[i] as MetricValue;
      const at = this.pendingIndex.get(key);
      if (at === undefined) {
        this.pendingIndex.set(key, keys.length);
        keys.push(key);
        values.push(value);
      } else {
        values[at] = value;
      }
    }
    if (row.commit === true) this.pendingCommitted = true;
  }

  private completePending(): void {
    const committed = this.pendingCommitted;
    const row: MetricRow = this.pendingRow ?? {
      step: this.pendingStep,
      time: this.pendingTime,
      channel: 'history',
      keys: this.pendingKeys,
      values: this.pendingValues,
    };
    this.pendingRow = undefined;
    this.nextStep = committed ? this.pendingStep + 1 : this.pendingStep;
    this.committedStep = committed ? this.pendingStep : -1;
    this.hasPending = false;
    this.pendingCommitted = false;
    // Shared empty arrays: the next row's own arrays are adopted (and copied before any merge writes to them).
    this.pendingKeys = NO_KEYS;
    this.pendingValues = NO_VALUES;
    if (this.pendingOwned) this.pendingIndex.clear();
    this.pendingOwned = false;
    this.emit(row);
  }
}

const NO_KEYS: readonly string[] = [];
const NO_VALUES: readonly MetricValue[] = [];
