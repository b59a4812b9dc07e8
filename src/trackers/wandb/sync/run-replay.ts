import { historyLine, jsonObjectLine } from '../history-value.js';
import type { WandbItem, WandbRecord, WandbRunRecord, WandbTimestamp } from '../offline/wandb-record.js';
import { systemEventsLine } from '../system-metrics.js';
import { parseWandbJson } from '../wandb-json.js';

/**
 * What a `.wandb` transaction log asks the server to hold, in the form the online client sends it:
 * history/events/output lines in file order, the final summary, the merged config, the files to upload and the
 * exit code. Mirrors what W&B's own `sync` does with each record kind (protocol §11).
 */
export interface ReplayPlan {
  readonly run: WandbRunRecord;
  readonly startTimeMs: number;
  /** The config of the run record merged with every later `config` record (raw values). */
  readonly config: Record<string, unknown>;
  readonly historyLines: string[];
  readonly eventLines: string[];
  readonly outputLines: string[];
  /** The whole summary line (latest value per key), or undefined when the run has none. */
  readonly summaryLine: string | undefined;
  /** Paths relative to the run's `files/`, in first-mention order. */
  readonly files: string[];
  /** `undefined` when the log has no `exit` record (the run was killed or is still being written). */
  readonly exitCode: number | undefined;
  readonly runtimeSeconds: number | undefined;
  readonly warnings: string[];
}

export class ReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayError';
  }
}

export function planReplay(records: readonly WandbRecord[]): ReplayPlan {
  const runRecord = records.find((r) => r.type === 'run')?.run;
  if (!runRecord) throw new ReplayError('the log has no run record, so W&B cannot create the run');
  const startTimeMs = timestampMs(runRecord.start_time) ?? 0;
  const config: Record<string, unknown> = {};
  const warnings: string[] = [];
  applyItems(config, runRecord.config?.update, runRecord.config?.remove, warnings, 'config');
  const historyLines: string[] = [];
  const eventLines: string[] = [];
  const outputLines: string[] = [];
  const pendingOutput = new Map<string, { text: string; stamp: string }>();
  const summaryKeys: string[] = [];
  const summaryValues = new Map<string, string>();
  const files: string[] = [];
  let exitCode: number | undefined;
  let runtimeSeconds: number | undefined;
  let seenRun = false;
  for (const record of records) {
    switch (record.type) {
      case 'run':
        // Later run records are updates of the same run (resumes); only the first one creates it.
        seenRun = true;
        break;
      case 'config':
        if (!seenRun) break;
        applyItems(config, record.config?.update, record.config?.remove, warnings, 'config');
        break;
      case 'history': {
        const keys: string[] = [];
        const values: string[] = [];
        for (const item of record.history?.item ?? []) {
          const key = itemKey(item);
          if (key === undefined || item.value_json === undefined) continue;
          keys.push(key);
          values.push(item.value_json);
        }
        if (keys.length > 0) historyLines.push(historyLine({ keys, valuesJson: values }));
        break;
      }
      case 'summary':
        for (const item of record.summary?.update ?? []) {
          const key = itemKey(item);
          if (key === undefined || item.value_json === undefined) continue;
          if (!summaryValues.has(key)) summaryKeys.push(key);
          summaryValues.set(key, item.value_json);
        }
        break;
      case 'stats': {
        const at = timestampMs(record.stats?.timestamp) ?? startTimeMs;
        eventLines.push(systemEventsLine(record.stats?.item ?? [], at, startTimeMs));
        break;
      }
      case 'output_raw':
      case 'output': {
        const out = record.output_raw ?? record.output;
        if (!out?.line) break;
        const stream = out.output_type ?? 'STDERR';
        const stamp = isoStamp(timestampMs(out.timestamp) ?? startTimeMs);
        const pending = pendingOutput.get(stream) ?? { text: '', stamp };
        if (pending.text === '') pending.stamp = stamp;
        pending.text += out.line;
        let newline = pending.text.indexOf('\n');
        while (newline >= 0) {
          const text = pending.text.slice(0, newline);
          outputLines.push(`${stream === 'STDERR' ? 'ERROR ' : ''}${pending.stamp} ${text}\n`);
          pending.text = pending.text.slice(newline + 1);
          pending.stamp = stamp;
          newline = pending.text.indexOf('\n');
        }
        pendingOutput.set(stream, pending);
        break;
      }
      case 'files':
        for (const file of record.files?.files ?? []) {
          if (file.path && !files.includes(file.path)) files.push(file.path);
        }
        break;
      case 'exit':
        exitCode = record.exit?.exit_code ?? 0;
        runtimeSeconds = record.exit?.runtime;
        break;
      default:
        break;
    }
  }
  for (const [stream, pending] of pendingOutput) {
    if (pending.text !== '')
      outputLines.push(`${stream === 'STDERR' ? 'ERROR ' : ''}${pending.stamp} ${pending.text}\n`);
  }
  if (runtimeSeconds !== undefined && !summaryValues.has('_wandb')) {
    summaryKeys.push('_wandb');
    summaryValues.set('_wandb', `{"runtime":${Math.trunc(runtimeSeconds)}}`);
  }
  const summaryLine =
    summaryKeys.length > 0
      ? jsonObjectLine(
          summaryKeys,
          summaryKeys.map((k) => summaryValues.get(k) as string),
        )
      : undefined;
  return {
    run: runRecord,
    startTimeMs,
    config,
    historyLines,
    eventLines,
    outputLines,
    summaryLine,
    files,
    exitCode,
    runtimeSeconds,
    warnings,
  };
}

function itemKey(item: WandbItem): string | undefined {
  if (item.key !== undefined && item.key !== '') return item.key;
  return item.nested_key && item.nested_key.length > 0 ? item.nested_key.join('.') : undefined;
}

function applyItems(
  target: Record<string, unknown>,
  update: readonly WandbItem[] | undefined,
  remove: readonly WandbItem[] | undefined,
  warnings: string[],
  what: string,
): void {
  for (const item of update ?? []) {
    const key = itemKey(item);
    if (key === undefined || item.value_json === undefined) continue;
    try {
      target[key] = parseWandbJson(item.value_json);
    } catch {
      warnings.push(`${what} key ${key}: value is not JSON; sent as text`);
      target[key] = item.value_json;
    }
  }
  for (const item of remove ?? []) {
    const key = itemKey(item);
    if (key !== undefined) delete target[key];
  }
}

function timestampMs(ts: WandbTimestamp | undefined): number | undefined {
  if (!ts) return undefined;
  return ts.seconds * 1000 + (ts.nanos ?? 0) / 1e6;
}

/** `2026-11-30T00:48:24.270849`: UTC, microseconds, no zone (as the Python client prefixes console lines). */
function isoStamp(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString().slice(0, 19);
  const micros = Math.round((ms - Math.floor(ms / 1000) * 1000) * 1000);
  return `${iso}.${String(Math.min(999_999, micros)).padStart(6, '0')}`;
}

/** A record's optional text field, with `''` (protobuf's default) as absent. */
export function nonEmptyField(value: string | undefined): string | undefined {
  return value !== undefined && value !== '' ? value : undefined;
}
