import type { Logger, RunInfo } from '../../src/core/backend.js';
import type { LogOptions, ProfilerHost } from '../../src/core/run-handle.js';

export interface LoggedCall {
  readonly metrics: Readonly<Record<string, unknown>>;
  readonly options: LogOptions | undefined;
  readonly step: number;
}

/** A `ProfilerHost` that records every `log`, `logSystem` and logger call. */
export class FakeHost implements ProfilerHost {
  step = 0;
  readonly logs: LoggedCall[] = [];
  readonly systemLogs: Record<string, number>[] = [];
  readonly warnings: string[] = [];
  readonly run: RunInfo;
  readonly logger: Logger;

  constructor(run: Partial<RunInfo> = {}) {
    this.run = {
      id: 'abcd1234',
      name: 'test-run',
      project: 'trainscope-test',
      entity: undefined,
      group: undefined,
      jobType: undefined,
      tags: [],
      notes: undefined,
      config: {},
      startTime: 1_700_000_000_000,
      host: 'localhost',
      program: 'test',
      rank: 0,
      worldSize: 1,
      ...run,
    };
    const warned = new Set<string>();
    this.logger = {
      debug: () => {},
      info: () => {},
      warn: (message) => this.warnings.push(message),
      error: (message) => this.warnings.push(message),
      warnOnce: (key, message) => {
        if (warned.has(key)) return;
        warned.add(key);
        this.warnings.push(message);
      },
    };
  }

  log(metrics: Readonly<Record<string, unknown>>, options?: LogOptions): void {
    this.logs.push({ metrics: { ...metrics }, options, step: this.step });
  }

  logSystem(metrics: Readonly<Record<string, number>>): void {
    this.systemLogs.push({ ...metrics });
  }

  /** Every value logged under `key`, in order. */
  values(key: string): unknown[] {
    return this.logs.filter((l) => key in l.metrics).map((l) => l.metrics[key]);
  }
}

/** Deterministic PRNG (mulberry32) so statistical tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exact nearest-rank quantile: the value at rank ceil(q·n) of the sorted values. */
export function exactQuantile(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] as number;
}

/** Polls `predicate` every 10 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
