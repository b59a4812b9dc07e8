import * as os from 'node:os';
import { relative, resolve } from 'node:path';
import type { RunInfo } from '../../core/backend.js';
import { ProcHostCounters } from '../../profiler/system/proc-host-counters.js';
import { VERSION } from '../../version.js';
import { gitInfo } from './git-info.js';
import { jsonObjectLine } from './history-value.js';
import { type YamlValue, yamlDocument } from './yaml-block.js';

/**
 * The small files W&B keeps beside a run (in `files/`, uploaded online): `config.yaml`,
 * `wandb-metadata.json` and `wandb-summary.json`, in the official client's formats.
 */

/** A file of the run, relative to its `files/` directory: stored offline, uploaded online and by sync. */
export interface RunFile {
  readonly path: string;
  readonly bytes: Buffer;
}

/** The run's metadata file in `files/` (uploaded first by the live stream). */
export const WANDB_METADATA = 'wandb-metadata.json';

/**
 * A config value as JSON text. As in the Python client, non-finite numbers become `null` in config; values
 * JSON cannot hold (cycles) become their string form so one bad key does not lose the others; bigints are
 * written as numbers.
 */
export function configValueJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) ?? 'null';
  } catch {
    return JSON.stringify(String(value));
  }
}

/** Config entries W&B stores: keys with a value (`undefined`, functions and symbols are left out). */
export function configEntries(config: Readonly<Record<string, unknown>>): [string, string][] {
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    entries.push([key, configValueJson(value)]);
  }
  return entries;
}

/** `config.yaml`: `wandb_version: 1`, then each key as `desc: null` / `value: …`. */
export function configYaml(config: Readonly<Record<string, unknown>>): string {
  const document: Record<string, YamlValue> = { wandb_version: 1 };
  for (const [key, json] of configEntries(config)) {
    document[key] = { desc: null, value: JSON.parse(json) as YamlValue };
  }
  return yamlDocument(document);
}

/**
 * `wandb-metadata.json`: what the W&B UI shows on the run's Overview tab, with the official client's hardware
 * keys (`disk` and `memory` in GB, and the GPU fields `probeGpuInventory` found, given as `gpu`). `git.dirty`
 * (uncommitted changes) is trainscope's: 0.15.12 has no such field.
 */
export function runMetadata(
  run: RunInfo,
  gpu: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  let username = '';
  try {
    username = os.userInfo().username;
  } catch {
    // No user database entry (containers): leave it empty.
  }
  return {
    os: `${os.type()}-${os.release()}-${os.arch()}`,
    node: process.version,
    trainscope: VERSION,
    heartbeatAt: localIso(Date.now()),
    startedAt: localIso(run.startTime),
    docker: null,
    cuda: null,
    args: process.argv.slice(2),
    state: 'running',
    program: run.program,
    ...codePaths(run.program),
    host: run.host,
    username,
    executable: process.execPath,
    cpu_count: os.availableParallelism(),
    cpu_count_logical: os.cpus().length,
    ...diskMetadata(),
    memory: { total: os.totalmem() / 1024 ** 3 },
    ...gpu,
    rank: run.rank,
    world_size: run.worldSize,
  };
}

/** `codePathLocal` (relative to the working directory), and with git `codePath` (relative to its root), `git`, `root`. */
function codePaths(program: string): Record<string, unknown> {
  if (program === '') return { codePathLocal: null };
  const absolute = resolve(program);
  const git = gitInfo();
  const local = { codePathLocal: relative(process.cwd(), absolute) };
  if (git === undefined) return local;
  return {
    ...local,
    codePath: relative(git.root, absolute),
    git: { remote: git.remote ?? null, commit: git.commit, dirty: git.dirty },
    root: git.root,
  };
}

/** `disk: {"/": {total, used}}` in GB, as psutil's `disk_usage("/")`; nothing where it cannot be read. */
function diskMetadata(): Record<string, unknown> {
  const space = new ProcHostCounters().diskSpace('/');
  if (space === undefined) return {};
  return { disk: { '/': { total: space.totalBytes / 1024 ** 3, used: space.usedBytes / 1024 ** 3 } } };
}

/** Config `_wandb`: what the official sender rebuilds at every config upsert, for a Node client. */
export function configWandb(run: RunInfo): Record<string, unknown> {
  return {
    cli_version: VERSION,
    node_version: process.versions.node,
    trainscope_version: VERSION,
    is_jupyter_run: false,
    is_kaggle_kernel: false,
    start_time: run.startTime / 1000,
  };
}

/** `2026-11-30T00:43:44.602973`-style UTC time without a zone, as the Python client writes it. */
function localIso(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000');
}

/** `wandb-summary.json`: the summary (keys and W&B JSON values) plus `"_wandb": {"runtime": <int s>}`. */
export function summaryJson(
  keys: readonly string[],
  valuesJson: readonly string[],
  runtimeSeconds: number,
): string {
  return jsonObjectLine(
    [...keys, '_wandb'],
    [...valuesJson, `{"runtime":${Math.max(0, Math.trunc(runtimeSeconds))}}`],
  );
}
