import type { BackendContext, RunOutcome } from '../backend.js';
import type { BackendReport, BackendFinishState, ResumePoint } from '../backend-set.js';
import type { ResolvedOptions } from '../options.js';
import type { MetricValue } from '../values.js';

/** What the training thread hands the writer thread at start (`workerData`; the side port is transferred). */
export interface WriterThreadData {
  readonly options: ResolvedOptions;
  readonly info: BackendContext['run'];
  readonly buffer: SharedArrayBuffer;
  readonly side: import('node:worker_threads').MessagePort;
}

/** Training thread → writer thread, on the worker's own port (the ring carries the values). */
export type WriterRequest =
  | { readonly kind: 'start'; readonly id: number; readonly timeoutMs: number }
  | { readonly kind: 'flush'; readonly id: number; readonly timeoutMs: number }
  | {
      readonly kind: 'finish';
      readonly id: number;
      readonly exitCode: number;
      readonly reason: RunOutcome['reason'];
      readonly endTime: number;
      /**
       * The training thread's summary (latest logged values and `run.summary.update()`s), which is the run's
       * summary; the writer adds only its own `trainscope/*` values.
       */
      readonly summary: [string, MetricValue][];
      readonly deadline: number;
      readonly timeoutMs: number;
    };

/** Writer thread → training thread. */
export type WriterReply =
  /** The writer built its backends and listens (sent once, before anything else). */
  | { readonly kind: 'loaded' }
  | {
      readonly kind: 'reply';
      readonly id: number;
      readonly finished?: FinishReply;
      /** The answer to `start`: where a resumed run continues, and any backend's refusal. */
      readonly resumePoint?: ResumePoint;
    }
  | { readonly kind: 'result'; readonly id: number; readonly value?: unknown; readonly error?: string }
  | { readonly kind: 'log'; readonly level: 'debug' | 'info' | 'warn' | 'error'; readonly message: string };

/** What `finish` reports back: each backend's state and summary entry, and trainscope's own latest values. */
export interface FinishReply {
  readonly states: BackendFinishState[];
  readonly reports: BackendReport[];
  readonly selfValues: [string, MetricValue][];
}
