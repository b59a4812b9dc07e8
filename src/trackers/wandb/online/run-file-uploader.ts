import { type WandbGraphqlClient, WandbGraphqlError } from './graphql-client.js';
import type { WandbHttpClient } from './http-client.js';
import { errorMessage } from '../../../core/error-message.js';

export interface RunFileTarget {
  readonly entity: string;
  readonly project: string;
  readonly runId: string;
}

export interface RunFileUploaderEvents {
  /** The storage PUT succeeded (or the server already had the file): name it in the next `uploaded` list. */
  onUploaded(path: string): void;
  /** The upload was given up (the file stays in the run's local `files/`; `trainscope sync` uploads it). */
  onFailed(path: string, message: string, auth: boolean): void;
}

/**
 * Uploads run files (tables, config.yaml…) one at a time: a signed URL from `CreateRunFiles`/`RunUploadUrls`,
 * then a `PUT` of the bytes with the server's upload headers and no W&B credentials to foreign hosts.
 */
export class RunFileUploader {
  private queue: { path: string; bytes: Uint8Array }[] = [];
  private worker: Promise<void> | undefined;
  /** Cleared by the worker itself right after it saw an empty queue, so no upload can slip in between. */
  private running = false;
  private stopped = false;

  constructor(
    private readonly http: WandbHttpClient,
    private readonly graphql: WandbGraphqlClient,
    private readonly target: RunFileTarget,
    private readonly events: RunFileUploaderEvents,
  ) {}

  upload(path: string, bytes: Uint8Array): void {
    if (this.stopped) return;
    this.queue.push({ path, bytes });
    if (!this.running) {
      this.running = true;
      this.worker = this.work();
    }
  }

  /** Resolves when every queued upload finished or failed. */
  async idle(): Promise<void> {
    while (this.running) await this.worker;
  }

  stop(): void {
    this.stopped = true;
    this.queue = [];
  }

  private async work(): Promise<void> {
    try {
      for (let next = this.queue.shift(); next && !this.stopped; next = this.queue.shift()) {
        const message = await this.uploadOne(next.path, next.bytes).catch((error: unknown) => ({
          text: this.http.redact(String(error)),
          auth: false,
        }));
        if (message === undefined) {
          this.events.onUploaded(next.path);
        } else {
          this.events.onFailed(next.path, message.text, message.auth);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async uploadOne(
    path: string,
    bytes: Uint8Array,
  ): Promise<{ text: string; auth: boolean } | undefined> {
    let targets: Awaited<ReturnType<WandbGraphqlClient['uploadTargets']>>;
    try {
      targets = await this.graphql.uploadTargets(this.target.entity, this.target.project, this.target.runId, [
        path,
      ]);
    } catch (error) {
      const auth = error instanceof WandbGraphqlError && error.failure === 'auth';
      return { text: this.http.redact(errorMessage(error)), auth };
    }
    const target = targets.find((t) => t.name === path) ?? targets[0];
    if (!target) return { text: `W&B returned no upload URL for ${path}`, auth: false };
    if (target.url === null) return undefined;
    const headers: Record<string, string> = {};
    for (const header of target.headers) {
      const colon = header.indexOf(':');
      if (colon > 0) headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    }
    const result = await this.http.send({
      kind: 'upload',
      method: 'PUT',
      url: target.url,
      body: bytes,
      headers,
    });
    if (result.outcome === 'ok') return undefined;
    if (result.outcome === 'gave-up')
      return { text: `upload of ${path} failed: ${result.reason}`, auth: false };
    return { text: `upload of ${path} was refused (HTTP ${result.status})`, auth: false };
  }
}
