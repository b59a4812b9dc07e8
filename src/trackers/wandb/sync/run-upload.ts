import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { endOfRunFiles } from '../run-end-files.js';
import type { FileStreamStop, StreamedFile } from '../online/file-stream-client.js';
import { WandbGraphqlClient, WandbGraphqlError } from '../online/graphql-client.js';
import type { WandbHttpClient } from '../online/http-client.js';
import { OnlineRun, type OnlineRunSpec } from '../online/online-run.js';
import { StreamFeed } from '../online/stream-feed.js';
import { queryResumeStatus } from '../resume/resume-status-query.js';
import type { StagedArtifact } from '../../../core/staged-artifact.js';
import { ArtifactUploader } from '../artifacts/artifact-uploader.js';
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
  /** Artifact records of the log W&B has not committed yet (uploaded from their staging copies). */
  readonly artifacts: readonly StagedArtifact[];
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
  /**
   * Where the server's copy of this log ends, as indexes into the log's lines: lines before these are not sent
   * again. For a resumed run the server's offsets are these plus `bases` (the lines it held before the log).
   */
  startOffsets: Readonly<Record<StreamedFile, number>>;
  private bases: Readonly<Record<StreamedFile, number>>;

  constructor(
    private readonly http: WandbHttpClient,
    private readonly job: UploadJob,
  ) {
    this.state = job.resumeFrom;
    const from = job.resumeFrom;
    this.bases = {
      history: from?.historyBase ?? 0,
      events: from?.eventsBase ?? 0,
      output: from?.outputBase ?? 0,
    };
    this.startOffsets = {
      history: Math.max(0, (from?.historyOffset ?? 0) - this.bases.history),
      events: Math.max(0, (from?.eventsOffset ?? 0) - this.bases.events),
      output: Math.max(0, (from?.outputOffset ?? 0) - this.bases.output),
    };
  }

  async run(): Promise<UploadOutcome> {
    // A log that continues an earlier run appends after what W&B holds (`wandb sync --append`), asked once.
    if (this.job.plan.run.resumed === true && this.state?.historyBase === undefined) await this.askBases();
    const online = await this.open();
    const state =
      this.state ?? initialSyncState(this.job.runId, this.job.host, online.entity, online.project);
    if (this.job.plan.run.resumed === true) {
      state.historyBase = this.bases.history;
      state.eventsBase = this.bases.events;
      state.outputBase = this.bases.output;
      state.historyOffset = Math.max(state.historyOffset, this.bases.history);
      state.eventsOffset = Math.max(state.eventsOffset, this.bases.events);
      state.outputOffset = Math.max(state.outputOffset, this.bases.output);
    }
    state.entity = online.entity;
    state.project = online.project;
    this.state = state;
    saveSyncState(this.job.runDir, state);
    await this.send(new StreamFeed(online), state);
    if (this.stop || !state.complete) {
      const reason = this.stop?.message ?? 'the final message was not accepted';
      throw new SyncError(
        this.job.runDir,
        `${this.http.redact(reason)}; ${state.historyOffset - this.bases.history} of ${this.job.historyLines.length} history lines are on the server. ` +
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
        fileStream: {
          startOffsets: {
            history: this.bases.history + this.startOffsets.history,
            events: this.bases.events + this.startOffsets.events,
            output: this.bases.output + this.startOffsets.output,
          },
          maxRequestChars: this.job.maxRequestChars,
        },
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

  /** The line counts W&B holds of the run this log continues (`RunResumeStatus`; none: a new run). */
  private async askBases(): Promise<void> {
    const { runDir, runId } = this.job;
    try {
      const held = await queryResumeStatus(
        new WandbGraphqlClient(this.http),
        this.job.entity,
        this.job.project,
        runId,
      );
      this.bases = {
        history: held?.historyOffset ?? 0,
        events: held?.eventsOffset ?? 0,
        output: held?.outputOffset ?? 0,
      };
      this.startOffsets = { history: 0, events: 0, output: 0 };
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
    if (state.complete) {
      // The run itself is on W&B (a live run whose artifacts did not all make it): only the artifacts.
      await this.uploadArtifacts(feed, state);
      return;
    }
    const from = this.startOffsets;
    const pageChars = Math.max(64 * 1024, (this.job.maxRequestChars ?? 8 * 1024 * 1024) / 2);
    const phase = (name: SyncPhase) => () => this.progress(name);
    this.progress('history');
    await feed.sendAll('history', this.job.historyLines, from.history, pageChars, phase('history'));
    if (!this.stop) await feed.sendAll('events', plan.eventLines, from.events, pageChars, phase('events'));
    if (!this.stop) await feed.sendAll('output', plan.outputLines, from.output, pageChars, phase('output'));
    if (!this.stop) await this.uploadFiles(feed, state);
    if (!this.stop) await this.uploadArtifacts(feed, state);
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

  /** The log's artifacts W&B has not committed, from their staging copies (a missing copy is warned, skipped). */
  private async uploadArtifacts(feed: StreamFeed, state: SyncState): Promise<void> {
    if (this.job.artifacts.length === 0) return;
    const online = feed.run;
    const target = { entity: online.entity, project: online.project, runId: this.job.runId };
    const uploader = new ArtifactUploader(
      this.http,
      new WandbGraphqlClient(this.http),
      Promise.resolve(target),
      {
        onCommitted: (a) => {
          state.artifacts = [...(state.artifacts ?? []), `${a.name}:${a.digest}`];
          saveSyncState(this.job.runDir, state);
        },
        onFailed: (a, message) => this.job.warn(`artifact ${a.name} was not uploaded: ${message}`),
        onProgress: (message) => this.job.warn(message),
      },
    );
    for (const artifact of this.job.artifacts) {
      const missing = artifact.files.find((f) => !existsSync(f.localPath));
      if (missing) {
        this.job.warn(
          `artifact ${artifact.name}: the staging copy ${missing.localPath} is gone; not uploaded`,
        );
        continue;
      }
      uploader.upload(artifact);
    }
    await uploader.idle();
  }

  private progress(phase: SyncPhase): void {
    const s = this.state;
    const b = this.bases;
    const done = s
      ? s.historyOffset -
        b.history +
        s.eventsOffset -
        b.events +
        s.outputOffset -
        b.output +
        s.uploaded.length
      : 0;
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
