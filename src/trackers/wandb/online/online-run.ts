import { configWireJson } from './config-wire.js';
import {
  FileStreamClient,
  type FileStreamEvents,
  type FileStreamOptions,
  type FileStreamStop,
} from './file-stream-client.js';
import { WandbGraphqlClient, WandbGraphqlError } from './graphql-client.js';
import type { WandbHttpClient } from './http-client.js';
import { RunFileUploader } from './run-file-uploader.js';

/** What W&B needs to create (or update) a run. */
export interface OnlineRunSpec {
  readonly runId: string;
  readonly project: string;
  /** `undefined`: ask `Viewer` (when `askViewer`), else let the server pick the key's default entity. */
  readonly entity: string | undefined;
  readonly displayName?: string | undefined;
  readonly group?: string | undefined;
  readonly jobType?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly notes?: string | undefined;
  readonly host?: string | undefined;
  readonly program?: string | undefined;
  readonly config: Readonly<Record<string, unknown>>;
  /** Git HEAD and `origin` (credential-free), sent as `commit` and `repo`. */
  readonly commit?: string;
  readonly repo?: string;
  /** Run start, ms since the epoch. */
  readonly startTime: number;
}

export interface OnlineRunOptions {
  /** Send `Viewer` for the default entity when the spec has none (the live client does; `wandb sync` does not). */
  readonly askViewer: boolean;
  readonly fileStream?: FileStreamOptions;
  readonly onAcked?: FileStreamEvents['onAcked'];
  /** The online side stopped for good (auth refused, unreachable past the budget, overflow). */
  readonly onStopped: (stop: FileStreamStop) => void;
  /** A run file reached storage (after it is named in the next `uploaded` list). */
  readonly onUploaded?: (path: string) => void;
  /** One batch, line or file was dropped. */
  readonly onError: (message: string) => void;
}

/**
 * One run on the W&B server: created with `UpsertBucket` (adopting the entity/project the server answers),
 * then fed through a `FileStreamClient` and a `RunFileUploader`. Shared by the live backend and `trainscope sync`.
 */
export class OnlineRun {
  readonly stream: FileStreamClient;
  readonly uploader: RunFileUploader;

  private constructor(
    http: WandbHttpClient,
    private readonly graphql: WandbGraphqlClient,
    private readonly spec: OnlineRunSpec,
    readonly entity: string,
    readonly project: string,
    options: OnlineRunOptions,
    /** `false`: `UpsertBucket` found the run already there. */
    readonly inserted = true,
  ) {
    const target = { entity, project, runId: spec.runId };
    this.stream = new FileStreamClient(
      http,
      target,
      { runStartedAt: spec.startTime, ...options.fileStream },
      { onAcked: options.onAcked, onStopped: options.onStopped, onDropped: options.onError },
    );
    this.uploader = new RunFileUploader(http, graphql, target, {
      onUploaded: (path) => {
        this.stream.markUploaded(path);
        options.onUploaded?.(path);
      },
      onFailed: (path, message, auth) => {
        if (auth) this.stream.stop({ reason: 'auth', message });
        else
          options.onError(`${message}; ${path} stays in the run directory (\`trainscope sync\` uploads it)`);
      },
    });
  }

  /** Creates the run on the server. Throws `WandbGraphqlError` (auth / unreachable / rejected). */
  static async open(
    http: WandbHttpClient,
    spec: OnlineRunSpec,
    options: OnlineRunOptions,
  ): Promise<OnlineRun> {
    const graphql = new WandbGraphqlClient(http);
    let entity = spec.entity;
    if (entity === undefined && options.askViewer) entity = await graphql.viewerEntity();
    const upserted = await graphql.upsertBucket({
      name: spec.runId,
      project: spec.project,
      entity: entity ?? null,
      displayName: spec.displayName ?? null,
      groupName: spec.group ?? null,
      notes: spec.notes ?? null,
      tags: spec.tags && spec.tags.length > 0 ? spec.tags : null,
      jobType: spec.jobType ?? null,
      host: spec.host ?? null,
      program: spec.program ?? null,
      config: configWireJson(spec.config),
      ...(spec.commit !== undefined ? { commit: spec.commit } : {}),
      ...(spec.repo !== undefined ? { repo: spec.repo } : {}),
    });
    if (!upserted.entity) {
      throw new WandbGraphqlError('UpsertBucket', 'rejected', 'the server answered without an entity');
    }
    return new OnlineRun(http, graphql, spec, upserted.entity, upserted.project, options, upserted.inserted);
  }

  /**
   * Sends the whole config again (`UpsertBucket` with only the run's name, project, entity and config), as the
   * official sender does when config `_wandb` changes (metric definitions). Resolves `false` when it failed.
   */
  async updateConfig(config: Readonly<Record<string, unknown>>): Promise<boolean> {
    try {
      await this.graphql.upsertBucket({
        name: this.spec.runId,
        project: this.project,
        entity: this.entity,
        config: configWireJson(config),
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Waits for uploads, sends what is pending and the final `complete` message. */
  async finish(exitCode: number): Promise<boolean> {
    await this.uploader.idle();
    return this.stream.finish(exitCode);
  }

  /** Stops sending (the run stays in the local log). */
  abandon(stop: FileStreamStop): void {
    this.uploader.stop();
    this.stream.stop(stop);
  }
}
