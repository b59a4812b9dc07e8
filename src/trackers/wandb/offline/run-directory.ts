import * as fs from 'node:fs';
import { join } from 'node:path';
import type { RunInfo } from '../../../core/backend.js';
import { dependencyList, REQUIREMENTS_FILE } from '../run-end-files.js';
import { type GpuProbeMode, writeMetadataFile } from '../metadata-file.js';
import { configYaml } from '../run-files.js';

/** The official client's run directory, created and holding its opening files. */
export interface RunDirectory {
  /** `<rootDir>/wandb/<prefix>-<YYYYmmdd_HHMMSS>-<id>`. */
  readonly directory: string;
  readonly filesDirectory: string;
  /** The `.wandb` transaction log (not created here). */
  readonly wandbPath: string;
  /**
   * The bytes of `files/wandb-metadata.json` (uploaded as they are by the live stream), once written: when the
   * GPU probe answered or timed out (never rejects).
   */
  readonly metadata: Promise<Buffer>;
}

/**
 * Creates `<rootDir>/wandb/<prefix>-<ts>-<id>/files/` with `wandb-metadata.json` (written asynchronously, see
 * `metadata`), `config.yaml` and the
 * dependency list (`requirements.txt`, when the program has a `package.json`), and points
 * the best-effort `<rootDir>/wandb/latest-run` link at it. A directory that already holds this run's log is
 * never reused (`wandb sync` needs exactly one `.wandb` file per directory): `-1`, `-2`… are appended.
 */
export function createRunDirectory(
  rootDir: string,
  run: RunInfo,
  prefix: 'offline-run' | 'run',
  gpu: GpuProbeMode = 'auto',
  onError?: (message: string) => void,
): RunDirectory {
  const wandbDir = join(rootDir, 'wandb');
  const base = `${prefix}-${directoryTimestamp(run.startTime)}-${run.id}`;
  let name = base;
  for (let n = 1; fs.existsSync(join(wandbDir, name, `run-${run.id}.wandb`)); n++) name = `${base}-${n}`;
  const directory = join(wandbDir, name);
  const filesDirectory = join(directory, 'files');
  fs.mkdirSync(filesDirectory, { recursive: true });
  const metadata = writeMetadataFile(filesDirectory, run, gpu, onError);
  fs.writeFileSync(join(filesDirectory, 'config.yaml'), configYaml(run.config));
  // The program's dependency list, written with the metadata as the official client writes requirements.txt.
  const dependencies = dependencyList(run.program);
  if (dependencies) fs.writeFileSync(join(filesDirectory, REQUIREMENTS_FILE), dependencies);
  linkLatestRun(wandbDir, name);
  return { directory, filesDirectory, wandbPath: join(directory, `run-${run.id}.wandb`), metadata };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYYmmdd_HHMMSS` in local time, as the official client names run directories. */
export function directoryTimestamp(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}_` +
    `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`
  );
}

function linkLatestRun(wandbDir: string, name: string): void {
  const link = join(wandbDir, 'latest-run');
  try {
    try {
      if (fs.lstatSync(link).isSymbolicLink()) fs.unlinkSync(link);
      else return;
    } catch {
      // No link yet.
    }
    fs.symlinkSync(name, link, 'dir');
  } catch {
    // Best effort (no symlinks on this filesystem, or another process won the race).
  }
}
