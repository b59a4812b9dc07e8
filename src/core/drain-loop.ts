import type { Logger, MetricRow } from './backend.js';
import type { BackendSet } from './backend-set.js';
import type { QueueItem } from './metric-queue.js';
import type { MetricSummary } from './metric-summary.js';
import type { MetricKey } from './priority-filter.js';
import type { SelfMetrics } from './self-metrics.js';
import { sanitizeValue } from './value-sanitizer.js';
import type { MetricValue } from './values.js';
import { errorMessage } from './error-message.js';

/**
 * Where a `DrainLoop` takes values from: the in-thread `MetricQueue`, or on the writer thread the shared ring
 * itself (`RingReader`).
 */
export interface DrainSource {
  /** Values (or ring entries) waiting. */
  readonly size: number;
  readonly dropped: number;
  /** The oldest value into `out`; false when there is none to take now. */
  shift(out: QueueItem): boolean;
}

/** When the drain runs and when it adds trainscope's own rows. */
export interface DrainSettings {
  /** `logging.async`: drain in the background (`true`) or at the end of every `log()` call (`false`). */
  readonly async: boolean;
  /** `logging.drainIntervalMs`: the background timer's period. */
  readonly intervalMs: number;
  /** `profiling.enabled`: the full `trainscope/*` row is written every `selfReportEverySteps` and at the end. */
  readonly selfReports: boolean;
  /** `profiling.reportEverySteps` (0: only at the end). */
  readonly selfReportEverySteps: number;
}

/**
 * Moves queued values to the backends, off the caller's thread (OpenTelemetry's `BatchSpanProcessorBase`): it
 * alone reads the queue, schedules the background drain (`setImmediate` after a `log()`, plus a timer every
 * `logging.drainIntervalMs`), turns the values of each `log()` call into one `MetricRow` (validating rich values,
 * keeping the last of a duplicated key), keeps the run summary's latest values, and reports drops.
 *
 * trainscope's own rows only ever move forward in steps (TensorBoard reads a repeated step as a restart): the
 * full `trainscope/*` row is added when the drained step crosses a multiple of `profiling.reportEverySteps`;
 * otherwise, when values were dropped since the last report, a `trainscope/dropped` row.
 */
export class DrainLoop {
  private timer: NodeJS.Timeout | undefined;
  private scheduled = false;
  private draining = false;
  private rowSeq = 0;
  private maxDrainedStep = 0;
  private droppedReported = 0;
  private lastReportBucket = 0;
  /** Step of the last row of trainscope's own metrics (-1: none yet). */
  private lastSelfStep = -1;
  /** The call of the last row handed over (0: none): a drain that starts with more of it continues that row. */
  private lastCall = 0;
  /** The keys of the last row built (shared by the next row when it has the same keys). */
  private lastKeys: string[] = [];
  /**
   * Values in the last row built: the next row's values array is made that long up front. Grown by `push` from
   * empty, a row of three numbers took a 17-slot backing store, over half of what the writer thread allocated per
   * row, and young-generation garbage is collection time.
   */
  private lastWidth = 0;
  private readonly item: QueueItem = {
    key: undefined,
    isNumber: true,
    num: 0.5,
    value: undefined,
    step: 0,
    time: 0,
    call: 0,
    priority: 0,
  };

  constructor(
    private readonly queue: DrainSource,
    private readonly backends: BackendSet,
    private readonly self: SelfMetrics,
    private readonly latest: MetricSummary,
    private readonly logger: Logger,
    private readonly settings: DrainSettings,
  ) {}

  /** Starts the background timer (unref'd: it never keeps the process alive). */
  start(): void {
    this.timer = setInterval(this.tick, this.settings.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** After a `log()` call: drain now in synchronous mode, else make sure a background drain is scheduled. */
  afterLog(): void {
    if (!this.settings.async) this.drain();
    else if (!this.scheduled && this.queue.size > 0) {
      this.scheduled = true;
      setImmediate(this.tick);
    }
  }

  /** Moves everything queued into rows and hands them to the backends. Never runs re-entrantly. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    // Every drain runs on the trainer's thread: its time is part of what logging costs the caller.
    const started = process.hrtime.bigint();
    try {
      const rows = this.collectRows();
      if (this.maxDrainedStep > this.lastSelfStep) {
        const every = this.settings.selfReportEverySteps;
        const bucket = every > 0 ? Math.floor(this.maxDrainedStep / every) : 0;
        if (this.settings.selfReports && every > 0 && bucket > this.lastReportBucket) {
          this.lastReportBucket = bucket;
          rows.push(this.selfRow(this.maxDrainedStep));
        } else if (this.queue.dropped !== this.droppedReported) {
          this.droppedReported = this.queue.dropped;
          this.lastSelfStep = this.maxDrainedStep;
          rows.push(this.self.droppedRow(this.maxDrainedStep));
        }
      }
      if (rows.length > 0) this.backends.write(rows);
    } finally {
      this.draining = false;
      this.self.addDrainTime(Number(process.hrtime.bigint() - started));
    }
  }

  /**
   * The last drain before the run closes: everything queued, then the final `trainscope/*` row (when reports
   * are on, or drops are not reported yet) at a step after every earlier one.
   */
  drainFinal(): void {
    this.drain();
    if (this.settings.selfReports || this.queue.dropped !== this.droppedReported) {
      this.backends.write([this.selfRow(Math.max(this.maxDrainedStep, this.lastSelfStep + 1))]);
    }
  }

  private selfRow(step: number): MetricRow {
    this.lastSelfStep = step;
    this.droppedReported = this.queue.dropped;
    return this.self.fullRow(step);
  }

  private readonly tick = (): void => {
    this.scheduled = false;
    try {
      this.drain();
    } catch (error) {
      // A bug in the drain must not become an uncaught exception in the trainer.
      const reason = errorMessage(error);
      this.logger.warnOnce('drain-failed', `the background drain failed: ${reason}`);
    }
  };

  /**
   * One row per `log()` call, in call order. A row whose keys are the previous row's (most are: a training loop
   * logs the same metrics every step) shares that row's keys array, which no consumer modifies.
   */
  private collectRows(): MetricRow[] {
    const rows: MetricRow[] = [];
    const item = this.item;
    let keys: string[] = this.lastKeys;
    let keyCount = 0;
    /** Whether the row's keys so far are the first `keyCount` of `lastKeys` (then `keys` is `lastKeys`). */
    let sharing = true;
    let values = NO_VALUES;
    let rowCall = 0; // call ids are never 0 (negative ones commit)
    let rowStep = 0;
    let rowTime = 0;
    let rowId = -1;
    let rowContinues = false;
    while (this.queue.shift(item)) {
      if (item.call !== rowCall) {
        if (keyCount > 0) {
          keys = this.rowKeys(keys, keyCount, sharing);
          rows.push(
            historyRow(rowStep, rowTime, keys, this.rowValues(values, keyCount), rowCall, rowContinues),
          );
        }
        keyCount = 0;
        sharing = true;
        values = new Array<MetricValue>(this.lastWidth);
        rowContinues = rowCall === 0 && item.call === this.lastCall;
        rowCall = item.call;
        rowStep = item.step;
        rowTime = item.time;
        rowId = ++this.rowSeq;
        if (rowStep > this.maxDrainedStep) this.maxDrainedStep = rowStep;
      }
      const slot = (item.key as MetricKey).slot;
      if (slot === null) continue;
      const value = item.isNumber ? item.num : sanitizeValue(item.value, slot.tag, this.logger);
      if (value === undefined) continue;
      if (slot.lastRow === rowId) {
        values[slot.indexInRow] = value;
        this.logger.warnOnce(
          'duplicate-key',
          `metric "${slot.tag}" appeared twice in one log() call (after prefixing/flattening); the last value was kept`,
        );
      } else {
        slot.lastRow = rowId;
        slot.indexInRow = keyCount;
        if (sharing && keys[keyCount] !== slot.tag) {
          keys = keys.slice(0, keyCount);
          sharing = false;
        }
        if (!sharing) keys.push(slot.tag);
        values[keyCount] = value;
        keyCount++;
      }
      this.latest.update(slot, value);
    }
    // The batch's last call may go on in the next drain (a drain forced by a full queue, or the writer thread
    // reading a call half-published): that drain's first row then says it `continues` this one.
    if (keyCount > 0) {
      keys = this.rowKeys(keys, keyCount, sharing);
      rows.push(historyRow(rowStep, rowTime, keys, this.rowValues(values, keyCount), rowCall, rowContinues));
    }
    if (rowCall !== 0) this.lastCall = keyCount > 0 || rowContinues ? rowCall : 0;
    item.key = undefined;
    item.value = undefined;
    return rows;
  }

  /** A finished row's values: the array made for it, cut to the values it got (a row may be narrower). */
  private rowValues(values: MetricValue[], count: number): MetricValue[] {
    if (values.length !== count) values.length = count;
    this.lastWidth = count;
    return values;
  }

  /** A finished row's keys: the previous row's array when they are all of it, else its own (remembered). */
  private rowKeys(keys: string[], keyCount: number, sharing: boolean): string[] {
    if (sharing && keyCount !== keys.length) keys = keys.slice(0, keyCount);
    this.lastKeys = keys;
    return keys;
  }
}

/** Before a batch's first row (a call id is never 0, so its first value always starts a row). Never written. */
const NO_VALUES: MetricValue[] = [];

/**
 * One call's row; a committing call (negative call id, see `CallContext.call`) is marked `commit`, the rest of a
 * call begun in the previous drain `continues`.
 */
function historyRow(
  step: number,
  time: number,
  keys: string[],
  values: MetricValue[],
  call: number,
  continues: boolean,
): MetricRow {
  const row: MetricRow =
    call < 0
      ? { step, time, channel: 'history', keys, values, commit: true }
      : { step, time, channel: 'history', keys, values };
  return continues ? { ...row, continues: true } : row;
}
