import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { endOfRunFiles } from '../run-end-files.js';
import type { FileStreamStop, StreamedFile } from '../online/file-stream-client.js';
import { WandbGraphqlError } from '../online/graphql-client.js';
import type { WandbHttpClient } from '../online/http-client.js';
import { OnlineRun, type OnlineRunSpec } from '../online/online-run.js';
import { StreamFeed } from '../online/stream-feed.js';
import { nonEmptyField, type ReplayPlan } from './run-replay.js';
import { SyncError } from './sync-error.js';
import { initialSyncState, type SyncState, saveSyncState } from './sync-state.js';

export type SyncPhase = 'history' | 'events' | 'output' | 'files' | 'finish' | 'done';

/** What one sync sends: the log's plan, checked, and where a previous sync (or the live run) stopped. */
export interface UploadJob {
  readonly runDir: string;
  readonly runId: string;
  readonly plan: ReplayPlan;
  /** The plan's history lines W&B accepts (the stream's offsets count these). */
  readonly historyLines: readonly string[];
  readonly entity: string | undefined;
  readonly project: string;
  readonly host: string;
  /** The saved state of this run at this destination, if any. */
  readonly resumeFrom: SyncState | undefined;
  readonly maxRequestChars: number | undefined;
  readonly warn: (message: string) => void;
  readonly report: (phase: SyncPhase, done: number) => void;
}

/** How an upload ended. */
export interface UploadOutcome {
  readonly entity: string;
  readonly project: string;
  readonly uploadedFiles: number;
}

/**
 * Uploads one run: `UpsertBucket`, then the history, system-metric and console lines through a `StreamFeed`
 * (the live stream sink's feeding) from the saved offsets on, the files not uploaded yet, the summary and the
 * exit code. Every acknowledged batch and stored file is saved in `trainscope-sync.json` as it happens.
 */
export class RunUpload {
  private state: SyncState | undefined;
  private uploadedNow = 0;
  private stop: FileStreamStop | undefined;
  /** Where the server's copy ends: lines before these offsets are not sent again. */
  readonly startOffsets: Readonly<Record<StreamedFile, number>>;

  constructor(
    private readonly http: WandbHttpClient,
    private readonly job: UploadJob,
  ) {
    this.state = job.resumeFrom;
    this.startOffsets = {
      history: job.resumeFrom?.historyOffset ?? 0,
      events: job.resumeFrom?.eventsOffset ?? 0,
      output: job.resumeFrom?.outputOffset ?? 0,
    };
  }

  async run(): Promise<UploadOutcome> {
    const online = await this.open();
    const state =
      this.state ?? initialSyncState(this.job.runId, this.job.host, online.entity, online.project);
    state.entity = online.entity;
    state.project = online.project;
    this.state = state;
    saveSyncState(this.job.runDir, state);
    await this.send(new StreamFeed(online), state);
    if (this.stop || !state.complete) {
      const reason = this.stop?.message ?? 'the final message was not accepted';
      throw new SyncError(
        this.job.runDir,
        `${this.http.redact(reason)}; ${state.historyOffset} of ${this.job.historyLines.length} history lines are on the server. ` +
          'Run the same sync again to continue.',
        this.stop?.reason !== 'auth',
      );
    }
    return { entity: online.entity, project: online.project, uploadedFiles: this.uploadedNow };
  }

  private async open(): Promise<OnlineRun> {
    const { runDir } = this.job;
    try {
      return await OnlineRun.open(this.http, this.spec(), {
        askViewer: false,
        fileStream: { startOffsets: this.startOffsets, maxRequestChars: this.job.maxRequestChars },
        onAcked: (file, next) => this.acked(file, next),
        onUploaded: (path) => this.uploaded(path),
        onStopped: (stop) => {
          this.stop = stop;
        },
        onError: this.job.warn,
      });
    } catch (error) {
      const resumable = !(error instanceof WandbGraphqlError) || error.failure !== 'auth';
      throw new SyncError(runDir, this.http.redact((error as Error).message), resumable);
    }
  }

  private spec(): OnlineRunSpec {
    const { plan } = this.job;
    return {
      runId: this.job.runId,
      project: this.job.project,
      entity: this.job.entity,
      displayName: nonEmptyField(plan.run.display_name),
      group: nonEmptyField(plan.run.run_group),
      jobType: nonEmptyField(plan.run.job_type),
      tags: plan.run.tags,
      notes: nonEmptyField(plan.run.notes),
      host: nonEmptyField(plan.run.host),
      config: plan.config,
      startTime: plan.startTimeMs,
    };
  }

  /** The phases in order; each one only while the stream has not stopped. */
  private async send(feed: StreamFeed, state: SyncState): Promise<void> {
    const { plan } = this.job;
    const from = this.startOffsets;
    const pageChars = Math.max(64 * 1024, (this.job.maxRequestChars ?? 8 * 1024 * 1024) / 2);
    const phase = (name: SyncPhase) => () => this.progress(name);
    this.progress('history');
    await feed.sendAll('history', this.job.historyLines, from.history, pageChars, phase('history'));
    if (!this.stop) await feed.sendAll('events', plan.eventLines, from.events, pageChars, phase('events'));
    if (!this.stop) await feed.sendAll('output', plan.outputLines, from.output, pageChars, phase('output'));
    if (!this.stop) await this.uploadFiles(feed, state);
    if (!this.stop && plan.summaryLine !== undefined) feed.summary(plan.summaryLine);
    if (this.stop) return;
    this.progress('finish');
    if (await feed.run.finish(plan.exitCode ?? 1)) {
      state.complete = true;
      state.summarySent = true;
      saveSyncState(this.job.runDir, state);
      this.progress('done');
    }
  }

  private async uploadFiles(feed: StreamFeed, state: SyncState): Promise<void> {
    const filesDir = join(this.job.runDir, 'files');
    for (const path of this.job.plan.files) {
      if (state.uploaded.includes(path)) continue;
      const local = join(filesDir, path);
      if (!existsSync(local)) {
        this.job.warn(`${path} is listed in the log but missing from ${filesDir}; not uploaded`);
        continue;
      }
      feed.upload(path, readFileSync(local));
    }
    // The end-of-run files the official sync uploads too (config.yaml, wandb-summary.json, requirements.txt,
    // output.log), also for the official client's offline runs.
    const skip = new Set([...state.uploaded, ...this.job.plan.files]);
    const { summaryLine, config } = this.job.plan;
    for (const file of endOfRunFiles(filesDir, skip, { summaryLine, config }))
      feed.upload(file.path, file.bytes);
    await feed.run.uploader.idle();
    this.progress('files');
  }

  private progress(phase: SyncPhase): void {
    const s = this.state;
    const done = s ? s.historyOffset + s.eventsOffset + s.outputOffset + s.uploaded.length : 0;
    this.job.report(phase, done);
  }

  private acked(file: StreamedFile, next: number): void {
    const state = this.state;
    if (!state) return;
    if (file === 'history') state.historyOffset = next;
    else if (file === 'events') state.eventsOffset = next;
    else state.outputOffset = next;
    saveSyncState(this.job.runDir, state);
  }

  private uploaded(path: string): void {
    this.uploadedNow++;
    const state = this.state;
    if (!state) return;
    state.uploaded.push(path);
    saveSyncState(this.job.runDir, state);
  }
}
