import { constants } from 'node:os';
import { inspect } from 'node:util';
import type { Logger, RunOutcome } from './backend.js';

/** What the exit handler drives: the run. */
export interface ExitTarget {
  /** Finishes the run (idempotent; returns the same promise when already finishing). */
  finishForExit(exitCode: number, reason: RunOutcome['reason']): Promise<void>;
  /**
   * Synchronous finish, where no asynchronous work may run: from `process.on('exit')` (reason `exit`) and
   * right before exiting after an uncaught error (reason `exception`).
   */
  finishSync(exitCode: number, reason?: RunOutcome['reason']): void;
  /** Drains and makes what was logged durable, synchronously, leaving the run open. */
  flushSync(): void;
}

/** The signals that end a process by default and that a trainer meets: Ctrl-C, `kill`, a closed terminal. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type HandledSignal = (typeof SIGNALS)[number];

/**
 * Ends the run cleanly when the process ends for any reason:
 *
 * - SIGINT / SIGTERM / SIGHUP: finish the run with exit code 128 + signal number (130 / 143 / 129), then exit
 *   with that code, as Node's default would have. A second signal while finishing exits at once. If the
 *   program has its own listener for the signal, the program is in charge: what was logged is made durable
 *   synchronously and the run stays open (the program may log more and call `finish()`).
 * - uncaught exception / unhandled rejection: print the error as Node does, finish synchronously (the queue
 *   drained, every backend's closing records written and flushed: files and the local W&B log, which is the
 *   spool) and exit 1 at once, as Node does — no user code runs after a fatal error, and a slow network never
 *   keeps a crashed process alive. Unless the program has its own `uncaughtException` (resp.
 *   `unhandledRejection`) listener.
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
    if (programListens) {
      // The program handles the signal (e.g. sets a flag, logs its last values, calls finish()).
      this.target.flushSync();
      return;
    }
    if (this.ending) {
      this.logger.warn(`received ${signal} again: exiting without waiting for the run to finish`);
      process.exit(exitCode);
    }
    this.ending = true;
    this.logger.warn(`received ${signal}: finishing the run (send ${signal} again to exit immediately)`);
    void this.target.finishForExit(exitCode, 'signal').finally(() => process.exit(exitCode));
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
    this.ending = true;
    try {
      this.target.finishSync(1, 'exception');
    } finally {
      process.exit(1);
    }
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
