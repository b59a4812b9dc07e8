import { MAX_LINE_BYTES } from '../history-value.js';
import type { HttpResult, WandbHttpClient } from './http-client.js';
import { LineQueue } from './line-queue.js';
import { OutputLineQueue } from './output-line-queue.js';

export const HISTORY_FILE = 'wandb-history.jsonl';
export const SUMMARY_FILE = 'wandb-summary.json';
export const EVENTS_FILE = 'wandb-events.jsonl';
export const OUTPUT_FILE = 'output.log';

/** Milliseconds between data POSTs for a run that is `runAgeMs` old. */
export type BatchSchedule = (runAgeMs: number) => number;

/** The official client's pace: every 2 s for the first minute, 10 s until five minutes, then 30 s. */
export const officialBatchSchedule: BatchSchedule = (age) =>
  age < 60_000 ? 2_000 : age < 300_000 ? 10_000 : 30_000;

/**
 * Lines waiting for W&B beyond this (UTF-16 code units, about 64 MB) stop the live stream: the run is in the
 * local log anyway, and `trainscope sync` sends the rest. This bounds the memory a slow server can pin.
 */
export const DEFAULT_MAX_PENDING_CHARS = 32 * 1024 * 1024;

export type StreamedFile = 'history' | 'events' | 'output';

/** Why the stream stopped before `complete`: the caller keeps the run in its local log. */
export interface FileStreamStop {
  readonly reason: 'auth' | 'unreachable' | 'overflow';
  readonly message: string;
}

export interface FileStreamTarget {
  readonly entity: string;
  readonly project: string;
  readonly runId: string;
}

export interface FileStreamOptions {
  readonly schedule?: BatchSchedule;
  /** Post a notice when nothing was posted for this long (ms). */
  readonly heartbeatMs?: number;
  /** Offsets of the first line pushed, when resuming a stream. */
  readonly startOffsets?: Partial<Record<StreamedFile, number>>;
  /** Approximate upper bound of one request body (UTF-16 code units). */
  readonly maxRequestChars?: number;
  /** Pending data beyond this stops the stream with `overflow` (the local log still has it). */
  readonly maxPendingChars?: number;
  /** Run start (ms since epoch): the batching schedule follows the run's age. */
  readonly runStartedAt?: number;
}

export interface FileStreamEvents {
  /** Lines before `nextOffset` of `file` are stored by the server. */
  onAcked?(file: StreamedFile, nextOffset: number): void;
  onStopped?(stop: FileStreamStop): void;
  /** A line or batch was dropped (too long, or refused with 400/404/409). */
  onDropped?(message: string): void;
}

export interface FileStreamStats {
  requests: number;
  dataRequests: number;
  droppedLines: number;
  droppedBatches: number;
}

/**
 * Streams a run's history, summary and system-metric lines to W&B's `file_stream` endpoint.
 *
 * One request in flight at a time; a batch is re-posted with the same body (same offsets) until it is
 * acknowledged, so a retry overwrites instead of duplicating. Data goes out at most once per batching interval.
 */
export class FileStreamClient {
  readonly stats: FileStreamStats = { requests: 0, dataRequests: 0, droppedLines: 0, droppedBatches: 0 };
  private readonly history: LineQueue;
  private readonly events: LineQueue;
  private readonly output: OutputLineQueue;
  private summaryLine: string | undefined;
  private summaryDirty = false;
  private summarySource: (() => string) | undefined;
  private uploaded: string[] = [];
  private readonly schedule: BatchSchedule;
  private readonly heartbeatMs: number;
  private readonly maxRequestChars: number;
  private readonly maxPendingChars: number;
  private readonly runStartedAt: number;
  private readonly url: string;
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> | undefined;
  private lastPostAt = Date.now();
  private stopInfo: FileStreamStop | undefined;
  private completed = false;
  private finishing = false;

  constructor(
    private readonly http: WandbHttpClient,
    target: FileStreamTarget,
    options: FileStreamOptions = {},
    private readonly events_: FileStreamEvents = {},
  ) {
    this.url = `/files/${encodeURIComponent(target.entity)}/${encodeURIComponent(target.project)}/${encodeURIComponent(target.runId)}/file_stream`;
    this.schedule = options.schedule ?? officialBatchSchedule;
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.maxRequestChars = options.maxRequestChars ?? 8 * 1024 * 1024;
    this.maxPendingChars = options.maxPendingChars ?? DEFAULT_MAX_PENDING_CHARS;
    this.runStartedAt = options.runStartedAt ?? Date.now();
    this.history = new LineQueue(options.startOffsets?.history ?? 0);
    this.events = new LineQueue(options.startOffsets?.events ?? 0);
    this.output = new OutputLineQueue(options.startOffsets?.output ?? 0);
  }

  /** Set once the stream gave up (auth, unreachable, overflow); later pushes are ignored. */
  get stopped(): FileStreamStop | undefined {
    return this.stopInfo;
  }

  get isComplete(): boolean {
    return this.completed;
  }

  /** Offset the next pushed line of `file` will get. */
  nextOffset(file: StreamedFile): number {
    const q = this.queue(file);
    return q.offset + q.lines.length;
  }

  /** Offset of the first line the server has not acknowledged. */
  ackedOffset(file: StreamedFile): number {
    return this.queue(file).offset;
  }

  get pendingChars(): number {
    return (
      this.history.chars +
      this.events.chars +
      this.output.chars +
      (this.summaryDirty ? (this.summaryLine?.length ?? 0) : 0)
    );
  }

  private queue(file: StreamedFile): LineQueue {
    return file === 'history' ? this.history : file === 'events' ? this.events : this.output;
  }

  /** Starts the batching timer. */
  start(): void {
    this.arm();
  }

  pushHistory(line: string): boolean {
    return this.push(this.history, HISTORY_FILE, line);
  }

  pushEvents(line: string): boolean {
    return this.push(this.events, EVENTS_FILE, line);
  }

  /** One console line for `output.log` (ending in `\n`); `rewriteOutput` replaces the one at `offset`. */
  pushOutput(line: string): boolean {
    return this.push(this.output, OUTPUT_FILE, line);
  }
  rewriteOutput(offset: number, line: string): void {
    if (!this.stopInfo && !this.completed) this.output.rewrite(offset, line);
  }

  /**
   * The whole current summary, as one JSON line (replaces the previous one). A function is called only when a
   * request is about to go out, so a summary that changes on every row is serialized once per batch.
   */
  setSummary(line: string | (() => string)): void {
    if (this.stopInfo || this.completed) return;
    if (typeof line === 'function') {
      this.summarySource = line;
      this.summaryDirty = true;
      return;
    }
    this.summarySource = undefined;
    if (line === this.summaryLine && !this.summaryDirty) return;
    this.summaryLine = line;
    this.summaryDirty = true;
  }

  /** Names a file whose storage upload finished, for the next notice. */
  markUploaded(name: string): void {
    if (!this.uploaded.includes(name)) this.uploaded.push(name);
  }

  /** Sends everything pending now, ignoring the schedule. Resolves `false` if the stream stopped. */
  async drain(): Promise<boolean> {
    await this.exclusive(async () => {
      while (!this.stopInfo && this.hasData()) await this.postData();
      if (!this.stopInfo && this.uploaded.length > 0 && !this.finishing) await this.postNotice();
    });
    return this.stopInfo === undefined;
  }

  /** Sends what is pending, then the final `complete` message. Resolves `true` once the server has it. */
  async finish(exitCode: number): Promise<boolean> {
    this.finishing = true;
    this.disarm();
    if (!(await this.drain())) return false;
    await this.exclusive(async () => {
      const body = JSON.stringify({
        complete: true,
        exitcode: exitCode,
        dropped: this.stats.droppedBatches,
        uploaded: this.uploaded,
      });
      const result = await this.post(body);
      if (result.outcome === 'ok' || result.outcome === 'rejected') this.completed = true;
      if (result.outcome === 'ok') this.uploaded = [];
      else if (result.outcome === 'rejected')
        this.drop(`W&B refused the final file_stream message (HTTP ${result.status})`);
      else this.stopOn(result);
    });
    return this.completed;
  }

  /** Stops the timer without sending anything more (the backend switched to its local log). */
  stop(stop: FileStreamStop): void {
    if (this.stopInfo) return;
    this.stopInfo = stop;
    this.disarm();
    this.events_.onStopped?.(stop);
  }

  private push(queue: LineQueue, file: string, line: string): boolean {
    if (this.stopInfo || this.completed) return false;
    if (exceedsLineLimit(line)) {
      this.stats.droppedLines++;
      this.drop(
        `a ${file} line of ${Buffer.byteLength(line)} bytes is over W&B's ${MAX_LINE_BYTES}-byte limit; dropped`,
      );
      return false;
    }
    queue.lines.push(line);
    queue.chars += line.length;
    if (this.pendingChars > this.maxPendingChars) {
      this.stop({
        reason: 'overflow',
        message: `more than ${this.maxPendingChars} characters are waiting for W&B (the server is slower than the trainer)`,
      });
      return false;
    }
    return true;
  }

  private hasData(): boolean {
    return (
      this.history.lines.length > 0 ||
      this.events.lines.length > 0 ||
      this.output.lines.length > 0 ||
      this.summaryDirty
    );
  }

  private arm(): void {
    if (this.timer || this.stopInfo || this.finishing || this.completed) return;
    const interval = Math.max(1, this.schedule(Date.now() - this.runStartedAt));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, interval);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    if (this.busy || this.finishing) {
      this.arm();
      return;
    }
    await this.exclusive(async () => {
      if (this.hasData()) {
        await this.postData();
        // Catch up only while a whole request's worth is still waiting.
        while (!this.stopInfo && this.history.chars + this.events.chars >= this.maxRequestChars)
          await this.postData();
      }
      if (this.stopInfo || this.finishing) return;
      if (this.uploaded.length > 0 || Date.now() - this.lastPostAt >= this.heartbeatMs)
        await this.postNotice();
    });
    this.arm();
  }

  private async exclusive(work: () => Promise<void>): Promise<void> {
    while (this.busy) await this.busy;
    const run = work().finally(() => {
      this.busy = undefined;
    });
    this.busy = run;
    await run;
  }

  private async postData(): Promise<void> {
    let budget = this.maxRequestChars;
    const files: Record<string, { offset: number; content: string[] }> = {};
    if (this.summaryDirty && this.summarySource) {
      this.summaryLine = this.summarySource();
      this.summarySource = undefined;
    }
    let summary = this.summaryDirty ? this.summaryLine : undefined;
    if (summary !== undefined && exceedsLineLimit(summary)) {
      this.drop(
        `W&B summary line of ${Buffer.byteLength(summary)} bytes is over the ${MAX_LINE_BYTES}-byte limit; not sent`,
      );
      this.summaryDirty = false;
      summary = undefined;
    }
    if (summary !== undefined) {
      files[SUMMARY_FILE] = { offset: 0, content: [summary] };
      budget -= summary.length;
    }
    const taken: [LineQueue, StreamedFile, number][] = [];
    for (const [queue, file, name] of [
      [this.history, 'history', HISTORY_FILE],
      [this.events, 'events', EVENTS_FILE],
      [this.output, 'output', OUTPUT_FILE],
    ] as const) {
      if (queue.lines.length === 0 || (budget <= 0 && taken.length > 0)) continue;
      const content = queue.take(Math.max(1, budget));
      files[name] = { offset: queue.offset, content };
      for (const line of content) budget -= line.length;
      taken.push([queue, file, content.length]);
    }
    const body = JSON.stringify({ files, dropped: this.stats.droppedBatches });
    this.stats.dataRequests++;
    const result = await this.post(body);
    if (result.outcome === 'ok' || result.outcome === 'rejected') {
      if (result.outcome === 'rejected') {
        const lines = taken.reduce((sum, [, , n]) => sum + n, 0);
        this.stats.droppedBatches++;
        this.stats.droppedLines += lines;
        this.drop(`W&B refused a file_stream batch (HTTP ${result.status}); ${lines} lines dropped`);
      }
      if (summary !== undefined && this.summaryLine === summary && !this.summarySource)
        this.summaryDirty = false;
      for (const [queue, file, n] of taken) {
        queue.ack(n);
        this.events_.onAcked?.(file, queue.offset);
      }
      return;
    }
    this.stopOn(result);
  }

  private async postNotice(): Promise<void> {
    // A copy: names added while this notice is in flight must stay for the next one.
    const names = [...this.uploaded];
    const body = JSON.stringify({
      complete: false,
      failed: false,
      dropped: this.stats.droppedBatches,
      uploaded: names,
    });
    const result = await this.post(body);
    if (result.outcome === 'ok' || result.outcome === 'rejected') {
      this.uploaded = this.uploaded.filter((n) => !names.includes(n));
      return;
    }
    this.stopOn(result);
  }

  private async post(body: string): Promise<HttpResult> {
    this.stats.requests++;
    this.lastPostAt = Date.now();
    const result = await this.http.send({
      kind: 'file_stream',
      method: 'POST',
      url: this.url,
      body,
      contentType: 'application/json',
    });
    this.lastPostAt = Date.now();
    return result;
  }

  private stopOn(result: HttpResult): void {
    if (result.outcome === 'auth') {
      this.stop({ reason: 'auth', message: `W&B refused the API key (HTTP ${result.status})` });
    } else if (result.outcome === 'gave-up') {
      this.stop({ reason: 'unreachable', message: `W&B file_stream failed: ${result.reason}` });
    }
  }

  private drop(message: string): void {
    this.events_.onDropped?.(message);
  }
}

/** Whether W&B would refuse `line` as longer than `MAX_LINE_BYTES` (such lines are dropped, never sent). */
export function exceedsLineLimit(line: string): boolean {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: only long lines need the exact count.
  return line.length * 3 > MAX_LINE_BYTES && Buffer.byteLength(line) > MAX_LINE_BYTES;
}
