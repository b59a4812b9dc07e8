import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { EventMessage, SummaryValueMessage } from '../trackers/tensorboard/proto.js';
import { SessionLogStatus } from '../trackers/tensorboard/proto.js';
import { migrateLegacyValue } from '../trackers/tensorboard/data-class-migration.js';
import { KERAS_MODEL_PLUGIN } from '../trackers/tensorboard/keras-model-graph.js';
import {
  type HistogramBuckets,
  pointValueOf,
  type TagKindInfo,
  tagKindOf,
} from '../trackers/tensorboard/tag-point-value.js';
import { EventFileTailer } from './event-file-tailer.js';
import type { IndexJob } from './index-job.js';
import { graphDefEntry, kerasGraphEntry } from './graph-entry.js';
import { parseMarkdownTable } from './markdown-table.js';
import { type RunSnapshot, restoreColumns, restoreRun, snapshotRun } from './run-snapshot.js';
import type { ScalarBatch } from './scalar-batch.js';
import type { SeriesColumn } from './series-column.js';
import type { ViewRun } from './view-run.js';

const SYSTEM_PREFIX = 'system/';

export interface TensorBoardIndexerSnapshot {
  readonly run: RunSnapshot;
  readonly kinds: [string, TagKindInfo][];
  readonly startsSeen: number;
  readonly files: { path: string; offset: number; stopped: boolean }[];
}
/** Text tags shown on the graph/summary page as well (a model summary logged as text). */
const GRAPH_TEXT_TAG = /(^|\/)(model|graph|architecture|model_summary)$/i;

/**
 * Keeps one TensorBoard run (a directory of event files, read in name order) up to date: tails each file and
 * applies its events as TensorBoard's loader does (purge on a second SessionLog.START, legacy values converted
 * by the project's `tagKindOf`/`pointValueOf`).
 */
export class TensorBoardRunIndexer {
  private readonly tailers: EventFileTailer[] = [];
  private readonly kinds = new Map<string, TagKindInfo>();
  /** Columns by the decoder's tag id: the per-point lookup of the fast path is an array read. */
  private readonly columnsByTagId: (SeriesColumn | undefined)[] = [];
  /** Points per tag id in the batch being applied (zero between batches; grown with the tag ids). */
  private batchCounts = new Int32Array(64);
  private startsSeen = 0;

  /**
   * `listOnly`: keeps no scalar points (the tags, their kinds and the times only), for the quick first pass over a
   * large logdir; the columns are built by a second pass and put in with `restoreColumns`.
   */
  constructor(
    readonly run: ViewRun,
    private readonly listOnly = false,
  ) {}

  hasFile(path: string): boolean {
    return this.tailers.some((t) => t.path === path);
  }

  addFile(path: string): void {
    this.tailers.push(new EventFileTailer(path));
    this.tailers.sort((a, b) => (basename(a.path) < basename(b.path) ? -1 : 1));
  }

  /** Whether nothing was read yet: a run a worker may index from the start. */
  get untouched(): boolean {
    return this.tailers.every((t) => t.bytesRead === 0) && this.run.problems.length === 0;
  }

  /** The job for an indexing worker: this run's directory and files. */
  get job(): IndexJob {
    return { dir: this.run.path, files: this.tailers.map((t) => t.path) };
  }

  /** The job that builds the columns of what was read so far (and nothing past it). */
  get columnsJob(): IndexJob {
    const limits: Record<string, number> = {};
    for (const tailer of this.tailers) limits[tailer.path] = tailer.bytesRead;
    return { ...this.job, limits };
  }

  /** The indexer's and its run's state after reading (in an indexing worker), as structured-cloneable data. */
  snapshot(): TensorBoardIndexerSnapshot {
    return {
      run: snapshotRun(this.run),
      kinds: [...this.kinds],
      startsSeen: this.startsSeen,
      files: this.tailers.map((t) => ({ path: t.path, ...t.state })),
    };
  }

  /** Takes over what a worker read: the next `poll` reads only what the files gained since. */
  restore(snapshot: TensorBoardIndexerSnapshot): void {
    restoreRun(this.run, snapshot.run);
    for (const [tag, kind] of snapshot.kinds) this.kinds.set(tag, kind);
    this.startsSeen = snapshot.startsSeen;
    for (const file of snapshot.files) {
      if (!this.hasFile(file.path)) this.addFile(file.path);
      this.tailers.find((t) => t.path === file.path)!.resume(file);
    }
  }

  /** Takes the scalar columns of a second pass (`columnsJob`) over what a listing pass read. */
  restoreColumns(snapshot: TensorBoardIndexerSnapshot): void {
    restoreColumns(this.run, snapshot.run);
    this.columnsByTagId.length = 0;
  }

  /** Reads what every file gained (up to `limits`, by path, when given); true when the run changed. */
  poll(limits?: Readonly<Record<string, number>>): boolean {
    let changed = false;
    for (const tailer of this.tailers) {
      const sink = {
        scalars: (batch: ScalarBatch) => (this.listOnly ? this.listScalars(batch) : this.applyScalars(batch)),
        event: (event: EventMessage) => this.apply(event, tailer.path),
      };
      const { records, problem } = tailer.poll(sink, limits?.[tailer.path]);
      if (problem !== undefined) this.run.problems.push(problem);
      if (records > 0 || problem !== undefined) changed = true;
    }
    if (changed) {
      this.run.lastGrowthMs = this.lastModifiedMs();
      this.run.version++;
    }
    return changed;
  }

  /** When a file of the run was last written: a run counts as running for a while after. */
  private lastModifiedMs(): number {
    let latest = 0;
    for (const tailer of this.tailers) {
      try {
        latest = Math.max(latest, statSync(tailer.path).mtimeMs);
      } catch {
        // gone: keeps what was read
      }
    }
    return latest;
  }

  /**
   * Plain scalar events (the tailer's fast path), what `applyValue` does for each `simple_value`: first how many
   * points each tag gains (so each column allocates one block for the whole batch), then the points.
   */
  private applyScalars(batch: ScalarBatch): void {
    const { length, tagIds, tags, steps, wallTimes, values } = batch;
    const byTagId = this.columnsByTagId;
    const touched: number[] = [];
    let counts = this.batchCounts;
    for (let i = 0; i < length; i++) {
      const tagId = tagIds[i]!;
      if (tagId >= counts.length) counts = this.growCounts(tagId);
      if (counts[tagId]!++ === 0) {
        touched.push(tagId);
        if (byTagId[tagId] === undefined) this.scalarColumn(tagId, tags[i]!);
      }
    }
    for (const tagId of touched) {
      byTagId[tagId]!.reserve(counts[tagId]!);
      counts[tagId] = 0;
    }
    for (let i = 0; i < length; i++) byTagId[tagIds[i]!]!.push(steps[i]!, wallTimes[i]!, values[i]!);
    this.run.seeTimes(wallTimes, length);
  }

  /** What `applyScalars` does but keep the points: each tag's column (empty) and the times. */
  private listScalars(batch: ScalarBatch): void {
    const { length, tagIds, tags, wallTimes } = batch;
    const byTagId = this.columnsByTagId;
    for (let i = 0; i < length; i++) {
      if (byTagId[tagIds[i]!] === undefined) this.scalarColumn(tagIds[i]!, tags[i]!);
    }
    this.run.seeTimes(wallTimes, length);
  }

  private growCounts(tagId: number): Int32Array<ArrayBuffer> {
    const grown = new Int32Array(Math.max(tagId + 1, this.batchCounts.length * 2));
    grown.set(this.batchCounts);
    this.batchCounts = grown;
    return grown;
  }

  /** The column of a tag the fast path meets for the first time (under this tag id). */
  private scalarColumn(tagId: number, tag: string): SeriesColumn {
    const run = this.run;
    if (!this.kinds.has(tag)) this.kinds.set(tag, { plugin: 'scalars', dataClass: 'SCALAR' });
    const column = tag.startsWith(SYSTEM_PREFIX)
      ? run.scalar(tag.slice(SYSTEM_PREFIX.length), run.system)
      : run.scalar(tag);
    this.columnsByTagId[tagId] = column;
    return column;
  }

  private apply(event: EventMessage, path: string): void {
    const step = event.step ?? 0;
    const wallTime = event.wallTime ?? 0;
    this.run.seeTime(wallTime);
    if (event.sessionLog?.status === SessionLogStatus.START) {
      if (this.startsSeen++ > 0) this.purgeFrom(step);
      return;
    }
    if (event.graphDef !== undefined && event.graphDef.length > 0)
      this.run.graphs.push(graphDefEntry(event.graphDef, `${basename(path)} · step ${step}`));
    for (const value of event.summary?.value ?? []) this.applyValue(value, step, wallTime);
  }

  private applyValue(value: SummaryValueMessage, step: number, wallTime: number): void {
    const tag = value.tag ?? '';
    let kind = this.kinds.get(tag);
    if (kind === undefined) {
      // The first value's metadata decides, after the legacy migration TensorBoard's loader applies.
      kind = tagKindOf(migrateLegacyValue(value).metadata);
      this.kinds.set(tag, kind);
    }
    const run = this.run;
    if (kind.plugin === 'hparams') {
      this.applyHparams(tagKindOf(value.metadata).pluginContent);
      return;
    }
    const point = pointValueOf(value, kind.plugin);
    if (kind.plugin === KERAS_MODEL_PLUGIN && typeof point === 'string') {
      this.run.graphs.push(kerasGraphEntry(point, `${tag} · step ${step}`));
      return;
    }
    if (typeof point === 'number' && kind.plugin === 'scalars') {
      if (tag.startsWith(SYSTEM_PREFIX))
        run.scalar(tag.slice(SYSTEM_PREFIX.length), run.system).push(step, wallTime, point);
      else run.scalar(tag).push(step, wallTime, point);
    } else if (kind.plugin === 'histograms' && Array.isArray(point)) {
      run.pushTo(run.histograms, tag, { step, wallTime, buckets: point as HistogramBuckets });
    } else if (kind.plugin === 'text' && (typeof point === 'string' || Array.isArray(point))) {
      const text = typeof point === 'string' ? point : (point as string[]).join('\n');
      const table = parseMarkdownTable(text);
      if (table !== undefined) run.pushTo(run.tables, tag, { step, wallTime, ...table });
      else run.pushTo(run.texts, tag, { step, wallTime, text });
      if (GRAPH_TEXT_TAG.test(tag)) run.graphs.push({ name: tag, text });
    }
  }

  private applyHparams(content: Record<string, unknown> | undefined): void {
    if (content === undefined) return;
    const start = content.sessionStartInfo as { hparams?: Record<string, unknown> } | undefined;
    if (start?.hparams !== undefined) {
      this.run.expectsEndRecord = true;
      this.run.hparams = { ...start.hparams };
      this.run.config = { ...start.hparams };
    }
    const end = content.sessionEndInfo as { status?: string } | undefined;
    if (end?.status === 'STATUS_SUCCESS') {
      this.run.ended = 'finished';
      this.run.exitCode = 0;
    } else if (end?.status === 'STATUS_FAILURE') {
      this.run.ended = 'crashed';
    }
  }

  private purgeFrom(step: number): void {
    const run = this.run;
    for (const column of run.scalars.values()) column.purgeFrom(step);
    for (const column of run.system.values()) column.purgeFrom(step);
    for (const map of [run.histograms, run.texts, run.tables] as Map<string, { step: number }[]>[]) {
      for (const [tag, points] of map)
        map.set(
          tag,
          points.filter((p) => p.step < step),
        );
    }
  }
}
