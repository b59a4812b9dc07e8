import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sourceBootstrap } from '../writer-thread/start-writer-thread.js';
import type { IndexJob } from './index-job.js';
import type { TensorBoardIndexerSnapshot } from './tensorboard-run-indexer.js';

type Reply = { snapshot: TensorBoardIndexerSnapshot } | { error: string };

/** Worker threads worth starting for `jobs` runs: one per core, at most `maxThreads`. */
export function indexThreadsFor(jobs: number, maxThreads = 4): number {
  return Math.max(0, Math.min(jobs, maxThreads, availableParallelism()));
}

/**
 * Indexes many TensorBoard runs at once on worker threads: the first load of a large logdir is CPU work (two CRCs
 * and a decode per record) that parallelizes per run. The workers start once and serve every `run` until `close`
 * (the listing pass and the pass that builds the columns share them). Each worker takes the next job when it
 * finishes one. A job whose worker failed (or could not start) comes back `undefined`, and the caller indexes that
 * run on its own thread, so a worker problem never loses data.
 */
export class IndexWorkerPool {
  private workers: Worker[] = [];
  private closed = false;

  constructor(threads: number) {
    for (let i = 0; i < threads; i++) {
      try {
        this.workers.push(startIndexWorker());
      } catch {
        // fewer workers; with none, every job comes back undefined
      }
    }
  }

  /**
   * Answers every job. With `here` (the same work on the calling thread), the calling thread takes jobs too, one
   * at a time between its events: it lists runs while the workers are still starting (about half a second each
   * from the sources) instead of waiting for them.
   */
  async run(
    jobs: readonly IndexJob[],
    here?: (job: IndexJob) => TensorBoardIndexerSnapshot,
  ): Promise<(TensorBoardIndexerSnapshot | undefined)[]> {
    const results: (TensorBoardIndexerSnapshot | undefined)[] = new Array(jobs.length).fill(undefined);
    let next = 0;
    const serve = async (worker: Worker): Promise<void> => {
      while (next < jobs.length && !this.closed) {
        const index = next++;
        const reply = await ask(worker, jobs[index]!);
        if (reply === undefined) {
          // Dead: later runs go to the others.
          this.workers = this.workers.filter((w) => w !== worker);
          return;
        }
        if ('snapshot' in reply) results[index] = reply.snapshot;
      }
    };
    const serveHere = async (): Promise<void> => {
      while (here !== undefined && next < jobs.length && !this.closed) {
        const index = next++;
        try {
          results[index] = here(jobs[index]!);
        } catch {
          // left undefined: the caller reads this run as any other a worker could not
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([...this.workers.map(serve), serveHere()]);
    return results;
  }

  /** Stops the workers; jobs in flight come back `undefined`. */
  close(): void {
    this.closed = true;
    for (const worker of this.workers) void worker.terminate();
  }
}

/** One `IndexWorkerPool.run` on a pool of `threads` workers started for it. */
export async function indexOnWorkers(
  jobs: readonly IndexJob[],
  threads: number,
): Promise<(TensorBoardIndexerSnapshot | undefined)[]> {
  const pool = new IndexWorkerPool(threads);
  try {
    return await pool.run(jobs);
  } finally {
    pool.close();
  }
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
