import type { RunInfo } from '../../src/core/backend.js';
import { ConsoleLogger, type LogLevel } from '../../src/core/logger.js';
import { ProfilingOptionsSchema } from '../../src/core/options.js';
import type { LogOptions, RunHandle, RunProfiler, SpanSink } from '../../src/core/run-handle.js';
import { operationById } from '../../src/profiler/operations.js';
import { testRunInfo } from './run-info.js';

export interface RecordedSpan {
  readonly operation: string;
  readonly category: string;
  readonly startNs: bigint;
  readonly durationNs: bigint;
  readonly heapDelta: number;
  readonly failed: boolean;
}

export interface RecordedLog {
  readonly metrics: Record<string, unknown>;
  readonly options: LogOptions | undefined;
}

export interface FakeRunOptions {
  profiler?: boolean;
  memorySampleEvery?: number;
  /** The level of the run's logger (default `'warn'`). */
  logLevel?: LogLevel;
  /** Strings the run's logger scrubs from what it prints. */
  secrets?: readonly string[];
  rank?: number;
}

/**
 * A RunHandle that records spans and log calls instead of sending them anywhere. Its logger is a real
 * `ConsoleLogger` (level, scrubbing, warn-once) whose lines are kept in `output` instead of printed.
 */
export class FakeRun implements RunHandle {
  readonly spans: RecordedSpan[] = [];
  readonly logs: RecordedLog[] = [];
  /** Every line the run's logger printed, e.g. `trainscope: warning: …`. */
  readonly output: string[] = [];
  step = 0;
  readonly profiler: RunProfiler | undefined;
  readonly logger: ConsoleLogger;
  readonly info: RunInfo;

  constructor({
    profiler = true,
    memorySampleEvery = 1,
    logLevel = 'warn',
    secrets = [],
    rank = 0,
  }: FakeRunOptions = {}) {
    const output = this.output;
    this.logger = new ConsoleLogger({
      level: logLevel,
      secrets,
      write: (text) => output.push(...text.trimEnd().split('\n')),
    });
    this.info = testRunInfo({ rank, worldSize: Math.max(rank + 1, 1) });
    const spans = this.spans;
    const sink: SpanSink = {
      record(operation, startNs, durationNs, heapDelta, failed) {
        const op = operationById(operation);
        spans.push({
          operation: op?.name ?? `#${operation}`,
          category: op?.category ?? '?',
          startNs,
          durationNs,
          heapDelta,
          failed,
        });
      },
    };
    this.profiler = profiler
      ? {
          spans: sink,
          options: ProfilingOptionsSchema.parse({ memorySampleEvery }),
          start() {},
          onStep() {},
          finish: async () => {},
          describe: () => [],
        }
      : undefined;
  }

  log(metrics: Readonly<Record<string, unknown>>, options?: LogOptions): void {
    this.logs.push({ metrics: { ...metrics }, options: options === undefined ? undefined : { ...options } });
    if (options?.step === undefined && options?.commit !== false) this.step++;
  }

  spanNames(): string[] {
    return this.spans.map((s) => s.operation);
  }
}
