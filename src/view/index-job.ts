import { type TensorBoardIndexerSnapshot, TensorBoardRunIndexer } from './tensorboard-run-indexer.js';
import { ViewRun } from './view-run.js';

/** One TensorBoard run directory to index: its event files. */
export interface IndexJob {
  readonly dir: string;
  readonly files: readonly string[];
  /** List the run (its tags, times, problems, everything but scalar points): the first, quick pass. */
  readonly listOnly?: boolean;
  /** Bytes to read of each file, by path: the pass that builds the columns reads exactly what the listing read. */
  readonly limits?: Readonly<Record<string, number>>;
}

/**
 * Reads one run's event files exactly as the main thread would (`TensorBoardRunIndexer`) and returns the indexer's
 * snapshot: what an indexing worker answers, and what the main thread computes itself for a job a worker could
 * not do.
 */
export function indexRun(job: IndexJob): TensorBoardIndexerSnapshot {
  const indexer = new TensorBoardRunIndexer(
    new ViewRun('', '', 'tensorboard', job.dir),
    job.listOnly === true,
  );
  for (const file of job.files) indexer.addFile(file);
  indexer.poll(job.limits);
  return indexer.snapshot();
}
