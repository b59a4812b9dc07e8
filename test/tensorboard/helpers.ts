import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger, RunInfo } from '../../src/core/backend.js';
import type { TensorBoardOptions } from '../../src/core/options.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'tensorboard');

export interface RecordingLogger extends Logger {
  readonly warnings: string[];
  readonly errors: string[];
}

/** A logger that records warnings and errors, with the core's warn-once semantics. */
export function recordingLogger(): RecordingLogger {
  const warnings: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  return {
    warnings,
    errors,
    debug() {},
    info() {},
    warn: (message) => warnings.push(message),
    error: (message) => errors.push(message),
    warnOnce(key, message) {
      if (seen.has(key)) return;
      seen.add(key);
      warnings.push(message);
    },
  };
}

export function runInfo(overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    id: 'abcd1234',
    name: 'seo_engine_1796000000',
    project: 'seo',
    entity: undefined,
    group: undefined,
    jobType: undefined,
    tags: [],
    notes: undefined,
    config: { learning_rate: 0.001, batch_size: 32, optimizer: 'adamw', mixed_precision: false },
    startTime: 1_796_000_000_000,
    host: 'testhost',
    program: 'train.ts',
    rank: 0,
    worldSize: 1,
    ...overrides,
  };
}

export function tensorBoardOptions(
  logDir: string,
  overrides: Partial<TensorBoardOptions> = {},
): TensorBoardOptions {
  return { logDir, comment: '', flushSecs: 30, maxQueue: 10, filenameSuffix: '', ...overrides };
}

/** A fresh temporary directory and a function that removes it. */
export function tempDir(prefix = 'trainscope-tb-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
