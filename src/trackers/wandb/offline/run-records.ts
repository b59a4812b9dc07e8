import type { RunInfo } from '../../../core/backend.js';
import { gitInfo } from '../git-info.js';
import { configEntries, WANDB_METADATA } from '../run-files.js';
import type { WandbItem, WandbRecord, WandbTimestamp } from './wandb-record.js';

/**
 * The records that open and close a `.wandb` log, in the order both the 0.15.12 and the current `wandb sync`
 * accept: `header, run, files(wandb-metadata.json)` … `summary, exit, [stats], final, footer`.
 */

/** A run that continues an earlier one with its id: the step and runtime (s) it continues from. */
export interface ResumedRun {
  readonly startingStep: number;
  readonly runtimeSeconds: number;
}

/** `header`, `run` (with the config and `_wandb: {}`) and `files` naming `wandb-metadata.json`. */
export function openingRecords(run: RunInfo, resumed?: ResumedRun): WandbRecord[] {
  const info = { stream_id: run.id };
  const update: WandbItem[] = configEntries(run.config).map(([key, value_json]) => ({ key, value_json }));
  // `{}` as the official client persists it: its sender adds the versions only to the config it uploads.
  update.push({ key: '_wandb', value_json: '{}' });
  const git = gitInfo();
  return [
    { type: 'header', header: {}, _info: info },
    {
      type: 'run',
      run: {
        run_id: run.id,
        ...(run.entity !== undefined ? { entity: run.entity } : {}),
        project: run.project,
        config: { update },
        ...(run.group !== undefined ? { run_group: run.group } : {}),
        ...(run.jobType !== undefined ? { job_type: run.jobType } : {}),
        display_name: run.name,
        ...(run.notes !== undefined ? { notes: run.notes } : {}),
        ...(run.tags.length > 0 ? { tags: [...run.tags] } : {}),
        host: run.host,
        start_time: wandbTimestamp(run.startTime),
        // Read by `trainscope sync`, which then appends at the server's line counts (`wandb sync --append` does).
        ...(resumed
          ? { resumed: true, starting_step: resumed.startingStep, runtime: resumed.runtimeSeconds }
          : {}),
        ...(git !== undefined
          ? { git: { commit: git.commit, ...(git.remote ? { remote_url: git.remote } : {}) } }
          : {}),
      },
      _info: info,
    },
    { type: 'files', files: { files: [{ path: WANDB_METADATA }] } },
  ];
}

/** A `summary` record with every key (W&B merges summary records key by key, so repeating keys is harmless). */
export function summaryRecord(keys: readonly string[], valuesJson: readonly string[]): WandbRecord {
  return {
    type: 'summary',
    summary: { update: keys.map((key, i) => ({ key, value_json: valuesJson[i] as string })) },
  };
}

/** A `stats` record (system metrics, `stats_type` SYSTEM) of `items` at `timeMs`. */
export function statsRecord(items: readonly WandbItem[], timeMs: number): WandbRecord {
  return { type: 'stats', stats: { timestamp: wandbTimestamp(timeMs), item: [...items] } };
}

/**
 * `exit` (no `exit_code` for 0, as protobuf leaves defaults out; a non-integer code counts as 1), the last
 * `stats` record when there is one (after `exit`, where the official client's final flush of system metrics puts
 * it; both syncs read on to `final`), `final`, `footer`.
 */
export function closingRecords(
  exitCode: number,
  runtimeSeconds: number,
  finalStats?: { readonly items: readonly WandbItem[]; readonly timeMs: number },
): WandbRecord[] {
  const code = Number.isInteger(exitCode) ? exitCode | 0 : 1;
  return [
    { type: 'exit', exit: { ...(code !== 0 ? { exit_code: code } : {}), runtime: runtimeSeconds } },
    ...(finalStats !== undefined ? [statsRecord(finalStats.items, finalStats.timeMs)] : []),
    { type: 'final', final: {} },
    { type: 'footer', footer: {} },
  ];
}

/** Milliseconds since the epoch as a protobuf `Timestamp` (no `nanos` when whole seconds). */
export function wandbTimestamp(ms: number): WandbTimestamp {
  const seconds = Math.floor(ms / 1000);
  const nanos = Math.round((ms - seconds * 1000) * 1e6);
  return nanos !== 0 ? { seconds, nanos } : { seconds };
}
