import type { Backend, BackendContext, BackendStats, Logger, MetricRow, RunOutcome } from './backend.js';
import { GuardedBackend } from './guarded-backend.js';
import type { LoggedModel } from './logged-model.js';
import type { StagedArtifact } from './staged-artifact.js';
import type { ConsoleChunk } from './console-tap.js';
import type { MetricDefinition } from './metric-definition.js';
import type { SummaryUpdate } from './summary-update.js';

/** How one backend ended the run, for the summary: `ok`, `failed`, `disabled`, or which step timed out. */
export type BackendFinishState = 'ok' | 'failed' | 'disabled' | 'flush timed out' | 'finish timed out';

/** What the backends found of an earlier run with this id (plain data, see `BackendStartInfo`). */
export interface ResumePoint {
  /** The highest step any backend holds + 1; undefined when none holds earlier data. */
  readonly resumeStep: number | undefined;
  /** `backend: message` for each backend that refuses the resume mode. */
  readonly refusals: readonly string[];
}

/** One backend's line of the end-of-run summary. */
export interface BackendReport {
  readonly name: string;
  readonly stats: BackendStats;
  readonly lines: readonly string[];
  readonly state: string;
}

/**
 * Fans every call out to the run's backends (OpenTelemetry's `MultiSpanProcessor`): each one is wrapped in a
 * {@link GuardedBackend}, so a backend that throws, rejects or hangs is reported and left behind while the
 * others go on. Waits are bounded with the shared `withDeadline` (inside `GuardedBackend`).
 */
export class BackendSet {
  private readonly guarded: readonly GuardedBackend[];

  constructor(
    backends: readonly Backend[],
    private readonly logger: Logger,
  ) {
    this.guarded = backends.map((b) => new GuardedBackend(b, logger));
  }

  /**
   * Starts every backend in parallel; one still starting after `timeoutMs` is warned about and kept.
   * @returns where a resumed run continues, from what the backends found
   */
  async start(context: BackendContext, timeoutMs: number): Promise<ResumePoint> {
    const results = await Promise.all(this.guarded.map((b) => b.start(context, timeoutMs)));
    results.forEach((result, i) => {
      if (result === 'timeout') {
        this.logger.warn(
          `backend "${this.guarded[i]?.name}" did not start within ${timeoutMs} ms; continuing, it receives data as it comes`,
        );
      }
    });
    let resumeStep: number | undefined;
    const refusals: string[] = [];
    for (const backend of this.guarded) {
      const info = backend.startInfo;
      if (info?.refusal !== undefined) refusals.push(`${backend.name}: ${info.refusal}`);
      if (info?.resumeStep !== undefined) resumeStep = Math.max(resumeStep ?? 0, info.resumeStep);
    }
    return { resumeStep, refusals };
  }

  /** Hands a staged artifact (plain data) to every backend; uploads happen in the background. */
  logArtifact(artifact: StagedArtifact): void {
    for (const backend of this.guarded) backend.logArtifact(artifact);
  }

  /** Tells every backend the step a resumed run continues at (before the first `write`). */
  resumeAt(step: number): void {
    for (const backend of this.guarded) backend.resumeAt(step);
  }

  /** Hands rows to every backend that is still enabled (synchronous; backends buffer). */
  write(rows: readonly MetricRow[]): void {
    for (const backend of this.guarded) backend.write(rows);
  }

  /**
   * Hands the profiler's end-of-run report (values about the whole run, not a step) to every enabled backend:
   * one with `writeReport` takes it its own way (W&B: the summary), the others get it as a row.
   */
  writeReport(row: MetricRow): void {
    for (const backend of this.guarded) {
      backend.notify('writeReport', (b) => (b.writeReport ? b.writeReport(row) : b.write([row])));
    }
  }

  /** Hands a checked model (plain data) to every backend that records models and is still enabled. */
  logModel(model: LoggedModel): void {
    for (const backend of this.guarded) backend.logModel(model);
  }

  /** Hands summary-only values (`run.summary.update()`) to every enabled backend that takes them. */
  updateSummary(update: SummaryUpdate): void {
    for (const backend of this.guarded) backend.notify('updateSummary', (b) => b.updateSummary?.(update));
  }

  /** Hands a metric definition (`run.defineMetric()`) to every enabled backend that takes them. */
  defineMetric(definition: MetricDefinition): void {
    for (const backend of this.guarded) backend.notify('defineMetric', (b) => b.defineMetric?.(definition));
  }

  /** Hands one captured console write to every enabled backend that takes them. */
  consoleOutput(chunk: ConsoleChunk): void {
    for (const backend of this.guarded) backend.notify('consoleOutput', (b) => b.consoleOutput?.(chunk));
  }

  /** Waits until every backend made what it received durable; one past `timeoutMs` is warned about. */
  async flush(timeoutMs: number): Promise<void> {
    const results = await Promise.all(this.guarded.map((b) => b.flush(timeoutMs)));
    results.forEach((result, i) => {
      if (result === 'timeout')
        this.logger.warn(`backend "${this.guarded[i]?.name}" did not flush within ${timeoutMs} ms`);
    });
  }

  /**
   * Flushes then finishes every backend in parallel, each step bounded by what is left until `deadline`
   * (epoch ms). A backend still pending at the deadline is reported as an error naming `timeoutMs` (the whole
   * finish budget) and left behind.
   * @returns each backend's state, in order
   */
  async finish(outcome: RunOutcome, deadline: number, timeoutMs: number): Promise<BackendFinishState[]> {
    const remaining = () => Math.max(0, deadline - Date.now());
    const states = await Promise.all(
      this.guarded.map(async (backend): Promise<BackendFinishState> => {
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
          `backend "${this.guarded[i]?.name}" was still pending when finish() reached its ${timeoutMs} ms timeout (${state}); its last data may be incomplete`,
        );
      }
    });
    return states;
  }

  /** For `process.on('exit')`: each backend's synchronous finish and `flushSync`. */
  finishSync(outcome: RunOutcome): void {
    for (const backend of this.guarded) backend.finishSync(outcome);
  }

  /** Each backend's `flushSync`: what it received is on disk when this returns. */
  flushSync(): void {
    for (const backend of this.guarded) backend.flushSync();
  }

  /** Calls `visit` with each backend's name and current counters (the `trainscope/<backend>/*` metrics). */
  forEachStats(visit: (name: string, stats: BackendStats) => void): void {
    for (const backend of this.guarded) visit(backend.name, backend.stats());
  }

  /** Every backend's summary entry; `states` is what `finish` returned (missing: `ok`). */
  reports(states: readonly string[]): BackendReport[] {
    return this.guarded.map((b, i) => ({
      name: b.name,
      stats: b.stats(),
      lines: b.describe(),
      state: b.disabled ? 'disabled after an error' : (states[i] ?? 'ok'),
    }));
  }
}
