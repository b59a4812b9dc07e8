import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { init } from '../../../src/init.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { tempRoot } from '../../helpers/child-process.js';
import { captureStderr } from '../../helpers/recording-backend.js';

/** How the mocked `Worker` behaves: its constructor throws, or the thread fails before it reports loaded. */
const worker = vi.hoisted(() => ({ mode: 'throws' as 'throws' | 'fails', made: 0 }));

vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  const { EventEmitter } = await import('node:events');
  class FailingWorker extends EventEmitter {
    constructor() {
      super();
      worker.made++;
      if (worker.mode === 'throws') throw new Error('worker threads are switched off here');
      setImmediate(() => this.emit('error', new Error('the entry could not be loaded')));
    }
    terminate(): Promise<number> {
      return Promise.resolve(1);
    }
  }
  return { ...actual, Worker: FailingWorker };
});

const { dir, cleanup } = tempRoot('trainscope-writer-fallback-');
afterAll(() => cleanup());

const STEPS = 2_000;

/** A worker-mode run whose writer cannot start: it must say so once and log everything on the training thread. */
async function fallbackRun(name: string): Promise<string> {
  const stderr = captureStderr();
  try {
    const run = await init({
      project: 'writer-fallback',
      name,
      logLevel: 'info',
      handleExit: false,
      tensorboard: { logDir: join(dir, name) },
      wandb: false,
      profiling: { enabled: false },
      logging: { thread: 'worker' },
    });
    for (let step = 0; step < STEPS; step++) {
      run.log({ loss: 1 / (step + 1), gradient_norm: step, throughput: step * 2 });
    }
    await run.finish();
  } finally {
    stderr.restore();
  }
  const tags = inspectLogDir(join(dir, name)).runs[name]?.tags ?? {};
  for (const tag of ['loss', 'gradient_norm', 'throughput']) {
    expect(tags[tag]?.count, tag).toBe(STEPS);
    expect(tags[tag]?.lastStep, tag).toBe(STEPS - 1);
  }
  expect(tags.throughput?.last).toBe((STEPS - 1) * 2);
  const output = stderr.text();
  expect(output).not.toContain('ran on the writer thread');
  return output;
}

function count(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

describe('writer thread: falling back to the training thread', () => {
  it('a Worker that cannot be created: one warning, every value written by the training thread', {
    timeout: 60_000,
  }, async () => {
    worker.mode = 'throws';
    const made = worker.made;
    const output = await fallbackRun('throws');
    expect(worker.made).toBe(made + 1);
    expect(count(output, /the writer thread did not start \(worker threads are switched off here\)/)).toBe(1);
    expect(output).toContain('encoding and I/O run on the training thread');
  });

  it('a writer that fails before it has loaded: one warning naming the error, nothing lost', {
    timeout: 60_000,
  }, async () => {
    worker.mode = 'fails';
    const output = await fallbackRun('fails');
    expect(count(output, /the writer thread did not start \(the entry could not be loaded\)/)).toBe(1);
  });
});
