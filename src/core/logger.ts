import type { Logger } from './backend.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVEL_RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

export interface ConsoleLoggerOptions {
  readonly level: LogLevel;
  /**
   * Strings that must never be printed (API keys). Every message is scrubbed before it is written, so an
   * error thrown by a backend that echoes a secret cannot leak it.
   */
  readonly secrets?: readonly string[];
  /** Where lines go; default `process.stderr`. */
  readonly write?: (line: string) => void;
}

/**
 * trainscope's own console output: one line per message, prefixed `trainscope:`, on stderr (as W&B prints
 * `wandb:`), filtered by `logLevel`.
 */
export class ConsoleLogger implements Logger {
  private readonly threshold: number;
  private readonly secrets: readonly string[];
  private readonly writeLine: (line: string) => void;
  /** How often each `warnOnce` key was hit; the first hit printed. */
  readonly repeatedWarnings = new Map<string, number>();

  constructor(options: ConsoleLoggerOptions) {
    this.threshold = LEVEL_RANK[options.level];
    this.secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
    this.writeLine = options.write ?? ((line) => process.stderr.write(line));
  }

  debug(message: string): void {
    this.emit(0, 'debug: ', message);
  }

  info(message: string): void {
    this.emit(1, '', message);
  }

  warn(message: string): void {
    this.emit(2, 'warning: ', message);
  }

  error(message: string): void {
    this.emit(3, 'error: ', message);
  }

  warnOnce(key: string, message: string): void {
    const seen = this.repeatedWarnings.get(key);
    if (seen === undefined) {
      this.repeatedWarnings.set(key, 1);
      this.warn(message);
    } else {
      this.repeatedWarnings.set(key, seen + 1);
    }
  }

  /** Whether `debug` output is on (lets callers skip building expensive debug messages). */
  get debugEnabled(): boolean {
    return this.threshold === 0;
  }

  private emit(rank: number, label: string, message: string): void {
    if (rank < this.threshold) return;
    let text = message;
    for (const secret of this.secrets) {
      if (text.includes(secret)) text = text.split(secret).join('***');
    }
    const lines = text.split('\n');
    let out = '';
    for (const line of lines) out += `trainscope: ${label}${line}\n`;
    this.writeLine(out);
  }
}

/**
 * The logger for what happens outside any run, such as a decorator misused on a class defined before `init()`
 * (decorators run when the class is defined, usually at import). It prints the run logger's format
 * (`trainscope: warning: …`) on stderr, warnings and errors only, each `warnOnce` key once per process. While a
 * run is active, its own logger is used instead (its `logLevel`, its key scrubbing, once per key per run).
 */
export const processLogger: ConsoleLogger = new ConsoleLogger({ level: 'warn' });
