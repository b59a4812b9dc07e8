import { vi } from 'vitest';
import {
  type Backend,
  type BackendContext,
  type BackendStats,
  emptyBackendStats,
  type MetricRow,
  type RunOutcome,
} from '../../src/core/backend.js';
import type { LoggedModel } from '../../src/core/logged-model.js';
import type { TrainscopeOptions } from '../../src/core/options.js';
import type { SummaryUpdate } from '../../src/core/summary-update.js';
import type { MetricValue } from '../../src/core/values.js';

export interface RecordingHooks {
  write?(rows: readonly MetricRow[]): void;
  flush?(): Promise<void>;
  finish?(outcome: RunOutcome): Promise<void>;
}

/** A backend that keeps a deep copy of everything it receives. */
export class RecordingBackend implements Backend {
  readonly rows: MetricRow[] = [];
  /** Every logged model, passed through `structuredClone` (what a worker thread would receive). */
  readonly models: LoggedModel[] = [];
  context: BackendContext | undefined;
  outcome: RunOutcome | undefined;
  flushes = 0;
  writes = 0;
  /** Every `updateSummary` call, structured-cloned (what a worker thread would receive). */
  readonly summaryUpdates: SummaryUpdate[] = [];

  constructor(
    readonly name = 'recorder',
    private readonly hooks: RecordingHooks = {},
  ) {}

  async start(context: BackendContext): Promise<void> {
    this.context = context;
  }

  write(rows: readonly MetricRow[]): void {
    this.writes++;
    this.hooks.write?.(rows);
    for (const row of rows) this.rows.push({ ...row, keys: [...row.keys], values: [...row.values] });
  }

  logModel(model: LoggedModel): void {
    this.models.push(structuredClone(model));
  }

  updateSummary(update: SummaryUpdate): void {
    this.summaryUpdates.push(structuredClone(update));
  }

  async flush(): Promise<void> {
    this.flushes++;
    await this.hooks.flush?.();
  }

  async finish(outcome: RunOutcome): Promise<void> {
    await this.hooks.finish?.(outcome);
    this.outcome = { ...outcome, summary: new Map(outcome.summary) };
  }

  stats(): BackendStats {
    return { ...emptyBackendStats(), bytesWritten: this.rows.length * 10, requests: this.writes };
  }

  describe(): readonly string[] {
    return [`recorded ${this.rows.length} rows`];
  }

  /** History rows without trainscope's own metrics. */
  history(): { step: number; values: Record<string, MetricValue> }[] {
    return this.rows
      .filter((r) => r.channel === 'history')
      .map((r) => ({
        step: r.step,
        values: Object.fromEntries(r.keys.map((k, i) => [k, r.values[i] as MetricValue])),
      }))
      .map((r) => ({
        step: r.step,
        values: Object.fromEntries(Object.entries(r.values).filter(([k]) => !k.startsWith('trainscope/'))),
      }))
      .filter((r) => Object.keys(r.values).length > 0);
  }

  /** Every (step, value) logged for `key`, in order. */
  series(key: string): [number, MetricValue][] {
    const out: [number, MetricValue][] = [];
    for (const row of this.rows) {
      row.keys.forEach((k, i) => {
        if (k === key) out.push([row.step, row.values[i] as MetricValue]);
      });
    }
    return out;
  }

  keys(): Set<string> {
    return new Set(this.rows.flatMap((r) => r.keys));
  }
}

/** Options for a run that touches nothing outside the test: no configured backends, no process handlers. */
export function testOptions(extra: Partial<TrainscopeOptions> = {}): TrainscopeOptions {
  return {
    project: 'unit',
    tensorboard: false,
    wandb: false,
    handleExit: false,
    profiling: { enabled: false },
    logLevel: 'warn',
    ...extra,
    logging: { async: false, ...extra.logging },
  };
}

/** Captures trainscope's console output (it writes to stderr). */
export function captureStderr(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  return { text: () => chunks.join(''), restore: () => spy.mockRestore() };
}
