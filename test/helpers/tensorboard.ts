import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger, RunInfo } from '../../src/core/backend.js';
import type { ModelDescription } from '../../src/core/model-description.js';
import type { TensorBoardOptions } from '../../src/core/options.js';
import { fileVersionEvent, summaryEvent } from '../../src/trackers/tensorboard/event.js';
import { encodeEvent, type SummaryValueMessage } from '../../src/trackers/tensorboard/proto.js';
import { frameRecord } from '../../src/trackers/tensorboard/record.js';
import { FIXTURES as FIXTURES_ROOT } from './paths.js';

export const FIXTURES = join(FIXTURES_ROOT, 'tensorboard');

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

/**
 * Writes an event file by hand: the file-version record, then one summary event per entry (step, values).
 * Returns the file's path. `name` defaults to a TensorBoard-style name in `dir`.
 */
export function writeEventFile(
  dir: string,
  summaries: readonly { step: number; values: SummaryValueMessage[] }[],
  name = 'events.out.tfevents.1796000221.handmade',
): string {
  mkdirSync(dir, { recursive: true });
  const records = [
    fileVersionEvent(1_796_000_221),
    ...summaries.map((s) => summaryEvent(s.step, 1_796_000_222, s.values)),
  ];
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(records.map((event) => frameRecord(encodeEvent(event)))));
  return path;
}

/** A small transformer block: a residual connection makes it a Functional model. */
export const TINY_MODEL: ModelDescription = {
  name: 'tiny',
  layers: [
    { name: 'tokens', className: 'InputLayer', outputShape: [null, 16] },
    {
      name: 'embed',
      className: 'Embedding',
      inputs: ['tokens'],
      outputShape: [null, 16, 32],
      params: 32_000,
    },
    {
      name: 'attn',
      className: 'MultiHeadAttention',
      inputs: ['embed'],
      outputShape: [null, 16, 32],
      params: 4_224,
    },
    { name: 'residual', className: 'Add', inputs: ['embed', 'attn'], outputShape: [null, 16, 32], params: 0 },
  ],
};
