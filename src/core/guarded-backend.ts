import {
  type Backend,
  type BackendContext,
  type BackendStartInfo,
  type BackendStats,
  emptyBackendStats,
  type Logger,
  type MetricRow,
  type RunOutcome,
} from './backend.js';
import type { LoggedModel } from './logged-model.js';
import type { StagedArtifact } from './staged-artifact.js';
import { withDeadline } from './with-deadline.js';
import { errorMessage } from './error-message.js';

/** Result of waiting for a backend with a deadline. */
export type Settled = 'ok' | 'failed' | 'timeout' | 'disabled';

/**
 * Isolates one backend: a call that throws or rejects disables it and is reported once, as an error naming the
 * backend; the trainer and the other backends go on. A disabled backend receives nothing more.
 */
export class GuardedBackend {
  disabled = false;
  /** `finish` was called (asynchronously or from the exit path); it is never called twice. */
  finishStarted = false;
  private lastStats: BackendStats = emptyBackendStats();

  constructor(
    readonly backend: Backend,
    private readonly logger: Logger,
  ) {}

  get name(): string {
    return this.backend.name;
  }

  /** What `start` returned, once it settled `ok`. */
  startInfo: BackendStartInfo | undefined;

  start(context: BackendContext, timeoutMs: number): Promise<Settled> {
    return this.call(
      'start',
      async () => {
        const info = await this.backend.start(context);
        if (info) this.startInfo = info;
      },
      timeoutMs,
    );
  }

  logArtifact(artifact: StagedArtifact): void {
    if (this.disabled) return;
    try {
      this.backend.logArtifact?.(artifact);
    } catch (error) {
      this.fail('logArtifact', error);
    }
  }

  /** The resume step the core settled on (see `Backend.resumeAt`). */
  resumeAt(step: number): void {
    if (this.disabled) return;
    try {
      this.backend.resumeAt?.(step);
    } catch (error) {
      this.fail('resumeAt', error);
    }
  }

  write(rows: readonly MetricRow[]): void {
    if (this.disabled) return;
    try {
      this.backend.write(rows);
    } catch (error) {
      this.fail('write', error);
    }
  }

  logModel(model: LoggedModel): void {
    if (this.disabled) return;
    try {
      this.backend.logModel?.(model);
    } catch (error) {
      this.fail('logModel', error);
    }
  }

  /** A synchronous optional call (`updateSummary`, …): skipped when disabled, a throw disables the backend. */
  notify(operation: string, call: (backend: Backend) => void): void {
    if (this.disabled) return;
    try {
      call(this.backend);
    } catch (error) {
      this.fail(operation, error);
    }
  }

  flush(timeoutMs: number): Promise<Settled> {
    return this.call('flush', () => this.backend.flush(), timeoutMs);
  }

  finish(outcome: RunOutcome, timeoutMs: number): Promise<Settled> {
    if (this.finishStarted) return Promise.resolve('ok');
    this.finishStarted = true;
    return this.call('finish', () => this.backend.finish(outcome), timeoutMs);
  }

  /**
   * For `process.on('exit')`: only synchronous work runs. Starts `finish` (its synchronous part runs now; the
   * promise is abandoned) and then calls the optional `flushSync`.
   */
  finishSync(outcome: RunOutcome): void {
    if (this.disabled) return;
    try {
      if (!this.finishStarted) {
        this.finishStarted = true;
        this.backend.finish(outcome).catch(() => {});
      }
      this.backend.flushSync?.();
    } catch (error) {
      this.fail('flushSync', error);
    }
  }

  /** Makes what the backend received durable, synchronously (a signal the program handles itself). */
  flushSync(): void {
    if (this.disabled) return;
    try {
      this.backend.flushSync?.();
    } catch (error) {
      this.fail('flushSync', error);
    }
  }

  /** The backend's counters; the last good ones once it is disabled or when `stats()` throws. */
  stats(): BackendStats {
    if (this.disabled) return this.lastStats;
    try {
      this.lastStats = { ...this.backend.stats() };
    } catch (error) {
      this.fail('stats', error);
    }
    return this.lastStats;
  }

  describe(): readonly string[] {
    try {
      return this.backend.describe?.() ?? [];
    } catch (error) {
      this.fail('describe', error);
      return [];
    }
  }

  private async call(operation: string, run: () => Promise<void>, timeoutMs: number): Promise<Settled> {
    if (this.disabled) return 'disabled';
    try {
      const work = Promise.resolve().then(run);
      // keepAlive: while a deadline is pending the process must live to reach it (finish on exit paths).
      const result = await withDeadline(work, timeoutMs);
      if (result === 'timeout') {
        work.catch((error: unknown) => this.fail(operation, error));
      }
      return result;
    } catch (error) {
      this.fail(operation, error);
      return 'failed';
    }
  }

  private fail(operation: string, error: unknown): void {
    if (this.disabled) return;
    this.disabled = true;
    const reason = errorMessage(error);
    this.logger.error(
      `backend "${this.name}" failed in ${operation}(): ${reason} — it is disabled for the rest of the run; other backends continue`,
    );
  }
}
