import { parentPort } from 'node:worker_threads';
import { snapshotBuffers } from './run-snapshot.js';
import { TensorBoardRunIndexer } from './tensorboard-run-indexer.js';
import { ViewRun } from './view-run.js';

/** One TensorBoard run directory to index: its event files. */
export interface IndexJob {
  readonly dir: string;
  readonly files: readonly string[];
}

/**
 * An indexing worker's entry (started by `IndexWorkerPool`): for each job, reads the run's event files exactly as
 * the main thread would (`TensorBoardRunIndexer`) and answers with the indexer's snapshot, the scalar columns'
 * buffers transferred. A job that throws answers `{error}`; the main thread then indexes that run itself.
 */
parentPort?.on('message', (job: IndexJob) => {
  try {
    const indexer = new TensorBoardRunIndexer(new ViewRun('', '', 'tensorboard', job.dir));
    for (const file of job.files) indexer.addFile(file);
    indexer.poll();
    const snapshot = indexer.snapshot();
    parentPort!.postMessage({ snapshot }, snapshotBuffers(snapshot.run));
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
