import { constants } from 'node:os';
import { inspect } from 'node:util';
import type { Logger, RunOutcome } from './backend.js';

/** What the exit handler drives: the run. */
export interface ExitTarget {
  /** Finishes the run (idempotent; returns the same promise when already finishing). */
  finishForExit(exitCode: number, reason: RunOutcome['reason']): Promise<void>;
  /** Last-chance synchronous flush from `process.on('exit')`, where no asynchronous work can run. */
  finishSync(exitCode: number): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type HandledSignal = (typeof SIGNALS)[number];

/**
 * Ends the run cleanly when the process ends for any reason:
 *
 * - SIGINT / SIGTERM: finish the run with exit code 128 + signal number (130 / 143), then exit with that code,
 *   as Node's default would have. If the program has its own listener for the signal, that listener stays in
 *   charge: the run is finished but the process is not exited. A second signal while finishing exits at once.
 * - uncaught exception / unhandled rejection: print the error as Node does, finish with exit code 1, exit 1 —
 *   unless the program has its own `uncaughtException` (resp. `unhandledRejection`) listener.
 * - `beforeExit` (the event loop ran dry without `finish()`): finish with `process.exitCode ?? 0`.
 * - `exit` (e.g. `process.exit(3)`): only synchronous work is possible; {@link ExitTarget.finishSync} drains the
 *   queue and calls each backend's `finish` (its synchronous part) and `flushSync`.
 *
 * All listeners are removed when the run finishes.
 */
export class ExitHandler {
  private installed = false;
  private ending = false;

  constructor(
    private readonly target: ExitTarget,
    private readonly logger: Logger,
  ) {}

  install(): void {
    if (this.installed) return;
    this.installed = true;
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
    process.on('uncaughtException', this.onUncaughtException);
    process.on('unhandledRejection', this.onUnhandledRejection);
    process.on('beforeExit', this.onBeforeExit);
    process.on('exit', this.onExit);
  }

  uninstall(): void {
    if (!this.installed) return;
    this.installed = false;
    for (const signal of SIGNALS) process.removeListener(signal, this.onSignal);
    process.removeListener('uncaughtException', this.onUncaughtException);
    process.removeListener('unhandledRejection', this.onUnhandledRejection);
    process.removeListener('beforeExit', this.onBeforeExit);
    process.removeListener('exit', this.onExit);
  }

  private readonly onSignal = (signal: HandledSignal): void => {
    const exitCode = 128 + constants.signals[signal];
    const programListens = process.listenerCount(signal) > 1;
    if (this.ending) {
      if (!programListens) {
        this.logger.warn(`received ${signal} again: exiting without waiting for the run to finish`);
        process.exit(exitCode);
      }
      return;
    }
    this.ending = true;
    this.logger.warn(`received ${signal}: finishing the run (send ${signal} again to exit immediately)`);
    void this.target.finishForExit(exitCode, 'signal').finally(() => {
      if (!programListens) process.exit(exitCode);
    });
  };

  private readonly onUncaughtException = (error: unknown): void => {
    if (process.listenerCount('uncaughtException') > 1) return;
    this.crash(error);
  };

  private readonly onUnhandledRejection = (reason: unknown): void => {
    if (process.listenerCount('unhandledRejection') > 1) return;
    if (process.listenerCount('uncaughtException') > 1) {
      // Node would rethrow the rejection as an uncaught exception, which the program's listener handles.
      const error = reason instanceof Error ? reason : new Error(inspect(reason));
      (process.emit as (event: string, ...args: unknown[]) => boolean)(
        'uncaughtException',
        error,
        'unhandledRejection',
      );
      return;
    }
    this.crash(reason);
  };

  private crash(error: unknown): void {
    process.stderr.write(`${formatUncaught(error)}\n\nNode.js ${process.version}\n`);
    if (this.ending) process.exit(1);
    this.ending = true;
    process.exitCode = 1;
    void this.target.finishForExit(1, 'exception').finally(() => process.exit(1));
  }

  private readonly onBeforeExit = (): void => {
    if (this.ending) return;
    this.ending = true;
    void this.target.finishForExit(currentExitCode(), 'finish');
  };

  private readonly onExit = (code: number): void => {
    this.target.finishSync(code);
  };
}

function currentExitCode(): number {
  const code = process.exitCode;
  if (code === undefined || code === null) return 0;
  const n = Number(code);
  return Number.isInteger(n) ? n : 0;
}

function formatUncaught(error: unknown): string {
  if (error instanceof Error) return `Uncaught ${inspect(error)}`;
  return `Uncaught ${inspect(error)} (a non-Error value was thrown or rejected)`;
}
