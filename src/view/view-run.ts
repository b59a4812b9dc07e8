import type { GraphNode } from './graph-def-decoder.js';
import type { GraphLayout } from './graph-layout.js';
import { SeriesColumn } from './series-column.js';

export type RunSource = 'tensorboard' | 'wandb';
export type RunStatus = 'running' | 'finished' | 'crashed';

export interface HistogramPoint {
  readonly step: number;
  readonly wallTime: number;
  /** `[left, right, count]` rows. */
  readonly buckets: [number, number, number][];
}

export interface TextPoint {
  readonly step: number;
  readonly wallTime: number;
  /** Markdown (TensorBoard's text plugin renders it); rendered in the page as DOM nodes, never as HTML. */
  readonly text: string;
}

export interface TablePoint {
  readonly step: number;
  readonly wallTime: number;
  readonly columns: string[];
  readonly rows: unknown[][];
}

/** A model graph or summary: text always; nodes when a graph (GraphDef, Keras config) could be read. */
export interface GraphEntry {
  readonly name: string;
  readonly text: string;
  readonly nodes?: GraphNode[];
  /** Where to draw the nodes; absent when there are too many to draw. */
  readonly layout?: GraphLayout;
}

export interface ConsoleLine {
  readonly time: number;
  readonly stream: 'stdout' | 'stderr';
  readonly line: string;
}

/** What the API says about a run in the runs list. */
export interface RunSummaryJson {
  readonly id: string;
  readonly name: string;
  readonly source: RunSource;
  readonly path: string;
  readonly status: RunStatus;
  readonly exitCode: number | null;
  /** Seconds since the epoch. */
  readonly startTime: number | null;
  readonly durationSeconds: number | null;
  readonly config: Record<string, unknown>;
  readonly tags: string[];
  readonly counts: Record<string, number>;
  readonly problems: string[];
}

/** A run grows only by a file past a minute without news when it has no exit record. */
const RUNNING_WINDOW_MS = 60_000;

/**
 * Everything the dashboard knows about one run, in the shape the API serves: scalars as typed-array columns,
 * histograms, text, tables, console lines, system metrics, config and hparams. Filled by an indexer
 * (TensorBoard or W&B); read by the API.
 */
export class ViewRun {
  readonly scalars = new Map<string, SeriesColumn>();
  readonly system = new Map<string, SeriesColumn>();
  readonly histograms = new Map<string, HistogramPoint[]>();
  readonly texts = new Map<string, TextPoint[]>();
  readonly tables = new Map<string, TablePoint[]>();
  readonly consoleLines: ConsoleLine[] = [];
  readonly problems: string[] = [];
  /** Graphs and model summaries logged (a TensorBoard GraphDef, a Keras conceptual graph, a `model` text). */
  readonly graphs: GraphEntry[] = [];
  config: Record<string, unknown> = {};
  hparams: Record<string, unknown> = {};
  /** Final values the run declared (W&B summary), merged over the last scalar values. */
  summary: Record<string, unknown> = {};
  tags: string[] = [];
  displayName: string | undefined;
  startTime: number | null = null;
  lastTime: number | null = null;
  exitCode: number | null = null;
  /** Set by an end record: W&B exit, TensorBoard hparams session end. */
  ended: 'finished' | 'crashed' | undefined;
  /**
   * Whether the writer closes its runs with an end record (W&B always; TensorBoard writers that log an hparams
   * session start, as trainscope does): such a run that stopped growing without one was killed.
   */
  expectsEndRecord = false;
  /** When a file of the run was last written (ms since the epoch), from its modification time. */
  lastGrowthMs = 0;
  /** Bumped on every change, so the page can ask only for what changed. */
  version = 0;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly source: RunSource,
    readonly path: string,
  ) {}

  scalar(tag: string, target: Map<string, SeriesColumn> = this.scalars): SeriesColumn {
    let column = target.get(tag);
    if (column === undefined) {
      column = new SeriesColumn();
      target.set(tag, column);
    }
    return column;
  }

  seeTime(seconds: number): void {
    if (!(seconds > 0)) return;
    if (this.startTime === null || seconds < this.startTime) this.startTime = seconds;
    if (this.lastTime === null || seconds > this.lastTime) this.lastTime = seconds;
  }

  /** `seeTime` for the first `length` of `seconds` (a batch of points): two calls instead of one per point. */
  seeTimes(seconds: Float64Array, length: number): void {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < length; i++) {
      const time = seconds[i]!;
      if (time > 0) {
        if (time < first) first = time;
        if (time > last) last = time;
      }
    }
    if (last > 0) {
      this.seeTime(first);
      this.seeTime(last);
    }
  }

  pushTo<T>(map: Map<string, T[]>, tag: string, point: T): void {
    let list = map.get(tag);
    if (list === undefined) {
      list = [];
      map.set(tag, list);
    }
    list.push(point);
  }

  status(nowMs = Date.now()): RunStatus {
    if (this.ended !== undefined) return this.ended;
    if (nowMs - this.lastGrowthMs < RUNNING_WINDOW_MS) return 'running';
    return this.expectsEndRecord ? 'crashed' : 'finished';
  }

  /** The last value of every scalar tag, overlaid by the run's own summary (final metrics). */
  finalMetrics(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [tag, column] of this.scalars) {
      if (column.length > 0) out[tag] = column.lastValue;
    }
    for (const [key, value] of Object.entries(this.summary)) {
      if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
        out[key] = value;
    }
    return out;
  }

  /** Bytes of numeric data held (24 per scalar point) and bytes reserved for it. */
  numericBytes(): { data: number; reserved: number } {
    let data = 0;
    let reserved = 0;
    for (const map of [this.scalars, this.system]) {
      for (const column of map.values()) {
        data += column.length * 24;
        reserved += column.byteLength;
      }
    }
    return { data, reserved };
  }

  toSummaryJson(nowMs = Date.now()): RunSummaryJson {
    const count = (map: Map<string, unknown>): number => map.size;
    return {
      id: this.id,
      name: this.displayName ?? this.name,
      source: this.source,
      path: this.path,
      status: this.status(nowMs),
      exitCode: this.exitCode,
      startTime: this.startTime,
      durationSeconds:
        this.startTime !== null && this.lastTime !== null ? this.lastTime - this.startTime : null,
      config: this.config,
      tags: this.tags,
      counts: {
        scalars: count(this.scalars),
        histograms: count(this.histograms),
        texts: count(this.texts),
        tables: count(this.tables),
        system: count(this.system),
        console: this.consoleLines.length,
        graphs: this.graphs.length,
      },
      problems: this.problems,
    };
  }
}
