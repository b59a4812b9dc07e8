import { parentPort } from 'node:worker_threads';
import { type IndexJob, indexRun } from './index-job.js';
import { snapshotBuffers } from './run-snapshot.js';

/**
 * An indexing worker's entry (started by `IndexWorkerPool`): for each job, reads the run's event files exactly as
 * the main thread would (`indexRun`) and answers with the indexer's snapshot, the scalar columns' buffer
 * transferred. A job that throws answers `{error}`; the main thread then indexes that run itself.
 */
parentPort?.on('message', (job: IndexJob) => {
  try {
    const snapshot = indexRun(job);
    parentPort!.postMessage({ snapshot }, snapshotBuffers(snapshot.run));
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
