import type { Logger } from './backend.js';
import type { ProfilerHost, RunProfiler } from './run-handle.js';
import { withDeadline } from './with-deadline.js';
import { errorMessage } from './error-message.js';

/**
 * The run's side of its profiler: every call into it is isolated (a failing profiler is reported and, at start,
 * switched off; it never throws into the trainer), and its finish is bounded by the run's deadline.
 */
export class ProfilerBinding {
  constructor(
    private profiler: RunProfiler | undefined,
    private readonly logger: Logger,
  ) {}

  get current(): RunProfiler | undefined {
    return this.profiler;
  }

  start(host: ProfilerHost): void {
    if (this.profiler === undefined) return;
    try {
      this.profiler.start(host);
    } catch (error) {
      this.logger.error(
        `the profiler failed to start: ${errorMessage(error)}; profiling is off for this run`,
      );
      this.profiler = undefined;
    }
  }

  onStep(step: number): void {
    if (this.profiler === undefined) return;
    try {
      this.profiler.onStep(step);
    } catch (error) {
      this.logger.warnOnce('profiler-onstep', `the profiler failed in onStep(): ${errorMessage(error)}`);
    }
  }

  /** Its final report (logged through the run) and trace, within `timeoutMs`. */
  async finish(timeoutMs: number): Promise<void> {
    if (this.profiler === undefined) return;
    const settled = await withDeadline(this.profiler.finish(), timeoutMs).catch((error: unknown) => {
      this.logger.error(`the profiler failed to finish: ${errorMessage(error)}`);
      return 'failed' as const;
    });
    if (settled === 'timeout')
      this.logger.warn('the profiler did not finish in time; its final report may be missing');
  }

  /** Lines for the end-of-run summary (bottleneck table, trace path). */
  describe(): readonly string[] {
    if (this.profiler === undefined) return [];
    try {
      return this.profiler.describe();
    } catch (error) {
      this.logger.warn(`the profiler failed in describe(): ${errorMessage(error)}`);
      return [];
    }
  }
}
