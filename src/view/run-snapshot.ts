import { SeriesColumn, type SeriesData } from './series-column.js';
import type { GraphEntry, HistogramPoint, TablePoint, TextPoint, ViewRun } from './view-run.js';

/**
 * What an indexing worker learned about a run, as structured-cloneable data (maps as entry lists, scalar columns
 * as views of one buffer per run, which is transferred, not copied). `snapshotRun` makes it in the worker; `restoreRun` puts it
 * into the main thread's `ViewRun`, which then goes on as if it had read the files itself.
 */
export interface RunSnapshot {
  readonly scalars: [string, SeriesData][];
  readonly system: [string, SeriesData][];
  readonly histograms: [string, HistogramPoint[]][];
  readonly texts: [string, TextPoint[]][];
  readonly tables: [string, TablePoint[]][];
  readonly problems: string[];
  readonly graphs: GraphEntry[];
  readonly config: Record<string, unknown>;
  readonly hparams: Record<string, unknown>;
  readonly startTime: number | null;
  readonly lastTime: number | null;
  readonly exitCode: number | null;
  readonly ended: 'finished' | 'crashed' | undefined;
  readonly expectsEndRecord: boolean;
  readonly lastGrowthMs: number;
}

export function snapshotRun(run: ViewRun): RunSnapshot {
  // Every column of the run packed into one buffer (exactly as long as the data): one transfer, one allocation.
  let points = 0;
  for (const map of [run.scalars, run.system]) for (const column of map.values()) points += column.length;
  const packed = new Float64Array(points * 3);
  let at = 0;
  const columns = (map: Map<string, SeriesColumn>): [string, SeriesData][] =>
    [...map].map(([tag, column]) => {
      const data = column.copyTo(packed, at);
      at += column.length * 3;
      return [tag, data];
    });
  return {
    scalars: columns(run.scalars),
    system: columns(run.system),
    histograms: [...run.histograms],
    texts: [...run.texts],
    tables: [...run.tables],
    problems: run.problems,
    graphs: run.graphs,
    config: run.config,
    hparams: run.hparams,
    startTime: run.startTime,
    lastTime: run.lastTime,
    exitCode: run.exitCode,
    ended: run.ended,
    expectsEndRecord: run.expectsEndRecord,
    lastGrowthMs: run.lastGrowthMs,
  };
}

/** The buffers of a snapshot's columns (each once), to transfer with it. */
export function snapshotBuffers(snapshot: RunSnapshot): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const [, data] of [...snapshot.scalars, ...snapshot.system]) {
    for (const array of [data.steps, data.wallTimes, data.values]) buffers.add(array.buffer as ArrayBuffer);
  }
  return [...buffers];
}

export function restoreRun(run: ViewRun, snapshot: RunSnapshot): void {
  for (const [tag, data] of snapshot.scalars) run.scalars.set(tag, SeriesColumn.fromData(data));
  for (const [tag, data] of snapshot.system) run.system.set(tag, SeriesColumn.fromData(data));
  for (const [tag, points] of snapshot.histograms) run.histograms.set(tag, points);
  for (const [tag, points] of snapshot.texts) run.texts.set(tag, points);
  for (const [tag, points] of snapshot.tables) run.tables.set(tag, points);
  run.problems.push(...snapshot.problems);
  run.graphs.push(...snapshot.graphs);
  run.config = snapshot.config;
  run.hparams = snapshot.hparams;
  run.startTime = snapshot.startTime;
  run.lastTime = snapshot.lastTime;
  run.exitCode = snapshot.exitCode;
  run.ended = snapshot.ended;
  run.expectsEndRecord = snapshot.expectsEndRecord;
  run.lastGrowthMs = snapshot.lastGrowthMs;
  run.version++;
}

/** Puts in the scalar columns of a snapshot (a second pass over what a listing pass read), replacing the run's. */
export function restoreColumns(run: ViewRun, snapshot: RunSnapshot): void {
  for (const [map, columns] of [
    [run.scalars, snapshot.scalars],
    [run.system, snapshot.system],
  ] as const) {
    map.clear();
    for (const [tag, data] of columns) map.set(tag, SeriesColumn.fromData(data));
  }
  run.version++;
}
