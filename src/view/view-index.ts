import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { releaseReadBuffer } from './event-file-tailer.js';
import { indexRun } from './index-job.js';
import { IndexWorkerPool, indexThreadsFor } from './index-worker-pool.js';
import { LogDiscovery, runNameOf } from './log-discovery.js';
import { PathGuard } from './path-guard.js';
import { TensorBoardRunIndexer } from './tensorboard-run-indexer.js';
import { ViewRun } from './view-run.js';
import { WandbRunIndexer } from './wandb-run-indexer.js';

type Indexer = TensorBoardRunIndexer | WandbRunIndexer;

/** Below this much event data the workers' start-up costs more than they save. */
const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;

function bytesOf(files: readonly string[]): number {
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file).size;
    } catch {
      // gone since discovery: read (and reported) by the poll
    }
  }
  return total;
}

/**
 * Every run under the dashboard's PATHs, kept current: `refresh()` finds new runs and files and reads what the
 * known files gained, and reports which runs changed (the server pushes those ids to the page).
 */
export class ViewIndex {
  readonly guard: PathGuard;
  readonly discovery: LogDiscovery;
  readonly runs = new Map<string, ViewRun>();
  traceFiles: string[] = [];
  private readonly indexers = new Map<string, Indexer>();
  private readonly byDirectory = new Map<string, TensorBoardRunIndexer>();
  private readonly wandbFiles = new Set<string>();
  /** Runs listed by the first index whose scalar columns are still being built (not polled until they are). */
  private readonly pendingColumns = new Set<Indexer>();
  private pool: IndexWorkerPool | undefined;
  /**
   * While the first index builds the columns of the runs it listed: resolves, with their ids, once every one is
   * in. Undefined otherwise.
   */
  columnsBuilt: Promise<string[]> | undefined;

  constructor(paths: readonly string[]) {
    const roots = paths.map((p) => resolve(p));
    this.discovery = new LogDiscovery(roots);
    this.guard = new PathGuard([...roots, ...this.discovery.traceRoots()]);
  }

  /** Finds new runs and files, reads new data; returns the ids of runs that changed (new runs included). */
  refresh(): string[] {
    const changed = new Set<string>();
    this.discover(changed);
    this.pollAll(changed);
    return [...changed];
  }

  /**
   * The first index, as `refresh()`, except that when there are several new TensorBoard runs holding at least
   * `parallelMinBytes` in all, they are read on worker threads in two passes: a listing pass (tags, times, problems,
   * everything but the scalar points; both CRCs of every record checked, so damage is the run's problem from the
   * start), after which this resolves, then a pass that builds the scalar columns of exactly what was listed
   * (`columnsBuilt`). A large logdir is listed without first touching memory for all its points. This thread
   * takes jobs of both passes too, between its events. What a worker could not read is read here.
   */
  async load(parallelMinBytes = PARALLEL_MIN_BYTES): Promise<string[]> {
    const changed = new Set<string>();
    this.discover(changed);
    const fresh = [...this.byDirectory.values()].filter((indexer) => indexer.untouched);
    const threads = indexThreadsFor(fresh.length);
    if (threads >= 2 && bytesOf(fresh.flatMap((indexer) => indexer.job.files)) >= parallelMinBytes) {
      // This thread takes jobs too: one worker fewer than cores (each worker costs its own start-up).
      const pool = new IndexWorkerPool(threads - 1);
      this.pool = pool;
      const listings = await pool.run(
        fresh.map((indexer) => ({ ...indexer.job, listOnly: true })),
        indexRun,
      );
      releaseReadBuffer();
      const listed = fresh.filter((indexer, i) => {
        const listing = listings[i];
        if (listing !== undefined) indexer.restore(listing);
        return listing !== undefined;
      });
      for (const indexer of listed) this.pendingColumns.add(indexer);
      if (listed.length > 0) this.columnsBuilt = this.buildColumns(pool, listed);
      else this.closePool();
    }
    this.pollAll(changed);
    return [...changed];
  }

  /** The second pass of the first index: the listed runs' columns (here for a job no worker answered). */
  private async buildColumns(pool: IndexWorkerPool, listed: TensorBoardRunIndexer[]): Promise<string[]> {
    const jobs = listed.map((indexer) => indexer.columnsJob);
    const snapshots = await pool.run(jobs, indexRun);
    this.closePool();
    listed.forEach((indexer, i) => {
      if (!this.pendingColumns.delete(indexer)) return;
      try {
        indexer.restoreColumns(snapshots[i] ?? indexRun(jobs[i]!));
      } catch (error) {
        indexer.run.problems.push(`cannot index: ${(error as Error).message}`);
      } finally {
        releaseReadBuffer();
      }
    });
    this.columnsBuilt = undefined;
    return listed.map((indexer) => indexer.run.id);
  }

  private closePool(): void {
    this.pool?.close();
    this.pool = undefined;
  }

  /** Stops building columns (the server is stopping): the workers end, runs still pending keep no points. */
  close(): void {
    this.pendingColumns.clear();
    this.closePool();
  }

  /** New runs and files under the PATHs, each added once (ids of new runs into `changed`). */
  private discover(changed: Set<string>): void {
    const found = this.discovery.scan();
    this.traceFiles = found.traceFiles.filter((f) => this.guard.allowed(f) !== undefined).sort();
    for (const [dir, { root, files }] of found.tensorboardRuns) {
      let indexer = this.byDirectory.get(dir);
      if (indexer === undefined) {
        const id = this.uniqueId(`tb:${runNameOf(root, dir)}`);
        const run = new ViewRun(id, runNameOf(root, dir), 'tensorboard', dir);
        indexer = new TensorBoardRunIndexer(run);
        this.byDirectory.set(dir, indexer);
        this.add(run, indexer);
        changed.add(id);
      }
      for (const file of files) {
        if (!indexer.hasFile(file) && this.guard.allowed(file) !== undefined) indexer.addFile(file);
      }
    }
    for (const { root, file } of found.wandbFiles) {
      if (this.wandbFiles.has(file) || this.guard.allowed(file) === undefined) continue;
      this.wandbFiles.add(file);
      const runDir = dirname(file);
      const name = runDir === root ? basename(file, '.wandb') : runNameOf(root, runDir);
      const id = this.uniqueId(`wandb:${name}`);
      const run = new ViewRun(id, name, 'wandb', file);
      this.add(run, new WandbRunIndexer(run, file, this.guard));
      changed.add(id);
    }
  }

  /** Reads what every run's files gained (ids of runs that changed into `changed`). */
  private pollAll(changed: Set<string>): void {
    try {
      this.pollEach(changed);
    } finally {
      releaseReadBuffer();
    }
  }

  private pollEach(changed: Set<string>): void {
    for (const [id, indexer] of this.indexers) {
      // Polled once its columns are in: points read now would come before the ones the second pass adds.
      if (this.pendingColumns.has(indexer)) continue;
      try {
        if (indexer.poll()) changed.add(id);
      } catch (error) {
        // One unreadable or malformed run must not stop the others (or the server): it shows the problem.
        const run = this.runs.get(id)!;
        const message = `cannot index: ${(error as Error).message}`;
        if (!run.problems.includes(message)) run.problems.push(message);
      }
    }
  }

  /** Runs in name order. */
  list(): ViewRun[] {
    return [...this.runs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Numeric data held by every run (24 bytes a point) and the bytes reserved for it. */
  numericBytes(): { data: number; reserved: number } {
    let data = 0;
    let reserved = 0;
    for (const run of this.runs.values()) {
      const bytes = run.numericBytes();
      data += bytes.data;
      reserved += bytes.reserved;
    }
    return { data, reserved };
  }

  private add(run: ViewRun, indexer: Indexer): void {
    this.runs.set(run.id, run);
    this.indexers.set(run.id, indexer);
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.runs.has(id); n++) id = `${base}~${n}`;
    return id;
  }
}
