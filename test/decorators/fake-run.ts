import { ProfilingOptionsSchema } from '../../src/core/options.js';
import type { LogOptions, RunHandle, RunProfiler, SpanSink } from '../../src/core/run-handle.js';
import { operationById } from '../../src/profiler/operations.js';

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

/** A RunHandle that records spans and log calls instead of sending them anywhere. */
export class FakeRun implements RunHandle {
  readonly spans: RecordedSpan[] = [];
  readonly logs: RecordedLog[] = [];
  step = 0;
  readonly profiler: RunProfiler | undefined;

  constructor({
    profiler = true,
    memorySampleEvery = 1,
  }: { profiler?: boolean; memorySampleEvery?: number } = {}) {
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
