import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StagedArtifact } from '../../../core/staged-artifact.js';
import { type WandbGraphqlClient, WandbGraphqlError } from '../online/graphql-client.js';
import type { WandbHttpClient } from '../online/http-client.js';
import {
  ARTIFACT_TYPE,
  type ArtifactFileTarget,
  COMMIT_ARTIFACT,
  CREATE_ARTIFACT,
  CREATE_ARTIFACT_FILES,
  CREATE_ARTIFACT_MANIFEST,
  type CreatedArtifact,
  headerRecord,
} from './artifact-mutations.js';
import { manifestJson } from './artifact-record.js';

/** Where artifacts go: the run that logs them. */
export interface ArtifactTarget {
  readonly entity: string;
  readonly project: string;
  readonly runId: string;
}

export interface ArtifactUploaderEvents {
  /** The artifact is committed on W&B (or W&B already had its digest). */
  readonly onCommitted: (artifact: StagedArtifact) => void;
  readonly onFailed: (artifact: StagedArtifact, message: string) => void;
  /**
   * W&B refuses the artifact for good (its collection already has another type): no retry or later sync can
   * upload it. Without this handler, `onFailed` is told.
   */
  readonly onRefused?: (artifact: StagedArtifact, message: string) => void;
  /** A progress line (files over `progressBytes`). */
  readonly onProgress: (message: string) => void;
}

const PROGRESS_BYTES = 16 * 1024 * 1024;

/** W&B already holds an artifact collection of this name with another type. */
export class ArtifactTypeClash extends Error {}

/**
 * Uploads staged artifacts one after the other, as the official client's artifact saver: `ArtifactType` (a
 * collection of the same name with another type is refused, as the official `log_artifact` raises), `CreateArtifact`
 * (W&B already holding the digest answers COMMITTED: done) → `CreateArtifactManifest` → `CreateArtifactFiles` →
 * a `PUT` of each file W&B asks for, with exactly its headers → `wandb_manifest.json` with each entry's birth
 * artifact → `CreateArtifactManifest` with its digest and `PUT` → `CommitArtifact`. Every request is retried by
 * the HTTP client within its budget; the files are read from their staging copies.
 */
export class ArtifactUploader {
  private chain: Promise<void> = Promise.resolve();
  private readonly waiting: StagedArtifact[] = [];

  constructor(
    private readonly http: WandbHttpClient,
    private readonly graphql: WandbGraphqlClient,
    private readonly target: Promise<ArtifactTarget | undefined>,
    private readonly events: ArtifactUploaderEvents,
  ) {}

  /** Artifacts not committed yet (queued or uploading). */
  get pending(): readonly StagedArtifact[] {
    return this.waiting;
  }

  /** Queues one artifact; `historyStep`: the run's step (live runs; `wandb sync` sends none). */
  upload(artifact: StagedArtifact, historyStep?: number): void {
    this.waiting.push(artifact);
    this.chain = this.chain.then(async () => {
      try {
        const target = await this.target;
        if (target === undefined) throw new Error('the run does not exist on W&B');
        await this.uploadOne(target, artifact, historyStep);
        this.events.onCommitted(artifact);
        removeStaging(artifact);
      } catch (error) {
        const message = this.http.redact((error as Error).message);
        const refused = error instanceof ArtifactTypeClash ? this.events.onRefused : undefined;
        (refused ?? this.events.onFailed)(artifact, message);
      } finally {
        this.waiting.splice(this.waiting.indexOf(artifact), 1);
      }
    });
  }

  /** Resolves once every queued artifact was committed or failed. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async uploadOne(
    target: ArtifactTarget,
    artifact: StagedArtifact,
    historyStep?: number,
  ): Promise<void> {
    const held = await this.heldType(target, artifact.name);
    if (held !== undefined && held !== artifact.type) {
      throw new ArtifactTypeClash(
        `W&B already has artifact ${artifact.name} with type '${held}'; it cannot take one of type '${artifact.type}' (use another name)`,
      );
    }
    const created = await this.createArtifact(target, artifact, historyStep);
    if (created.state === 'COMMITTED') return;
    if (created.state !== 'PENDING' && created.state !== 'DELETED') {
      throw new Error(`W&B answered CreateArtifact with state ${created.state}`);
    }
    const ids = { entityName: target.entity, projectName: target.project, runName: target.runId };
    const draft = await this.manifest(ids, created, '', false);
    const files = await this.fileTargets(created.id, draft.id, artifact);
    for (const file of artifact.files) {
      const fileTarget = files.get(file.path);
      if (fileTarget === undefined) throw new Error(`W&B returned no upload target for ${file.path}`);
      if (fileTarget.uploadUrl !== null) await this.put(fileTarget.uploadUrl, fileTarget.uploadHeaders, file);
    }
    const birth = (path: string) => files.get(path)?.birthArtifactId ?? created.id;
    const manifest = Buffer.from(manifestJson(artifact, birth));
    const digest = createHash('md5').update(manifest).digest('base64');
    const final = await this.manifest(ids, created, digest, true);
    if (final.uploadUrl)
      await this.putBytes(final.uploadUrl, final.uploadHeaders, manifest, 'wandb_manifest.json');
    await this.graphql.execute('CommitArtifact', COMMIT_ARTIFACT, { artifactID: created.id });
  }

  /**
   * The type of the collection's latest version on W&B, undefined when there is none. A server that cannot
   * answer the query (rejected) leaves the check to `CreateArtifact`; network and key failures fail the upload.
   */
  private async heldType(target: ArtifactTarget, name: string): Promise<string | undefined> {
    try {
      const data = await this.graphql.execute<{
        project?: { artifact?: { artifactType?: { name?: string } | null } | null } | null;
      }>('ArtifactType', ARTIFACT_TYPE, {
        entityName: target.entity,
        projectName: target.project,
        name: `${name}:latest`,
      });
      return data.project?.artifact?.artifactType?.name ?? undefined;
    } catch (error) {
      if (error instanceof WandbGraphqlError && error.failure === 'rejected') return undefined;
      throw error;
    }
  }

  private async createArtifact(
    target: ArtifactTarget,
    artifact: StagedArtifact,
    historyStep: number | undefined,
  ): Promise<CreatedArtifact> {
    const data = await this.graphql.execute<{
      createArtifact?: {
        artifact?: {
          id?: string;
          state?: string;
          artifactSequence?: { latestArtifact?: { id?: string } | null };
        };
      };
    }>('CreateArtifact', CREATE_ARTIFACT, {
      artifactTypeName: artifact.type,
      artifactCollectionNames: [artifact.name],
      entityName: target.entity,
      projectName: target.project,
      runName: target.runId,
      description: null,
      digest: artifact.digest,
      aliases: artifact.aliases.map((alias) => ({ artifactCollectionName: artifact.name, alias })),
      metadata: artifact.metadata === undefined ? null : JSON.stringify(artifact.metadata),
      clientID: artifact.clientId,
      sequenceClientID: artifact.sequenceClientId,
      ...(historyStep ? { historyStep } : {}),
    });
    const created = data.createArtifact?.artifact;
    if (!created?.id || !created.state) throw new Error('W&B answered CreateArtifact without an artifact');
    return { id: created.id, state: created.state, latestId: created.artifactSequence?.latestArtifact?.id };
  }

  private async manifest(
    ids: { entityName: string; projectName: string; runName: string },
    created: CreatedArtifact,
    digest: string,
    includeUpload: boolean,
  ): Promise<{ id: string; uploadUrl: string | null; uploadHeaders: readonly string[] }> {
    const data = await this.graphql.execute<{
      createArtifactManifest?: {
        artifactManifest?: {
          id?: string;
          file?: { uploadUrl?: string | null; uploadHeaders?: string[] | null };
        };
      };
    }>('CreateArtifactManifest', CREATE_ARTIFACT_MANIFEST, {
      name: 'wandb_manifest.json',
      digest,
      artifactID: created.id,
      baseArtifactID: created.latestId ?? null,
      ...ids,
      includeUpload,
    });
    const manifest = data.createArtifactManifest?.artifactManifest;
    if (!manifest?.id) throw new Error('W&B answered CreateArtifactManifest without a manifest');
    return {
      id: manifest.id,
      uploadUrl: manifest.file?.uploadUrl ?? null,
      uploadHeaders: manifest.file?.uploadHeaders ?? [],
    };
  }

  private async fileTargets(
    artifactId: string,
    manifestId: string,
    artifact: StagedArtifact,
  ): Promise<Map<string, ArtifactFileTarget>> {
    const data = await this.graphql.execute<{
      createArtifactFiles?: {
        files?: {
          edges?: {
            node?: {
              name?: string;
              uploadUrl?: string | null;
              uploadHeaders?: string[] | null;
              artifact?: { id?: string };
            };
          }[];
        };
      };
    }>('CreateArtifactFiles', CREATE_ARTIFACT_FILES, {
      storageLayout: 'V2',
      artifactFiles: artifact.files.map((f) => ({
        artifactID: artifactId,
        artifactManifestID: manifestId,
        name: f.path,
        md5: f.digest,
      })),
    });
    const targets = new Map<string, ArtifactFileTarget>();
    for (const edge of data.createArtifactFiles?.files?.edges ?? []) {
      const node = edge.node;
      if (!node?.name) continue;
      targets.set(node.name, {
        name: node.name,
        uploadUrl: node.uploadUrl ?? null,
        uploadHeaders: node.uploadHeaders ?? [],
        birthArtifactId: node.artifact?.id,
      });
    }
    return targets;
  }

  private async put(
    url: string,
    headers: readonly string[],
    file: StagedArtifact['files'][number],
  ): Promise<void> {
    const big = file.size >= PROGRESS_BYTES;
    const mb = (file.size / 1024 / 1024).toFixed(1);
    if (big) this.events.onProgress(`uploading ${file.path} (${mb} MiB)…`);
    const started = Date.now();
    await this.putBytes(url, headers, readFileSync(file.localPath), file.path);
    if (big)
      this.events.onProgress(
        `uploaded ${file.path} (${mb} MiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
  }

  private async putBytes(
    url: string,
    headers: readonly string[],
    body: Uint8Array,
    name: string,
  ): Promise<void> {
    const result = await this.http.send({
      kind: 'upload',
      method: 'PUT',
      url,
      body,
      headers: headerRecord(headers),
    });
    if (result.outcome === 'ok') return;
    if (result.outcome === 'gave-up') throw new Error(`upload of ${name} failed: ${result.reason}`);
    throw new Error(`upload of ${name} was refused (HTTP ${result.status})`);
  }
}

/**
 * Once W&B holds the artifact its staging copies are no longer needed (W&B deletes them too). A failed upload
 * keeps them: the run's log points at them for `trainscope sync`.
 */
function removeStaging(artifact: StagedArtifact): void {
  const dirs = new Set(artifact.files.map((f) => dirname(f.localPath)));
  for (const dir of dirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Best effort: a leftover copy only costs disk space.
    }
  }
}
