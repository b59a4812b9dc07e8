import type { Backend, BackendContext, MetricRow, RunInfo, RunOutcome } from './backend.js';
import { CALL_SAMPLE_MASK, CallTimer } from './call-timer.js';
import { setCurrentHandle } from './current.js';
import { ExitHandler, type ExitTarget } from './exit-handler.js';
import { GuardedBackend } from './guarded-backend.js';
import { ConsoleLogger } from './logger.js';
import { MetricSummary } from './metric-summary.js';
import { MetricQueue, MUST_DRAIN, PUSHED, type QueueItem } from './metric-queue.js';
import { parseOptions, type ResolvedOptions, type TrainscopeOptions } from './options.js';
import { type MetricKey, PriorityFilter, priorityRank } from './priority-filter.js';
import type { LogOptions, ProfilerHost, RunHandle, RunProfiler } from './run-handle.js';
import { createRunInfo } from './run-info.js';
import { formatRunSummary } from './run-summary.js';
import { withDeadline } from './with-deadline.js';
import { unknownOptionKeys, unknownOptionsWarning } from './unknown-options.js';
import { isFlattenable, sanitizeValue } from './value-sanitizer.js';
import type { MetricValue } from './values.js';
import { createProfiler } from '../profiler/index.js';
import { distributedWarnings } from '../distributed/distributed-warnings.js';
import { rankMetricPolicy } from '../distributed/rank-metric-policy.js';
import { createBackends } from '../trackers/index.js';

/** What `init()` takes besides the options. */
export interface InitExtras {
  /** Backends to use besides the configured ones: custom exporters, or a recording backend in tests. */
  readonly backends?: readonly Backend[];
  /** A profiler to use instead of the built-in one (`profiling.enabled` still decides whether one is used). */
  readonly profiler?: RunProfiler;
}

export interface FinishOptions {
  /** Recorded as the run's exit code (W&B's exit record, TensorBoard's hparams session status). Default 0. */
  exitCode?: number;
  /** Bound on the whole finish (profiler, drain, every backend's flush + finish). Default `finishTimeoutMs`. */
  timeoutMs?: number;
}

/** Nested objects deeper than this are not expanded further (and a cycle cannot recurse forever). */
const MAX_FLATTEN_DEPTH = 8;

type RunState = 'running' | 'finishing' | 'finished';

let activeRun: Run | null = null;

/**
 * One training run: the object `init()` returns.
 *
 * ## Steps
 * `run.step` starts at 0 and is the step `log()` uses when called without one.
 * - `log(m)` logs at `run.step`, then advances it by one (W&B's commit) — unless `commit: false`, which logs at
 *   the current step and leaves it, so several calls can build one step.
 * - `log(m, {step: s})` logs at `s` and sets `run.step = max(run.step, s)`; the next `log(m2)` without a step
 *   therefore lands on `s` too (merged into the same step), then advances to `s + 1`.
 * - A step lower than an earlier explicit step for the same key is passed on as given (each backend applies its
 *   own rule: TensorBoard keeps it, W&B drops it) and warned once.
 * - A fractional step is floored; a negative, NaN, infinite or non-number step is replaced by the current step.
 *   Both are warned once.
 * - `setStep(n)` moves the step explicitly (backwards too).
 *
 * ## What `log` does on the caller's thread
 * It applies the selection rules (priority level, intervals; see `PriorityFilter`), copies each value into a
 * bounded queue (see `MetricQueue` for the overflow policy) and returns. Validation, encoding and I/O happen in a
 * background drain scheduled with `setImmediate` and every `logging.drainIntervalMs`. The metrics object may be
 * mutated and reused as soon as `log` returns. Nested plain objects are flattened on the caller's thread into
 * `key/field` tags (the slower path).
 */
export class Run implements RunHandle, ExitTarget {
  readonly id: string;
  readonly name: string;
  readonly info: RunInfo;
  readonly options: ResolvedOptions;
  readonly logger: ConsoleLogger;

  private _step = 0;
  private _profiler: RunProfiler | undefined;
  private state: RunState = 'running';
  /** Set after the final drain: `log` no longer accepts values. */
  private closed = false;
  private lastSystemStep = -1;
  private readonly backends: GuardedBackend[];
  private readonly filter: PriorityFilter;
  private readonly queue: MetricQueue;
  private readonly asyncDrain: boolean;
  private readonly latest = new MetricSummary();
  private readonly callTimer = new CallTimer();
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
  private readonly exitHandler: ExitHandler | undefined;
  private drainTimer: NodeJS.Timeout | undefined;
  private drainScheduled = false;
  private draining = false;
  private logCalls = 0;
  private callSeq = 0;
  private rowSeq = 0;
  private maxDrainedStep = 0;
  private droppedReported = 0;
  private lastReportBucket = 0;
  /** Step of the last row of trainscope's own metrics (-1: none yet). */
  private lastSelfStep = -1;
  private finishPromise: Promise<void> | undefined;

  /** @internal use `init()`. */
  constructor(options: ResolvedOptions, info: RunInfo, backends: readonly Backend[], profiler?: RunProfiler) {
    this.options = options;
    this.info = info;
    this.id = info.id;
    this.name = info.name;
    const secrets: string[] = [];
    if (options.wandb !== false && options.wandb.apiKey !== undefined) secrets.push(options.wandb.apiKey);
    if (process.env.WANDB_API_KEY) secrets.push(process.env.WANDB_API_KEY);
    this.logger = new ConsoleLogger({ level: options.logLevel, secrets });
    this.backends = backends.map((b) => new GuardedBackend(b, this.logger));
    this.filter = new PriorityFilter(
      options.logging,
      this.logger,
      this.latest,
      rankMetricPolicy(options.distributed, info.rank, info.worldSize),
    );
    this.queue = new MetricQueue(options.logging.queueCapacity);
    this.asyncDrain = options.logging.async;
    this._profiler = options.profiling.enabled ? profiler : undefined;
    this.exitHandler = options.handleExit ? new ExitHandler(this, this.logger) : undefined;
  }

  /** The step the next `log()` without a `step` option logs at. */
  get step(): number {
    return this._step;
  }

  get profiler(): RunProfiler | undefined {
    return this._profiler;
  }

  /** The latest value of every key logged so far (W&B's run summary). */
  get summary(): ReadonlyMap<string, MetricValue> {
    return this.latest;
  }

  /** Whether `finish()` has completed (or the process is exiting). */
  get finished(): boolean {
    return this.state === 'finished';
  }

  /** @internal starts backends and the profiler; called by `init()`. */
  async start(): Promise<void> {
    const context: BackendContext = { run: this.info, logger: this.logger, summary: this.latest };
    const timeoutMs = this.options.finishTimeoutMs;
    const results = await Promise.all(this.backends.map((b) => b.start(context, timeoutMs)));
    results.forEach((result, i) => {
      if (result === 'timeout') {
        this.logger.warn(
          `backend "${this.backends[i]?.name}" did not start within ${timeoutMs} ms; continuing, it receives data as it comes`,
        );
      }
    });
    if (this._profiler !== undefined) {
      try {
        this._profiler.start(this.profilerHost());
      } catch (error) {
        this.logger.error(
          `the profiler failed to start: ${errorMessage(error)}; profiling is off for this run`,
        );
        this._profiler = undefined;
      }
    }
    this.drainTimer = setInterval(this.drainTick, this.options.logging.drainIntervalMs);
    this.drainTimer.unref();
    this.exitHandler?.install();
  }

  /**
   * Queues `metrics` for logging at a step (see the class documentation for the step rules). Never throws for
   * bad values: they are converted or dropped with a one-time warning in the background.
   */
  log(metrics: Readonly<Record<string, unknown>>, options?: LogOptions): void {
    if (this.closed) {
      this.logger.warnOnce(
        'log-after-finish',
        `log() was called after run ${this.name} finished; the values were not logged`,
      );
      return;
    }
    const sampled = (++this.logCalls & CALL_SAMPLE_MASK) === 0;
    const started = sampled ? process.hrtime.bigint() : 0n;
    let step = this._step;
    let explicit = false;
    let prefix = '';
    let forced = -1;
    let every = 0;
    let commit = true;
    let allRanks = false;
    if (options !== undefined) {
      if (options.step !== undefined) {
        step = this.sanitizeStep(options.step);
        explicit = true;
      }
      if (options.prefix !== undefined) prefix = options.prefix;
      if (options.priority !== undefined) forced = priorityRank(options.priority);
      if (options.every !== undefined) every = this.sanitizeEvery(options.every);
      if (options.commit === false) commit = false;
      if (options.allRanks === true) allRanks = true;
    }
    if (metrics !== null && typeof metrics === 'object' && (every === 0 || step % every === 0)) {
      this.enqueueCall(metrics, prefix, step, explicit, forced, every !== 0, allRanks);
    } else if (metrics === null || typeof metrics !== 'object') {
      this.logger.warnOnce(
        'log-not-object',
        'log() expects an object of metrics ({name: value}); the call was ignored',
      );
    }
    if (explicit) {
      if (step > this._step) this.advanceTo(step);
    } else if (commit) {
      this.advanceTo(this._step + 1);
    }
    if (!this.asyncDrain) this.drain();
    else if (!this.drainScheduled && this.queue.size > 0) {
      this.drainScheduled = true;
      setImmediate(this.drainTick);
    }
    if (sampled) this.callTimer.record(Number(process.hrtime.bigint() - started));
  }

  /** Moves the current step (backwards too). Fractions are floored; negative or non-numbers are ignored. */
  setStep(step: number): void {
    if (typeof step !== 'number' || !Number.isFinite(step) || step < 0) {
      this.logger.warnOnce(
        'set-step-invalid',
        `setStep() needs a non-negative number; got ${typeof step === 'number' ? String(step) : typeof step}, step unchanged`,
      );
      return;
    }
    this.advanceTo(Math.floor(step));
  }

  /** Drains the queue and waits until every backend has made what it received durable. */
  async flush(): Promise<void> {
    this.drain();
    const timeoutMs = this.options.finishTimeoutMs;
    const results = await Promise.all(this.backends.map((b) => b.flush(timeoutMs)));
    results.forEach((result, i) => {
      if (result === 'timeout')
        this.logger.warn(`backend "${this.backends[i]?.name}" did not flush within ${timeoutMs} ms`);
    });
  }

  /**
   * Ends the run: finishes the profiler (its final report is logged), drains the queue, then flushes and
   * finishes every backend in parallel, all within `timeoutMs`; a backend still pending at the deadline is
   * reported and left behind, so `finish` never hangs. Prints the end-of-run summary. Idempotent: later calls
   * return the same promise.
   */
  finish(options: FinishOptions = {}): Promise<void> {
    return this.finishForExit(options.exitCode ?? 0, 'finish', options.timeoutMs);
  }

  /** @internal the exit handler's entry: `finish` with a reason. */
  finishForExit(exitCode: number, reason: RunOutcome['reason'], timeoutMs?: number): Promise<void> {
    if (this.finishPromise === undefined) {
      this.finishPromise = this.finishNow(exitCode, reason, timeoutMs ?? this.options.finishTimeoutMs);
    }
    return this.finishPromise;
  }

  /** @internal last-chance synchronous flush from `process.on('exit')`. */
  finishSync(exitCode: number): void {
    if (this.state === 'finished') return;
    this.state = 'finished';
    this.releaseCurrent();
    this.stopTimers();
    this.drain();
    this.closed = true;
    const outcome: RunOutcome = { exitCode, reason: 'exit', summary: this.latest, endTime: Date.now() };
    for (const backend of this.backends) backend.finishSync(outcome);
    this.exitHandler?.uninstall();
    this.logger.info(
      `run ${this.name} (${this.id}) ended by process.exit(${exitCode}): queued values were handed to the backends and flushed synchronously`,
    );
  }

  private async finishNow(exitCode: number, reason: RunOutcome['reason'], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const remaining = () => Math.max(0, deadline - Date.now());
    this.state = 'finishing';
    this.releaseCurrent();
    this.stopTimers();
    if (this._profiler !== undefined) {
      const settled = await withDeadline(this._profiler.finish(), remaining()).catch((error: unknown) => {
        this.logger.error(`the profiler failed to finish: ${errorMessage(error)}`);
        return 'failed' as const;
      });
      if (settled === 'timeout')
        this.logger.warn('the profiler did not finish in time; its final report may be missing');
    }
    this.drain();
    if (this.options.profiling.enabled || this.queue.dropped !== this.droppedReported) {
      this.writeRows([this.selfMetricsRow(Math.max(this.maxDrainedStep, this.lastSelfStep + 1))]);
    }
    this.closed = true;
    this.drain();
    const outcome: RunOutcome = { exitCode, reason, summary: this.latest, endTime: Date.now() };
    const states = await Promise.all(
      this.backends.map(async (backend) => {
        const flushed = await backend.flush(remaining());
        if (flushed === 'timeout') return 'flush timed out';
        if (flushed !== 'ok') return flushed;
        const finished = await backend.finish(outcome, remaining());
        return finished === 'timeout' ? 'finish timed out' : finished;
      }),
    );
    states.forEach((state, i) => {
      if (state.endsWith('timed out')) {
        this.logger.error(
          `backend "${this.backends[i]?.name}" was still pending when finish() reached its ${timeoutMs} ms timeout (${state}); its last data may be incomplete`,
        );
      }
    });
    this.state = 'finished';
    this.exitHandler?.uninstall();
    this.printSummary(outcome, states);
  }

  private releaseCurrent(): void {
    if (activeRun === this) {
      activeRun = null;
      setCurrentHandle(null);
    }
  }

  private stopTimers(): void {
    if (this.drainTimer !== undefined) clearInterval(this.drainTimer);
    this.drainTimer = undefined;
  }

  private sanitizeStep(step: number): number {
    if (Number.isInteger(step) && step >= 0) return step;
    if (typeof step === 'number' && Number.isFinite(step) && step >= 0) {
      this.logger.warnOnce(
        'step-fraction',
        `log() got a fractional step (${step}); steps are integers, it was floored`,
      );
      return Math.floor(step);
    }
    this.logger.warnOnce(
      'step-invalid',
      `log() got an invalid step (${typeof step === 'number' ? String(step) : typeof step}); steps are non-negative integers, the current step ${this._step} was used`,
    );
    return this._step;
  }

  private sanitizeEvery(every: number): number {
    if (Number.isInteger(every) && every >= 1) return every;
    if (typeof every === 'number' && every >= 1 && Number.isFinite(every)) return Math.floor(every);
    this.logger.warnOnce(
      'every-invalid',
      'log() got an `every` that is not a positive integer; it was ignored',
    );
    return 0;
  }

  private advanceTo(step: number): void {
    if (step === this._step) return;
    this._step = step;
    const profiler = this._profiler;
    if (profiler !== undefined) {
      try {
        profiler.onStep(step);
      } catch (error) {
        this.logger.warnOnce('profiler-onstep', `the profiler failed in onStep(): ${errorMessage(error)}`);
      }
    }
  }

  private enqueueCall(
    metrics: Readonly<Record<string, unknown>>,
    prefix: string,
    step: number,
    explicit: boolean,
    forced: number,
    everyGiven: boolean,
    allRanks: boolean,
  ): void {
    const table = this.filter.tableFor(prefix, allRanks);
    const time = Date.now();
    const call = ++this.callSeq;
    const droppedBefore = this.queue.dropped;
    for (const key in metrics) {
      const value = metrics[key];
      if (typeof value === 'object' && value !== null && isFlattenable(value)) {
        this.enqueueNested(value, key, prefix, step, explicit, forced, everyGiven, time, call, 1, allRanks);
        continue;
      }
      const metric = table.get(key) ?? this.filter.resolve(prefix, key, table);
      this.enqueueValue(metric, value, step, explicit, forced, everyGiven, time, call);
    }
    if (this.queue.dropped !== droppedBefore) {
      this.logger.warnOnce(
        'queue-full',
        `the metrics queue is full (logging.queueCapacity = ${this.queue.capacity} values): dropping the least important values (low, then medium; high is never dropped). Raise logging.queueCapacity, log less often, or lower logging.level; drops are counted in trainscope/dropped`,
      );
    }
  }

  private enqueueNested(
    object: object,
    path: string,
    prefix: string,
    step: number,
    explicit: boolean,
    forced: number,
    everyGiven: boolean,
    time: number,
    call: number,
    depth: number,
    allRanks: boolean,
  ): void {
    const table = this.filter.tableFor(prefix, allRanks);
    let fields = 0;
    for (const field in object) {
      fields++;
      const value = (object as Record<string, unknown>)[field];
      const key = `${path}/${field}`;
      if (typeof value === 'object' && value !== null && isFlattenable(value) && depth < MAX_FLATTEN_DEPTH) {
        this.enqueueNested(
          value,
          key,
          prefix,
          step,
          explicit,
          forced,
          everyGiven,
          time,
          call,
          depth + 1,
          allRanks,
        );
        continue;
      }
      const metric = table.get(key) ?? this.filter.resolve(prefix, key, table);
      this.enqueueValue(metric, value, step, explicit, forced, everyGiven, time, call);
    }
    if (fields === 0) {
      this.logger.warnOnce(
        'value-empty-object',
        `metric "${path}" is an object without fields; nothing was logged`,
      );
    }
  }

  private enqueueValue(
    metric: MetricKey,
    value: unknown,
    step: number,
    explicit: boolean,
    forced: number,
    everyGiven: boolean,
    time: number,
    call: number,
  ): void {
    if (metric.slot === null) return;
    const priority = forced >= 0 ? forced : metric.priority;
    if (priority > this.filter.threshold) return;
    if (!everyGiven && metric.interval > 1 && step % metric.interval !== 0) return;
    if (explicit) {
      if (step < metric.lastExplicitStep) {
        this.logger.warnOnce(
          'step-backwards',
          `metric "${metric.slot.tag}" was logged at step ${step} after step ${metric.lastExplicitStep}; passed on, but W&B drops steps that go backwards`,
        );
      } else {
        metric.lastExplicitStep = step;
      }
    }
    // Synchronous mode never drops: a call larger than the queue drains it as it goes.
    if (!this.asyncDrain && this.queue.size >= this.queue.capacity) this.drain();
    if (this.queue.push(metric, value, priority, step, time, call) === MUST_DRAIN) {
      // Explicit back-pressure: the queue is full of high-priority values, which are never dropped.
      this.drain();
      if (this.queue.push(metric, value, priority, step, time, call) === PUSHED) return;
      this.logger.warnOnce(
        'queue-reentrant',
        `a value of "${metric.slot.tag}" was dropped: the queue was full while draining`,
      );
    }
  }

  private readonly drainTick = (): void => {
    this.drainScheduled = false;
    try {
      this.drain();
    } catch (error) {
      // A bug in the drain must not become an uncaught exception in the trainer.
      this.logger.warnOnce('drain-failed', `the background drain failed: ${errorMessage(error)}`);
    }
  };

  /** Moves everything queued into rows and hands them to the backends. Never runs re-entrantly. */
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      const rows = this.collectRows();
      // trainscope's own tags only ever move forward in steps (TensorBoard reads a repeated step as a restart).
      if (this.maxDrainedStep > this.lastSelfStep) {
        const every = this.options.profiling.reportEverySteps;
        const bucket = every > 0 ? Math.floor(this.maxDrainedStep / every) : 0;
        if (this.options.profiling.enabled && every > 0 && bucket > this.lastReportBucket) {
          this.lastReportBucket = bucket;
          rows.push(this.selfMetricsRow(this.maxDrainedStep));
        } else if (this.queue.dropped !== this.droppedReported) {
          this.droppedReported = this.queue.dropped;
          this.lastSelfStep = this.maxDrainedStep;
          rows.push(this.row(this.maxDrainedStep, ['trainscope/dropped'], [this.queue.dropped]));
        }
      }
      if (rows.length > 0) this.writeRows(rows);
    } finally {
      this.draining = false;
    }
  }

  private collectRows(): MetricRow[] {
    const rows: MetricRow[] = [];
    const item = this.item;
    let keys: string[] = [];
    let values: MetricValue[] = [];
    let rowCall = -1;
    let rowStep = 0;
    let rowTime = 0;
    let rowId = -1;
    while (this.queue.shift(item)) {
      if (item.call !== rowCall) {
        if (keys.length > 0) rows.push({ step: rowStep, time: rowTime, channel: 'history', keys, values });
        keys = [];
        values = [];
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
        slot.indexInRow = keys.length;
        keys.push(slot.tag);
        values.push(value);
      }
      this.latest.update(slot, value);
    }
    if (keys.length > 0) rows.push({ step: rowStep, time: rowTime, channel: 'history', keys, values });
    item.key = undefined;
    item.value = undefined;
    return rows;
  }

  private row(step: number, keys: string[], values: MetricValue[]): MetricRow {
    for (let i = 0; i < keys.length; i++) this.latest.set(keys[i] as string, values[i] as MetricValue);
    return { step, time: Date.now(), channel: 'history', keys, values };
  }

  /** trainscope's cost and health: log() time on the caller's thread, queue depth, drops, backend counters. */
  private selfMetricsRow(step: number): MetricRow {
    this.lastSelfStep = step;
    const keys: string[] = [];
    const values: number[] = [];
    if (this.callTimer.sampled > 0) {
      const [p50, p99] = this.callTimer.quantiles([0.5, 0.99]);
      keys.push('trainscope/log_ns_p50', 'trainscope/log_ns_p99');
      values.push(p50 as number, p99 as number);
    }
    keys.push('trainscope/log_calls', 'trainscope/queue_depth', 'trainscope/dropped');
    values.push(this.logCalls, this.queue.takePeak(), this.queue.dropped);
    this.droppedReported = this.queue.dropped;
    for (const backend of this.backends) {
      const s = backend.stats();
      const base = `trainscope/${backend.name}/`;
      keys.push(
        `${base}bytes_written`,
        `${base}requests`,
        `${base}retries`,
        `${base}errors`,
        `${base}dropped`,
        `${base}send_latency_ms`,
      );
      values.push(s.bytesWritten, s.requests, s.retries, s.errors, s.dropped, s.sendLatencyMs);
    }
    return this.row(step, keys, values);
  }

  private writeRows(rows: readonly MetricRow[]): void {
    for (const backend of this.backends) backend.write(rows);
  }

  /** System metrics from the profiler: written straight to the backends as a `system` row. */
  private logSystem(metrics: Readonly<Record<string, number>>): void {
    if (this.closed) return;
    this.drain();
    const keys: string[] = [];
    const values: MetricValue[] = [];
    for (const key in metrics) {
      if (key === '') continue;
      const value = sanitizeValue(metrics[key], key, this.logger);
      if (value === undefined) continue;
      keys.push(key);
      values.push(value);
    }
    if (keys.length === 0) return;
    // System samples come from a timer, not from training steps, and TensorBoard keeps one point per step: their
    // step is whole seconds since the run started, forced strictly increasing (W&B plots them by time anyway).
    const time = Date.now();
    const step = Math.max(Math.floor((time - this.info.startTime) / 1000), this.lastSystemStep + 1);
    this.lastSystemStep = step;
    this.writeRows([{ step, time, channel: 'system', keys, values }]);
  }

  private profilerHost(): ProfilerHost {
    const run = this;
    return {
      run: this.info,
      logger: this.logger,
      get step() {
        return run.step;
      },
      log: (metrics, options) => this.log(metrics, options),
      logSystem: (metrics) => this.logSystem(metrics),
    };
  }

  private printSummary(outcome: RunOutcome, states: readonly string[]): void {
    let profilerLines: readonly string[] = [];
    if (this._profiler !== undefined) {
      try {
        profilerLines = this._profiler.describe();
      } catch (error) {
        this.logger.warn(`the profiler failed in describe(): ${errorMessage(error)}`);
      }
    }
    const [logNsP50, logNsP99] = this.callTimer.quantiles([0.5, 0.99]);
    const lines = formatRunSummary({
      info: this.info,
      exitCode: outcome.exitCode,
      reason: outcome.reason,
      steps: this._step,
      durationMs: outcome.endTime - this.info.startTime,
      summary: this.latest,
      logCalls: this.logCalls,
      logNsP50: logNsP50 as number,
      logNsP99: logNsP99 as number,
      queuePeak: Math.max(this.queue.takePeak(), this.queue.highWater),
      queueCapacity: this.queue.capacity,
      dropped: this.queue.dropped,
      droppedByPriority: this.queue.droppedByPriority,
      backends: this.backends.map((b, i) => ({
        name: b.name,
        stats: b.stats(),
        lines: b.describe(),
        state: b.disabled ? 'disabled after an error' : (states[i] ?? 'ok'),
      })),
      profilerLines,
    });
    this.logger.info(lines.join('\n'));
  }
}

/**
 * Starts a run and makes it the current run (as `wandb.init`). A run still active is finished first, with a
 * warning. Options are validated (`OptionsError` names each bad field); `extras.backends` adds custom backends
 * to the configured TensorBoard / W&B ones.
 */
export function init(options: TrainscopeOptions | ResolvedOptions, extras: InitExtras = {}): Promise<Run> {
  // Calls are serialized, so two `init()`s not awaited in between still finish one run before starting the next.
  const next = pendingInit.then(() => startRun(options, extras));
  pendingInit = next.catch(() => undefined);
  return next;
}

let pendingInit: Promise<unknown> = Promise.resolve();

async function startRun(options: TrainscopeOptions | ResolvedOptions, extras: InitExtras): Promise<Run> {
  const resolved = parseOptions(options);
  const previous = activeRun;
  if (previous !== null) {
    previous.logger.warn(`init() was called while run ${previous.name} is active; finishing it first`);
    await previous.finish();
  }
  const info = createRunInfo(resolved);
  const backends = [...createBackends(resolved, info), ...(extras.backends ?? [])];
  const profiler = resolved.profiling.enabled
    ? (extras.profiler ?? createProfiler(resolved.profiling))
    : undefined;
  const run = new Run(resolved, info, backends, profiler);
  const unknown = unknownOptionKeys(options);
  if (unknown.length > 0) run.logger.warn(unknownOptionsWarning(unknown, 'the options'));
  for (const warning of distributedWarnings(resolved, info)) run.logger.warn(warning);
  await run.start();
  activeRun = run;
  setCurrentHandle(run);
  return run;
}

/** The run started by the last `init()` and not yet finished, or `null`. */
export function currentRun(): Run | null {
  return activeRun;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
