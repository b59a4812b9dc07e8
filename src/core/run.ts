import type { Backend, BackendContext, RunInfo, RunOutcome } from './backend.js';
import { ConsoleTap } from './console-tap.js';
import { currentHandle, setCurrentHandle } from './current.js';
import type { FinishOptions } from './finish-options.js';
import { ExitHandler, type ExitTarget } from './exit-handler.js';
import { type KerasModelLike, type LogModelOptions, loggedModel } from './logged-model.js';
import { ConsoleLogger } from './logger.js';
import { MetricRecorder } from './metric-recorder.js';
import { type DefineMetricOptions, parseMetricDefinition } from './metric-definition.js';
import { MetricSummary } from './metric-summary.js';
import type { ModelDescription } from './model-description.js';
import type { ResolvedOptions } from './options.js';
import { PriorityFilter } from './priority-filter.js';
import { rankMetricPolicy } from './rank-metric-policy.js';
import { ResumeError } from './resume-error.js';
import { ArtifactInputError, artifactStagingDir, stageArtifact } from './artifact-stager.js';
import type { ArtifactOptions } from './staged-artifact.js';
import type { LogOptions, ProfilerHost, RunHandle, RunProfiler } from './run-handle.js';
import { knownSecrets } from './run-info.js';
import { ProfilerBinding } from './profiler-binding.js';
import { formatRunSummary } from './run-summary.js';
import { RunSummaryView, type SummaryViewHost } from './run-summary-view.js';
import type { BackendSet } from './backend-set.js';
import type { SelfMetrics } from './self-metrics.js';
import { runPipeline } from './run-pipeline.js';
import { SystemChannel } from './system-channel.js';
import { ReportChannel } from './report-channel.js';
import type { DrainControl } from './value-queue.js';
import type { WriterThread } from './writer/writer-backend-set.js';
import { errorMessage } from './error-message.js';

/**
 * One training run: the object `init()` returns. A facade over the pipeline
 * `MetricRecorder` (caller's thread) → `MetricQueue` → `DrainLoop` (background) → `BackendSet` → backends,
 * with `SelfMetrics` measuring trainscope itself and `SystemChannel` carrying the profiler's system samples.
 * The run owns identity, the current step, the profiler's lifecycle and the exit path.
 *
 * ## Steps
 * `run.step` starts at 0 and is the step `log()` uses when called without one.
 * - `log(m)` logs at `run.step`, then advances it by one (W&B's commit) — unless `commit: false`, which logs at
 *   the current step and leaves it, so several calls can build one step.
 * - `log(m, {step: s})` logs at `s` and sets `run.step = max(run.step, s)`; the next `log(m2)` without a step
 *   therefore lands on `s` too (merged into the same step), then advances to `s + 1`.
 * - A step lower than an earlier explicit step for the same key is passed on as given (each backend applies its
 *   own rule: TensorBoard keeps it, W&B drops it) and warned once.
 * - A row of a call without `step` is marked `commit` (`MetricRow.commit`): W&B then drops a later row at that
 *   step, as the official client does (`log({a})` at 0, then `log({b}, {step: 0})`).
 * - A fractional step is floored; a negative, NaN, infinite, non-number or unsafe (> `Number.MAX_SAFE_INTEGER`)
 *   step is replaced by the current step. Both are warned once.
 * - `setStep(n)` moves the step explicitly (backwards too).
 *
 * ## What `log` does on the caller's thread
 * Selection and a copy into a bounded queue (`MetricRecorder`); encoding and I/O happen in the background
 * (`DrainLoop`, or the writer thread). The metrics object may be reused as soon as `log` returns.
 */
export class Run implements RunHandle, ExitTarget {
  readonly id: string;
  readonly name: string;
  readonly info: RunInfo;
  readonly options: ResolvedOptions;
  readonly logger: ConsoleLogger;

  private _step = 0;
  private readonly profiling: ProfilerBinding;
  private state: 'running' | 'finishing' | 'finished' = 'running';
  /** Set after the final drain: `log` no longer accepts values. */
  private closed = false;
  private readonly latest = new MetricSummary();
  private readonly summaryView: RunSummaryView;
  private readonly backends: BackendSet;
  private readonly self: SelfMetrics;
  private readonly drainLoop: DrainControl;
  private readonly recorder: MetricRecorder;
  private readonly system: SystemChannel;
  private readonly report: ReportChannel;
  private readonly exitHandler: ExitHandler | undefined;
  private finishPromise: Promise<void> | undefined;
  private consoleTap: ConsoleTap | undefined;

  /**
   * @internal use `init()`. With `writer` (`logging.thread: 'worker'`), `backends` live on that thread and this
   * one only fills the shared ring.
   */
  constructor(
    options: ResolvedOptions,
    info: RunInfo,
    backends: readonly Backend[],
    profiler?: RunProfiler,
    writer?: WriterThread,
  ) {
    this.options = options;
    this.info = info;
    this.id = info.id;
    this.name = info.name;
    this.logger = new ConsoleLogger({ level: options.logLevel, secrets: knownSecrets(options) });
    const { logging, profiling } = options;
    const policy = rankMetricPolicy(options.distributed, info.rank, info.worldSize);
    const filter = new PriorityFilter(logging, this.logger, this.latest, policy);
    const pipeline = runPipeline(options, backends, this.latest, this.logger, writer);
    this.backends = pipeline.backends;
    this.self = pipeline.self;
    this.drainLoop = pipeline.drain;
    this.recorder = new MetricRecorder(filter, pipeline.queue, this.drainLoop, this.logger, logging.async);
    this.system = new SystemChannel(info.startTime, this.drainLoop, this.backends, this.logger);
    this.report = new ReportChannel(this.drainLoop, this.backends, filter, this.latest, this.logger);
    this.profiling = new ProfilerBinding(profiling.enabled ? profiler : undefined, this.logger);
    this.exitHandler = options.handleExit ? new ExitHandler(this, this.logger) : undefined;
    this.summaryView = new RunSummaryView(this.latest, this.summaryHost(), this.logger);
  }

  /** The step the next `log()` without a `step` option logs at. */
  get step(): number {
    return this._step;
  }

  get profiler(): RunProfiler | undefined {
    return this.profiling.current;
  }

  /**
   * The run summary (W&B's `run.summary`): the latest value of every key logged so far, plus summary-only values
   * set with `run.summary.update({best_accuracy: 0.9})`. A view: reading or misusing it cannot corrupt the run.
   */
  get summary(): RunSummaryView {
    return this.summaryView;
  }

  /** Whether `finish()` has completed (or the process is exiting). */
  get finished(): boolean {
    return this.state === 'finished';
  }

  /**
   * @internal starts backends, the profiler and the drain timer; called by `init()`. A resumed run's step is set
   * here, before `init()` resolves: `resumeStep` when given, else the highest step the backends hold + 1.
   * @throws ResumeError when a backend refuses the resume mode (the backends are finished first)
   */
  async start(): Promise<void> {
    const context: BackendContext = { run: this.info, logger: this.logger, summary: this.latest };
    const resumed = await this.backends.start(context, this.options.finishTimeoutMs);
    if (resumed.refusals.length > 0) {
      this.closed = true;
      const outcome: RunOutcome = {
        exitCode: 1,
        reason: 'exception',
        summary: this.latest,
        endTime: Date.now(),
      };
      const timeoutMs = this.options.finishTimeoutMs;
      await this.backends.finish(outcome, Date.now() + timeoutMs, timeoutMs);
      this.state = 'finished';
      throw new ResumeError(resumed.refusals);
    }
    const step = this.info.resumeStep ?? resumed.resumeStep;
    if (this.info.resume !== undefined && step !== undefined) {
      this.advanceTo(step);
      this.backends.resumeAt(step);
      this.logger.info(`run ${this.name} (${this.id}) resumes at step ${step}`);
    }
    this.profiling.start(this.profilerHost());
    this.drainLoop.start();
    this.exitHandler?.install();
    const wandb = this.options.wandb;
    if (wandb !== false && wandb.mode !== 'disabled' && wandb.console === 'wrap') {
      this.consoleTap = new ConsoleTap((chunk) => this.backends.consoleOutput(chunk));
      this.consoleTap.install();
    }
  }

  /**
   * Queues `metrics` for logging at a step (see the class documentation for the step rules). Never throws for
   * bad values: they are converted or dropped with a one-time warning in the background.
   */
  log(metrics: Readonly<Record<string, unknown>>, options?: LogOptions): void {
    if (this.refusedAfterFinish('log', 'the values were not logged')) return;
    const timed = this.self.countCall();
    const started = timed ? process.hrtime.bigint() : 0n;
    const drainedBefore = timed ? this.self.drainNs : 0;
    const call = this.recorder.record(metrics, options, this._step);
    if (call.explicit) {
      if (call.step > this._step) this.advanceTo(call.step);
    } else if (call.commit) {
      this.advanceTo(this._step + 1);
    }
    this.drainLoop.afterLog();
    if (timed) this.self.endTimedCall(started, this.self.drainNs - drainedBefore);
  }

  /**
   * Records a model's architecture: a tfjs `LayersModel` (anything with `toJSON()` and `layers`) or a plain
   * `ModelDescription`. TensorBoard gets the Graphs dashboard's conceptual graph (tag `keras`) and a
   * `model.summary()`-style text (`model/summary`); W&B a `model/summary` table in the summary and the Keras config
   * as the run file `model/<name>.json`. Checked here, cheaply; bad input is one warning, never an exception.
   */
  logModel(model: KerasModelLike | ModelDescription, options?: LogModelOptions): void {
    if (this.refusedAfterFinish('logModel', 'ignored')) return;
    let checked: ReturnType<typeof loggedModel>;
    try {
      checked = loggedModel(model, options, this._step, Date.now());
    } catch (error) {
      this.logger.warn(`logModel(): ${errorMessage(error)}; the model was not logged`);
      return;
    }
    // What was logged before the model reaches the backends before it: their files keep the call order.
    this.drainLoop.drain();
    this.backends.logModel(checked);
  }

  /**
   * Logs a file or a directory (a checkpoint) as an artifact: its files are copied to a staging directory and
   * digested before this returns, so overwriting them afterwards is safe; the backends upload or record the
   * staged copy in the background (W&B: an artifact version; TensorBoard: a text entry naming it).
   * @returns the artifact's name and digest, or undefined when the call was refused (with a warning)
   */
  logArtifact(pathOrDir: string, options: ArtifactOptions): { name: string; digest: string } | undefined {
    if (this.refusedAfterFinish('logArtifact', `${pathOrDir} was not logged`)) return undefined;
    try {
      const staged = stageArtifact(pathOrDir, options, artifactStagingDir(this.options), this._step);
      this.backends.logArtifact(staged);
      return { name: staged.name, digest: staged.digest };
    } catch (error) {
      const why =
        error instanceof ArtifactInputError ? error.message : `staging failed: ${errorMessage(error)}`;
      this.logger.warn(`logArtifact(${JSON.stringify(pathOrDir)}): ${why}; not logged`);
      return undefined;
    }
  }

  /** Moves the current step (backwards too). Fractions are floored; negative or non-numbers are ignored. */
  setStep(step: number): void {
    if (typeof step !== 'number' || step < 0 || !Number.isSafeInteger(Math.floor(step))) {
      this.logger.warnOnce(
        'set-step-invalid',
        `setStep() needs a number from 0 to Number.MAX_SAFE_INTEGER; got ${typeof step === 'number' ? String(step) : typeof step}, step unchanged`,
      );
      return;
    }
    this.advanceTo(Math.floor(step));
  }

  /**
   * W&B's `define_metric`: a custom x-axis (`stepMetric`), what the summary keeps (`summary: 'min' | 'max' |
   * 'mean' | 'best' | 'last' | 'copy' | 'none'`, or several), `goal` and `hidden`, for a name or a `prefix*` glob.
   * A bad call is warned about once and ignored. Values logged before it are handed on first.
   */
  defineMetric(name: string, options?: DefineMetricOptions): void {
    const parsed = parseMetricDefinition(name, options);
    if ('error' in parsed) {
      this.logger.warnOnce('define-metric', `defineMetric(): ${parsed.error}; the definition was ignored`);
      return;
    }
    if (this.closed) return;
    this.drainLoop.drain();
    this.backends.defineMetric(parsed.definition);
  }

  /** Drains the queue and waits until every backend has made what it received durable. */
  async flush(): Promise<void> {
    this.drainLoop.drain();
    await this.backends.flush(this.options.finishTimeoutMs);
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

  /** @internal drains the queue and makes every backend durable synchronously; the run stays open. */
  flushSync(): void {
    if (this.closed) return;
    this.drainLoop.drain();
    this.backends.flushSync();
  }

  /**
   * @internal last-chance synchronous finish: from `process.on('exit')` (reason `exit`), or right before the
   * exit after an uncaught exception (reason `exception`), when no user code may run any more.
   */
  finishSync(exitCode: number, reason: RunOutcome['reason'] = 'exit'): void {
    if (this.state === 'finished') return;
    this.state = 'finished';
    this.releaseCurrent();
    this.drainLoop.stop();
    this.drainLoop.drain();
    this.consoleTap?.uninstall();
    this.closed = true;
    const outcome: RunOutcome = { exitCode, reason, summary: this.latest, endTime: Date.now() };
    this.backends.finishSync(outcome);
    this.exitHandler?.uninstall();
    const how =
      reason === 'exit' ? `by process.exit(${exitCode})` : `by an uncaught error (exit code ${exitCode})`;
    this.logger.info(
      `run ${this.name} (${this.id}) ended ${how}: queued values were handed to the backends and flushed synchronously`,
    );
    // Where each backend's data is (and, after a crash, how to upload what the network did not get).
    const say = reason === 'exit' ? this.logger.info.bind(this.logger) : this.logger.warn.bind(this.logger);
    for (const report of this.backends.reports([])) for (const line of report.lines) say(line);
  }

  private async finishNow(exitCode: number, reason: RunOutcome['reason'], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    this.state = 'finishing';
    this.releaseCurrent();
    this.drainLoop.stop();
    await this.profiling.finish(Math.max(0, deadline - Date.now()));
    this.drainLoop.drainFinal();
    this.consoleTap?.uninstall();
    this.closed = true;
    this.drainLoop.drain();
    const outcome: RunOutcome = { exitCode, reason, summary: this.latest, endTime: Date.now() };
    const states = await this.backends.finish(outcome, deadline, timeoutMs);
    this.state = 'finished';
    this.exitHandler?.uninstall();
    this.printSummary(outcome, states);
  }

  /** After `finish()`: warns once per kind of call that it was ignored. */
  private refusedAfterFinish(call: string, what: string): boolean {
    if (!this.closed) return false;
    this.logger.warnOnce(
      `${call}-after-finish`,
      `${call}() was called after run ${this.name} finished; ${what}`,
    );
    return true;
  }

  /** Empties the current-run slot if it still holds this run. */
  private releaseCurrent(): void {
    if (currentHandle() === this) setCurrentHandle(null);
  }

  private advanceTo(step: number): void {
    if (step === this._step) return;
    this._step = step;
    this.profiling.onStep(step);
  }

  private summaryHost(): SummaryViewHost {
    return {
      beforeUpdate: () => {
        if (this.closed) {
          this.logger.warnOnce(
            'summary-after-finish',
            `summary.update() after run ${this.name} finished; ignored`,
          );
          return false;
        }
        // Values logged before the update reach the backends first: the update then replaces them.
        this.drainLoop.drain();
        return true;
      },
      send: (update) => this.backends.updateSummary(update),
    };
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
      logSystem: (metrics) => this.closed || this.system.write(metrics),
      logReport: (metrics, options) =>
        this.closed || this.report.write(metrics, this._step, options?.priority),
    };
  }

  private printSummary(outcome: RunOutcome, states: readonly string[]): void {
    const lines = formatRunSummary({
      info: this.info,
      exitCode: outcome.exitCode,
      reason: outcome.reason,
      steps: this._step,
      durationMs: outcome.endTime - this.info.startTime,
      summary: this.latest,
      ...this.self.summary(),
      backends: this.backends.reports(states),
      profilerLines: this.profiling.describe(),
    });
    this.logger.info(lines.join('\n'));
  }
}
