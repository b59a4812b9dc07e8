/**
 * A file or directory logged with `run.logArtifact`, frozen at call time (plain data, handed to every backend):
 * each file was copied into a staging directory and digested while copying, so a checkpoint the trainer
 * overwrites right after the call cannot change what is uploaded.
 */
export interface StagedArtifact {
  readonly name: string;
  readonly type: string;
  /** Always includes `latest` (as W&B adds it). */
  readonly aliases: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>> | undefined;
  /** W&B's manifest digest: hex MD5 of `wandb-artifact-manifest-v1\n` + `<path>:<digest>\n` per entry by path. */
  readonly digest: string;
  /** Entries sorted by path. */
  readonly files: readonly StagedArtifactFile[];
  /** The run's step when it was logged. */
  readonly step: number;
  /** 128 random `[a-z0-9]` (W&B's `client_id` / `sequence_client_id`). */
  readonly clientId: string;
  readonly sequenceClientId: string;
}

export interface StagedArtifactFile {
  /** Path inside the artifact (`/`-separated): the file's name, or its path under the logged directory. */
  readonly path: string;
  /** Base64 MD5 of the bytes. */
  readonly digest: string;
  readonly size: number;
  /** The staging copy (read-only), which uploads read. */
  readonly localPath: string;
}

/** What `run.logArtifact(path, options)` takes. */
export interface ArtifactOptions {
  /** `[a-zA-Z0-9_.-]+`. */
  readonly name: string;
  /** e.g. `model`, `dataset`. */
  readonly type: string;
  /** Besides `latest`; no `/` or `:`. */
  readonly aliases?: readonly string[];
  /** JSON-compatible. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}
