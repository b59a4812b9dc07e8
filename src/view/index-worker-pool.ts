import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sourceBootstrap } from '../writer-thread/start-writer-thread.js';
import type { IndexJob } from './index-worker.js';
import type { TensorBoardIndexerSnapshot } from './tensorboard-run-indexer.js';

type Reply = { snapshot: TensorBoardIndexerSnapshot } | { error: string };

/** Worker threads worth starting for `jobs` runs: one per core, at most `maxThreads`. */
export function indexThreadsFor(jobs: number, maxThreads = 4): number {
  return Math.max(0, Math.min(jobs, maxThreads, availableParallelism()));
}

/**
 * Indexes many TensorBoard runs at once on `threads` worker threads: the first load of a large logdir is CPU work
 * (two CRCs and a decode per record) that parallelizes per run. Each worker takes the next run when it finishes
 * one. A run whose worker failed (or could not start) comes back `undefined`, and the caller indexes it on its own
 * thread, so a worker problem never loses data.
 */
export async function indexOnWorkers(
  jobs: readonly IndexJob[],
  threads: number,
): Promise<(TensorBoardIndexerSnapshot | undefined)[]> {
  const results: (TensorBoardIndexerSnapshot | undefined)[] = new Array(jobs.length).fill(undefined);
  let next = 0;
  const runWorker = async (): Promise<void> => {
    let worker: Worker;
    try {
      worker = startIndexWorker();
    } catch {
      return;
    }
    try {
      while (next < jobs.length) {
        const index = next++;
        const reply = await ask(worker, jobs[index]!);
        if (reply === undefined) return;
        if ('snapshot' in reply) results[index] = reply.snapshot;
      }
    } finally {
      void worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, runWorker));
  return results;
}

/** The worker entry next to this module: `.js` when built, `.ts` (through tsx's loader) from the sources. */
function startIndexWorker(): Worker {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const entry = new URL(fromSource ? './index-worker.ts' : './index-worker.js', here);
  if (!existsSync(fileURLToPath(entry))) throw new Error(`${fileURLToPath(entry)} is missing`);
  const settings = { stdout: false, stderr: false };
  return fromSource
    ? new Worker(sourceBootstrap(entry), { ...settings, eval: true })
    : new Worker(entry, settings);
}

/** Sends one job; its reply, or undefined when the worker died first. */
function ask(worker: Worker, job: IndexJob): Promise<Reply | undefined> {
  return new Promise((resolve) => {
    const settle = (reply: Reply | undefined): void => {
      worker.off('message', settle).off('error', failed).off('exit', failed);
      resolve(reply);
    };
    const failed = (): void => settle(undefined);
    worker.on('message', settle).on('error', failed).on('exit', failed);
    worker.postMessage(job);
  });
}
