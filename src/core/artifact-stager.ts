import { createHash, randomInt } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { tmpdir } from 'node:os';
import type { ResolvedOptions } from './options.js';
import { ID_ALPHABET } from './run-identity.js';
import type { ArtifactOptions, StagedArtifact, StagedArtifactFile } from './staged-artifact.js';

const NAME = /^[a-zA-Z0-9_.-]+$/;
const CHUNK = 4 * 1024 * 1024;

/** A bad `logArtifact` call (the caller warns once; the trainer goes on). */
export class ArtifactInputError extends Error {}

/**
 * Freezes `pathOrDir` as an artifact: every file (a directory's recursively) is copied into a fresh directory
 * under `stagingRoot` and MD5-digested in the same pass, then made read-only (W&B's staging, which fixed
 * checkpoints corrupted by an overwrite during an asynchronous upload). Synchronous on purpose: when it returns,
 * what the artifact holds no longer depends on the original files.
 */
export function stageArtifact(
  pathOrDir: string,
  options: ArtifactOptions,
  stagingRoot: string,
  step: number,
): StagedArtifact {
  const { name, type } = options;
  if (typeof name !== 'string' || !NAME.test(name))
    throw new ArtifactInputError(`name ${JSON.stringify(name)} must match [a-zA-Z0-9_.-]+`);
  if (typeof type !== 'string' || type === '')
    throw new ArtifactInputError('type must be a non-empty string');
  const aliases = new Set(['latest']);
  for (const alias of options.aliases ?? []) {
    if (typeof alias !== 'string' || alias === '' || /[/:]/.test(alias)) {
      throw new ArtifactInputError(`alias ${JSON.stringify(alias)} must be non-empty without / or :`);
    }
    aliases.add(alias);
  }
  const sources = listFiles(pathOrDir);
  mkdirSync(stagingRoot, { recursive: true });
  const stagingDir = mkdtempSync(join(stagingRoot, `${name}-`));
  const files = sources.map(({ source, path }, i) =>
    copyAndDigest(source, path, join(stagingDir, String(i))),
  );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    name,
    type,
    aliases: [...aliases],
    metadata: options.metadata === undefined ? undefined : JSON.parse(JSON.stringify(options.metadata)),
    digest: manifestDigest(files),
    files,
    step,
    clientId: randomId(),
    sequenceClientId: randomId(),
  };
}

/**
 * Stages an artifact made in memory (W&B's run-table artifact of a logged table): each entry's bytes are written
 * read-only into a fresh directory under `stagingRoot` and MD5-digested, as `stageArtifact` does for files.
 */
export function stageArtifactBytes(
  entries: readonly { readonly path: string; readonly bytes: Uint8Array }[],
  options: ArtifactOptions,
  stagingRoot: string,
  step: number,
): StagedArtifact {
  mkdirSync(stagingRoot, { recursive: true });
  const stagingDir = mkdtempSync(join(stagingRoot, `${options.name}-`));
  const files = entries.map(({ path, bytes }, i): StagedArtifactFile => {
    const localPath = join(stagingDir, String(i));
    writeFileSync(localPath, bytes, { flag: 'wx', mode: 0o400 });
    const digest = createHash('md5').update(bytes).digest('base64');
    return { path, digest, size: bytes.length, localPath };
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const aliases = ['latest'];
  const { name, type } = options;
  const ids = { clientId: randomId(), sequenceClientId: randomId() };
  return { name, type, aliases, metadata: undefined, digest: manifestDigest(files), files, step, ...ids };
}

/** W&B's artifact digest over the sorted entries. */
export function manifestDigest(files: readonly { path: string; digest: string }[]): string {
  const hash = createHash('md5').update('wandb-artifact-manifest-v1\n');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${file.path}:${file.digest}\n`);
  }
  return hash.digest('hex');
}

function listFiles(pathOrDir: string): { source: string; path: string }[] {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(pathOrDir);
  } catch (error) {
    throw new ArtifactInputError(`cannot read ${pathOrDir}: ${(error as Error).message}`);
  }
  if (stats.isFile()) return [{ source: pathOrDir, path: basename(pathOrDir) }];
  if (!stats.isDirectory()) throw new ArtifactInputError(`${pathOrDir} is neither a file nor a directory`);
  const out: { source: string; path: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile())
        out.push({ source: full, path: relative(pathOrDir, full).split(sep).join('/') });
    }
  };
  walk(pathOrDir);
  if (out.length === 0) throw new ArtifactInputError(`${pathOrDir} holds no files`);
  return out;
}

function copyAndDigest(source: string, path: string, target: string): StagedArtifactFile {
  const hash = createHash('md5');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const input = openSync(source, 'r');
  const output = openSync(target, 'wx');
  let size = 0;
  try {
    for (
      let n = readSync(input, buffer, 0, CHUNK, null);
      n > 0;
      n = readSync(input, buffer, 0, CHUNK, null)
    ) {
      hash.update(buffer.subarray(0, n));
      writeSync(output, buffer, 0, n);
      size += n;
    }
  } finally {
    closeSync(input);
    closeSync(output);
  }
  chmodSync(target, 0o400);
  return { path, digest: hash.digest('base64'), size, localPath: target };
}

function randomId(): string {
  let id = '';
  for (let i = 0; i < 128; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** Staging copies live with the W&B run directories (an offline run's sync still finds them), else in tmp. */
export function artifactStagingDir(options: ResolvedOptions): string {
  const root = options.wandb !== false ? join(options.wandb.dir, 'wandb') : join(tmpdir(), 'trainscope');
  return join(root, 'artifacts', 'staging');
}
