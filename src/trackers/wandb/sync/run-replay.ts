import { historyLine, jsonObjectLine } from '../history-value.js';
import { WandbMetricDefinitions } from '../metric-definitions.js';
import { decodeMetricRecord } from '../offline/metric-record.js';
import type { WandbItem, WandbRecord, WandbRunRecord, WandbTimestamp } from '../offline/wandb-record.js';
import { systemEventsLine } from '../system-metrics.js';
import { parseWandbJson } from '../wandb-json.js';
import { mergeTelemetry, type ProtoDict, syncConfigWandb, telemetryDict } from './telemetry-dict.js';

/**
 * What a `.wandb` transaction log asks the server to hold, in the form the online client sends it:
 * history/events/output lines in file order, the final summary, the merged config, the files to upload and the
 * exit code. Mirrors what W&B's own `sync` does with each record kind (protocol §11).
 */
export interface ReplayPlan {
  readonly run: WandbRunRecord;
  readonly startTimeMs: number;
  /**
   * The config of the run record merged with every later `config` record (raw values); `_wandb` as `wandb sync`
   * sends it (versions, `t` from the telemetry, `m` from the `metric` records).
   */
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

/** What the records seen so far ask for (`planReplay`'s working state). */
interface ReplayState {
  readonly startTimeMs: number;
  readonly config: Record<string, unknown>;
  readonly warnings: string[];
  readonly historyLines: string[];
  readonly eventLines: string[];
  readonly outputLines: string[];
  /** Console text per stream that has not ended in a newline yet, with the time of its first piece. */
  readonly pendingOutput: Map<string, { text: string; stamp: string }>;
  readonly summaryKeys: string[];
  readonly summaryValues: Map<string, string>;
  readonly files: string[];
  exitCode: number | undefined;
  runtimeSeconds: number | undefined;
  seenRun: boolean;
  /** The run's telemetry merged with every `telemetry` record (`_wandb.t`), when the log has any. */
  telemetry: ProtoDict | undefined;
  /** The `metric` records, merged as the sender does (`_wandb.m`). */
  readonly metrics: WandbMetricDefinitions;
}

export function planReplay(records: readonly WandbRecord[]): ReplayPlan {
  const runRecord = records.find((r) => r.type === 'run')?.run;
  if (!runRecord) throw new ReplayError('the log has no run record, so W&B cannot create the run');
  const state: ReplayState = {
    startTimeMs: timestampMs(runRecord.start_time) ?? 0,
    config: {},
    warnings: [],
    historyLines: [],
    eventLines: [],
    outputLines: [],
    pendingOutput: new Map(),
    summaryKeys: [],
    summaryValues: new Map(),
    files: [],
    exitCode: undefined,
    runtimeSeconds: undefined,
    seenRun: false,
    telemetry: runRecord.telemetry === undefined ? undefined : telemetryDict(runRecord.telemetry),
    metrics: new WandbMetricDefinitions(),
  };
  applyItems(state.config, runRecord.config?.update, runRecord.config?.remove, state.warnings, 'config');
  for (const record of records) replayRecord(state, record);
  const { telemetry, startTimeMs, metrics } = state;
  state.config._wandb = syncConfigWandb(state.config._wandb, telemetry, startTimeMs, metrics.configM);
  for (const [stream, pending] of state.pendingOutput) {
    if (pending.text !== '') state.outputLines.push(outputLine(stream, pending.stamp, pending.text));
  }
  const { summaryKeys, summaryValues, runtimeSeconds } = state;
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
    startTimeMs: state.startTimeMs,
    config: state.config,
    historyLines: state.historyLines,
    eventLines: state.eventLines,
    outputLines: state.outputLines,
    summaryLine,
    files: state.files,
    exitCode: state.exitCode,
    runtimeSeconds,
    warnings: state.warnings,
  };
}

/** What W&B's own sync does with one record kind. */
function replayRecord(state: ReplayState, record: WandbRecord): void {
  switch (record.type) {
    case 'run':
      // Later run records are updates of the same run (resumes); only the first one creates it.
      state.seenRun = true;
      break;
    case 'config':
      if (state.seenRun)
        applyItems(state.config, record.config?.update, record.config?.remove, state.warnings, 'config');
      break;
    case 'history':
      replayHistory(state, record.history?.item ?? []);
      break;
    case 'summary':
      for (const item of record.summary?.update ?? []) {
        const key = itemKey(item);
        if (key === undefined || item.value_json === undefined) continue;
        if (!state.summaryValues.has(key)) state.summaryKeys.push(key);
        state.summaryValues.set(key, item.value_json);
      }
      break;
    case 'stats': {
      const at = timestampMs(record.stats?.timestamp) ?? state.startTimeMs;
      state.eventLines.push(systemEventsLine(record.stats?.item ?? [], at, state.startTimeMs));
      break;
    }
    case 'output_raw':
    case 'output':
      replayOutput(state, record.output_raw ?? record.output);
      break;
    case 'files':
      for (const file of record.files?.files ?? []) {
        if (file.path && !state.files.includes(file.path)) state.files.push(file.path);
      }
      break;
    case 'telemetry': {
      const next = record.telemetry === undefined ? undefined : telemetryDict(record.telemetry);
      if (next !== undefined) state.telemetry = mergeTelemetry(state.telemetry ?? {}, next);
      break;
    }
    case 'metric':
      try {
        if (record.metric !== undefined) state.metrics.replay(decodeMetricRecord(record.metric));
      } catch {
        state.warnings.push('a metric record is not a valid MetricRecord; left out of config _wandb.m');
      }
      break;
    case 'exit':
      state.exitCode = record.exit?.exit_code ?? 0;
      state.runtimeSeconds = record.exit?.runtime;
      break;
    default:
      break;
  }
}

function replayHistory(state: ReplayState, items: readonly WandbItem[]): void {
  const keys: string[] = [];
  const values: string[] = [];
  for (const item of items) {
    const key = itemKey(item);
    if (key === undefined || item.value_json === undefined) continue;
    keys.push(key);
    values.push(item.value_json);
  }
  if (keys.length > 0) state.historyLines.push(historyLine({ keys, valuesJson: values }));
}

/** Console pieces joined into lines per stream, each stamped with the time its first piece was written. */
function replayOutput(state: ReplayState, out: WandbRecord['output']): void {
  if (!out?.line) return;
  const stream = out.output_type ?? 'STDERR';
  const stamp = isoStamp(timestampMs(out.timestamp) ?? state.startTimeMs);
  const pending = state.pendingOutput.get(stream) ?? { text: '', stamp };
  if (pending.text === '') pending.stamp = stamp;
  pending.text += out.line;
  let newline = pending.text.indexOf('\n');
  while (newline >= 0) {
    state.outputLines.push(outputLine(stream, pending.stamp, pending.text.slice(0, newline)));
    pending.text = pending.text.slice(newline + 1);
    pending.stamp = stamp;
    newline = pending.text.indexOf('\n');
  }
  state.pendingOutput.set(stream, pending);
}

/** An `output.log` line as the Python client writes it (`ERROR ` marks stderr). */
function outputLine(stream: string, stamp: string, text: string): string {
  return `${stream === 'STDERR' ? 'ERROR ' : ''}${stamp} ${text}\n`;
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
