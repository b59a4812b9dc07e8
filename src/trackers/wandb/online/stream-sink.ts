import type { RunInfo } from '../../../core/backend.js';
import type { ConsoleChunk } from '../../../core/console-tap.js';
import { withDeadline } from '../../../core/with-deadline.js';
import { type EncodedHistoryRow, historyLine } from '../history-value.js';
import type { WandbItem } from '../offline/wandb-record.js';
import { endOfRunFiles } from '../run-end-files.js';
import { gitInfo } from '../git-info.js';
import { configWandb, type RunFile, WANDB_METADATA } from '../run-files.js';
import { systemEventsLine } from '../system-metrics.js';
import type { WandbRunEnd, WandbSink } from '../wandb-sink.js';
import type { WandbSummary } from '../wandb-summary.js';
import { ConsoleLines } from './console-lines.js';
import {
  type BatchSchedule,
  DEFAULT_MAX_PENDING_CHARS,
  type FileStreamOptions,
  type FileStreamStop,
} from './file-stream-client.js';
import { WandbGraphqlError } from './graphql-client.js';
import type { WandbHttpClient } from './http-client.js';
import { OnlineRun } from './online-run.js';
import { StreamFeed } from './stream-feed.js';
import { errorMessage } from '../../../core/error-message.js';

export interface WandbStreamSinkOptions {
  readonly http: WandbHttpClient;
  /** `wandb-metadata.json`'s bytes once written (after the GPU probe), uploaded first. */
  readonly metadata: Promise<Uint8Array> | undefined;
  /** The local run's `files/`: its end-of-run files (`config.yaml`, `requirements.txt`, …) are uploaded at finish. */
  readonly filesDirectory?: string;
  readonly schedule?: BatchSchedule;
  readonly heartbeatMs?: number;
  /** Characters of lines waiting for the server before streaming stops (the local log keeps everything). */
  readonly maxPendingChars?: number;
  /** How long `finish` may spend sending the rest of the run (ms, default 20 s). */
  readonly finishBudgetMs?: number;
  /** Streaming stopped for good (auth refused, unreachable, overflow); called once. */
  readonly onStopped: (stop: FileStreamStop) => void;
  /** A batch, line or file was dropped. */
  readonly onError: (message: string) => void;
  /** A resumed run: the line counts W&B holds, where this session's lines go. */
  readonly startOffsets?: FileStreamOptions['startOffsets'];
  /** `UpsertBucket` found the run already there (called when the run was not resumed on purpose). */
  readonly onReused?: () => void;
  /**
   * How long after a metric definition config `_wandb.m` is upserted (ms, default 30 s: the official sender's
   * debounced config flush); whatever is still unsent goes at finish.
   */
  readonly configDebounceMs?: number;
}

/** How far W&B got with a live run: acknowledged line offsets, stored files, and the final `complete`. */
export interface StreamProgress {
  readonly entity: string;
  readonly project: string;
  readonly historyOffset: number;
  readonly eventsOffset: number;
  readonly uploaded: readonly string[];
  readonly complete: boolean;
}

/** What the run produced before W&B created it (`UpsertBucket` had not answered yet). */
interface EarlyData {
  history: string[];
  events: string[];
  output: string[];
  uploads: { path: string; bytes: Uint8Array }[];
  chars: number;
  /** The summary changed without a history row (`summaryChanged`). */
  summary: boolean;
}

const noEarlyData = (): EarlyData => ({
  history: [],
  events: [],
  output: [],
  uploads: [],
  chars: 0,
  summary: false,
});

/** How often a partial console line is sent (or resent when it changed): the official output flush. */
const PARTIAL_LINE_MS = 2_000;

/**
 * The live half of an online run: creates the run on W&B (`UpsertBucket`) and streams what the run model
 * completes over `file_stream` (history and system-metric lines, the summary) and uploads its table files,
 * through a `StreamFeed`. What comes before the server answered waits here, bounded by `maxPendingChars`.
 *
 * It stops for good (once) when the key is refused, the server stays unreachable, or it falls too far behind;
 * the `.wandb` log has the whole run anyway, and `progress()` tells a later `trainscope sync` where to resume.
 */
export class WandbStreamSink implements WandbSink {
  /** Online, table values name their run-table artifact (see `WandbSink.live`). */
  readonly live = true;
  private feed: StreamFeed | undefined;
  private early = noEarlyData();
  private summary: WandbSummary | undefined;
  /** `config._wandb.value.m` (metric definitions), upserted with the config `configDebounceMs` after a change. */
  private configM: readonly Record<string, unknown>[] = [];
  /** `configM` changed since the last config upsert. */
  private configDirty = false;
  private configTimer: NodeJS.Timeout | undefined;
  /** The config upsert in flight (finish waits for it, then sends what changed since). */
  private configSending: Promise<void> = Promise.resolve();
  /** Console writes as `output.log` lines (sent once W&B created the run; bounded by the feed). */
  private readonly console = new ConsoleLines(
    (line) => this.outputLine(line),
    (index, line) => this.rewriteOutputLine(index, line),
  );
  /** Sends partial console lines every 2 s (the official client's output flush), from the first write on. */
  private consoleTimer: NodeJS.Timeout | undefined;
  /** The summary changed before W&B created the run. */
  private stopInfo: FileStreamStop | undefined;
  private completedOnline = false;
  private readonly uploadedPaths: string[] = [];
  private readonly connecting: Promise<void>;

  constructor(
    private readonly run: RunInfo,
    private readonly options: WandbStreamSinkOptions,
  ) {
    this.connecting = this.connect();
  }

  /** The server's run, once `UpsertBucket` answered. */
  get online(): OnlineRun | undefined {
    return this.feed?.run;
  }

  /** The server's run once `UpsertBucket` answered; undefined when it never did. */
  async whenOnline(): Promise<OnlineRun | undefined> {
    await this.connecting;
    return this.feed?.run;
  }

  /** Why streaming stopped, once it did. */
  get stopped(): FileStreamStop | undefined {
    return this.stopInfo;
  }

  /** Whether W&B accepted the final `complete` message. */
  get completed(): boolean {
    return this.completedOnline;
  }

  /** Lines W&B would have refused (over its line limit). */
  get droppedLines(): number {
    return this.feed?.droppedLines ?? 0;
  }

  runFiles(files: readonly RunFile[]): void {
    if (this.stopInfo) return;
    for (const file of files) {
      if (this.feed) this.feed.upload(file.path, file.bytes);
      else this.early.uploads.push({ path: file.path, bytes: file.bytes });
    }
  }

  summaryChanged(summary: WandbSummary): void {
    this.summary = summary;
    if (this.stopInfo) return;
    if (this.feed) this.feed.summary(summary.source);
    else this.early.summary = true;
  }

  historyRow(row: EncodedHistoryRow, summary: WandbSummary): void {
    this.summary = summary;
    if (this.stopInfo) return;
    const line = historyLine(row);
    if (this.feed) {
      this.feed.history(line);
      this.feed.summary(summary.source);
      return;
    }
    this.early.history.push(line);
    this.noteEarly(line.length);
  }

  metricDefined(_record: Uint8Array | undefined, configM: readonly Record<string, unknown>[]): void {
    this.configM = configM;
    this.configDirty = true;
    if (this.configTimer !== undefined || this.stopInfo) return;
    this.configTimer = setTimeout(() => {
      this.configTimer = undefined;
      this.flushConfig();
    }, this.options.configDebounceMs ?? 30_000);
    this.configTimer.unref();
  }

  consoleOutput(chunk: ConsoleChunk): void {
    if (this.stopInfo) return;
    this.console.write(chunk);
    this.consoleTimer ??= setInterval(() => this.console.sendPartials(), PARTIAL_LINE_MS).unref();
  }

  statsRow(items: readonly WandbItem[], timeMs: number): void {
    if (this.stopInfo) return;
    const line = systemEventsLine(items, timeMs, this.run.startTime);
    if (this.feed) {
      this.feed.events(line);
      return;
    }
    this.early.events.push(line);
    this.noteEarly(line.length);
  }

  /** Sends the rest and the final summary within the finish budget; past it, streaming stops (sync resumes). */
  async finish(end: WandbRunEnd): Promise<void> {
    clearInterval(this.consoleTimer);
    // The last `stats` record: its events line goes before `complete`, which ends the stream.
    if (end.finalStats !== undefined) this.statsRow(end.finalStats.items, end.finalStats.timeMs);
    const budget = this.options.finishBudgetMs ?? 20_000;
    const outcome = await withDeadline(this.finishOnline(end), budget, { keepAlive: false });
    if (outcome === 'timeout') {
      this.stop({
        reason: 'unreachable',
        message: `W&B did not take the rest of the run within ${budget} ms`,
      });
    }
  }

  /** Stops streaming for good; the first call wins. */
  stop(stop: FileStreamStop): void {
    if (this.stopInfo) return;
    this.stopInfo = stop;
    clearInterval(this.consoleTimer);
    this.feed?.run.abandon(stop);
    this.early = noEarlyData();
    this.options.onStopped(stop);
  }

  /** What W&B holds of this run so far (for `trainscope-sync.json`), once the run exists there. */
  progress(): StreamProgress | undefined {
    const online = this.feed?.run;
    if (!online) return undefined;
    return {
      entity: online.entity,
      project: online.project,
      historyOffset: online.stream.ackedOffset('history'),
      eventsOffset: online.stream.ackedOffset('events'),
      uploaded: [...this.uploadedPaths],
      complete: this.completedOnline,
    };
  }

  private async connect(): Promise<void> {
    const { http } = this.options;
    let online: OnlineRun;
    try {
      online = await OnlineRun.open(http, onlineRunSpec(this.run), {
        askViewer: true,
        fileStream: {
          schedule: this.options.schedule,
          heartbeatMs: this.options.heartbeatMs,
          maxPendingChars: this.options.maxPendingChars,
          startOffsets: this.options.startOffsets,
        },
        onStopped: (stop) => this.stop(stop),
        onUploaded: (path) => this.uploadedPaths.push(path),
        onError: (message) => this.options.onError(message),
      });
    } catch (error) {
      const failure = error instanceof WandbGraphqlError ? error.failure : 'unreachable';
      const message = http.redact(errorMessage(error));
      this.stop({ reason: failure === 'auth' ? 'auth' : 'unreachable', message });
      return;
    }
    if (!online.inserted) this.options.onReused?.();
    // The metadata goes first; until the GPU probe answered (2 s at most) what comes waits with the early data.
    const metadata = await this.options.metadata;
    const feed = new StreamFeed(online);
    // Kept even when streaming stopped meanwhile: `syncState()` still names the run W&B created.
    this.feed = feed;
    if (this.stopInfo) return;
    this.sendEarlyData(feed, metadata);
    online.stream.start();
  }

  /** Switches to streaming: the metadata, then what waited, in the order it came. */
  private sendEarlyData(feed: StreamFeed, metadata: Uint8Array | undefined): void {
    const early = this.early;
    this.early = noEarlyData();
    if (metadata) feed.upload(WANDB_METADATA, metadata);
    for (const upload of early.uploads) feed.upload(upload.path, upload.bytes);
    for (const line of early.history) feed.history(line);
    for (const line of early.events) feed.events(line);
    for (const line of early.output) feed.output(line);
    if ((early.history.length > 0 || early.summary) && this.summary) feed.summary(this.summary.source);
  }

  /** Upserts config `_wandb.m` once W&B created the run, if it changed since the last upsert (one at a time). */
  private flushConfig(): Promise<void> {
    this.configSending = this.configSending.then(async () => {
      await this.connecting;
      const feed = this.feed;
      if (!feed || this.stopInfo || !this.configDirty) return;
      this.configDirty = false;
      const config = { ...this.run.config, _wandb: { ...configWandb(this.run), m: this.configM } };
      if (!(await feed.run.updateConfig(config)))
        this.options.onError('W&B: the metric definitions were not sent');
    });
    return this.configSending;
  }

  private outputLine(line: string): void {
    if (this.stopInfo) return;
    if (this.feed) this.feed.output(line);
    else {
      this.early.output.push(line);
      this.noteEarly(line.length);
    }
  }

  /** The `index`-th console line changed: at its offset once streaming, else where it waits. */
  private rewriteOutputLine(index: number, line: string): void {
    if (this.stopInfo) return;
    if (this.feed) this.feed.rewriteOutput((this.options.startOffsets?.output ?? 0) + index, line);
    else if (index < this.early.output.length) this.early.output[index] = line;
  }

  private noteEarly(chars: number): void {
    this.early.chars += chars;
    if (this.early.chars > (this.options.maxPendingChars ?? DEFAULT_MAX_PENDING_CHARS)) {
      this.stop({ reason: 'overflow', message: 'W&B has not answered while the run logged a lot' });
    }
  }

  private async finishOnline(end: WandbRunEnd): Promise<void> {
    await this.connecting;
    const feed = this.feed;
    if (!feed || this.stopInfo) return;
    // The model has merged the final summary (and its tables went out through `runFiles`).
    this.console.flush();
    feed.summary(end.summary.line());
    // The official sender flushes its debounced config upsert at finish: metric definitions as config `_wandb.m`.
    clearTimeout(this.configTimer);
    this.configTimer = undefined;
    await this.flushConfig();
    // The official client's final scan of `files/`: config.yaml, wandb-summary.json, requirements.txt, output.log.
    const done = new Set(this.uploadedPaths);
    const files = endOfRunFiles(this.options.filesDirectory ?? '', done, { summaryLine: end.summary.line() });
    for (const file of files) feed.upload(file.path, file.bytes);
    const plain = this.console.plainText();
    if (plain.length > 0 && !done.has('output.log')) feed.upload('output.log', Buffer.from(plain));
    const code = Number.isInteger(end.exitCode) ? end.exitCode : 1;
    this.completedOnline = await feed.run.finish(code);
  }
}

function onlineRunSpec(run: RunInfo): Parameters<typeof OnlineRun.open>[1] {
  const git = gitInfo();
  return {
    runId: run.id,
    project: run.project,
    entity: run.entity,
    displayName: run.name,
    group: run.group,
    jobType: run.jobType,
    tags: run.tags,
    notes: run.notes,
    host: run.host,
    program: run.program,
    config: { ...run.config, _wandb: configWandb(run) },
    startTime: run.startTime,
    commit: git?.commit,
    repo: git?.remote,
  };
}
