import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendContext, Logger, MetricRow, RunInfo } from '../../src/core/backend.js';
import { type TrainscopeOptions, WandbOptionsSchema, type WandbOptions } from '../../src/core/options.js';
import type { MetricValue } from '../../src/core/values.js';
import { MemoryLogger } from './memory-logger.js';

/** The offline tests' `MemoryLogger`: keeps every line, for assertions. */
export type CapturingLogger = MemoryLogger;

export function capturingLogger(): CapturingLogger {
  return new MemoryLogger();
}

export function testRun(overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    id: 'tsrun001',
    name: 'fixture-basic',
    project: 'trainscope-fixtures',
    entity: undefined,
    group: 'exp-1',
    jobType: 'train',
    tags: ['baseline', 'fixture'],
    notes: 'Reference run',
    config: { lr: 0.0003, batch_size: 32, optimizer: { name: 'adamw', betas: [0.9, 0.999] }, use_amp: false },
    startTime: Date.now() - 1000,
    host: 'vm',
    program: 'train.ts',
    rank: 0,
    worldSize: 1,
    ...overrides,
  };
}

export function wandbOptions(input: Partial<WandbOptions>): WandbOptions {
  return WandbOptionsSchema.parse(input);
}

export function context(run: RunInfo, logger: Logger): BackendContext {
  return { run, logger, summary: new Map<string, MetricValue>() };
}

export function row(
  step: number,
  values: Record<string, MetricValue>,
  channel: MetricRow['channel'] = 'history',
): MetricRow {
  return { step, time: Date.now(), channel, keys: Object.keys(values), values: Object.values(values) };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ts-wandb-online-'));
}

/** Every file under `dir`, recursively. */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...allFiles(path));
    else out.push(path);
  }
  return out;
}

export function fileContains(path: string, needle: string): boolean {
  return readFileSync(path).includes(Buffer.from(needle));
}

/** Options for a run with W&B only (no TensorBoard, no profiler, no exit handling, silent), as `init` takes them. */
export function wandbOnlyOptions(project: string, wandb: TrainscopeOptions['wandb']): TrainscopeOptions {
  return {
    project,
    tensorboard: false,
    profiling: { enabled: false },
    handleExit: false,
    logLevel: 'silent',
    wandb,
  };
}

/** The keys of a `table-file` value as the 0.15.x client sends it online, in its order (online-requests.json). */
export const ONLINE_TABLE_FILE_KEYS: readonly string[] = [
  '_type',
  'sha256',
  'size',
  'artifact_path',
  '_latest_artifact_path',
  'path',
  'ncols',
  'nrows',
];
