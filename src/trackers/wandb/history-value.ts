import type { HistogramValue, MetricValue } from '../../core/values.js';
import { buildTableFile, type TableFile } from './table-file.js';
import { stringifyWandbJson, wandbJsonNumber } from './wandb-json.js';

/**
 * How trainscope values become W&B history/summary values (shared by online and offline mode):
 * - numbers: JSON numbers; NaN/±Infinity as the bare tokens `NaN`/`Infinity`/`-Infinity` (as the Python client);
 * - text: a plain JSON string. The W&B UI shows string history/summary values as text in run tables and
 *   the summary; `wandb.Html` would need a media file per value, which is heavier and renders the same words;
 * - histograms: `{"_type": "histogram", "values": counts, "bins": edges}` (wandb.Histogram's JSON), with at most
 *   512 bins (W&B's limit), merging neighbouring bins when there are more;
 * - tables: a `.table.json` file plus the `{"_type": "table-file", ...}` reference (see `table-file.ts`).
 */

/** Longest history or summary line W&B accepts (`MAX_LINE_BYTES`, 10 MiB − 100 KiB). */
export const MAX_LINE_BYTES = 10 * 1024 * 1024 - 100 * 1024;

/** The most bins `wandb.Histogram` allows. */
export const MAX_HISTOGRAM_BINS = 512;

/** Keys W&B adds to every history row; a user key with one of these names is not written. */
export const RESERVED_HISTORY_KEYS: ReadonlySet<string> = new Set(['_step', '_runtime', '_timestamp']);

/** A value encoded as W&B JSON text, plus the table file it refers to (for tables). */
export interface EncodedValue {
  readonly json: string;
  readonly tableFile: TableFile | undefined;
}

/** `wandb.Histogram`'s JSON object for a histogram value (≤ 512 bins). */
export function histogramJson(value: HistogramValue): string {
  let counts: readonly number[] = value.counts;
  let edges: readonly number[] = value.edges;
  if (counts.length > MAX_HISTOGRAM_BINS) {
    const factor = Math.ceil(counts.length / MAX_HISTOGRAM_BINS);
    const merged: number[] = [];
    const mergedEdges: number[] = [edges[0] as number];
    for (let start = 0; start < counts.length; start += factor) {
      const end = Math.min(start + factor, counts.length);
      let sum = 0;
      for (let i = start; i < end; i++) sum += counts[i] as number;
      merged.push(sum);
      mergedEdges.push(edges[end] as number);
    }
    counts = merged;
    edges = mergedEdges;
  }
  return `{"_type":"histogram","values":${numberListJson(counts)},"bins":${numberListJson(edges)}}`;
}

function numberListJson(values: readonly number[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += wandbJsonNumber(values[i] as number);
  }
  return `${out}]`;
}

/**
 * Encodes one logged value. `key` and `step` name the table file when the value is a table.
 */
export function encodeMetricValue(key: string, step: number, value: MetricValue): EncodedValue {
  if (typeof value === 'number') return { json: wandbJsonNumber(value), tableFile: undefined };
  switch (value.kind) {
    case 'text':
      return { json: JSON.stringify(value.text), tableFile: undefined };
    case 'histogram':
      return { json: histogramJson(value), tableFile: undefined };
    case 'table': {
      const tableFile = buildTableFile(key, step, value);
      return { json: stringifyWandbJson(tableFile.reference), tableFile };
    }
  }
}

/**
 * One history row encoded for W&B: the user's keys followed by `_timestamp`, `_runtime` and `_step`
 * (the order the Python client writes), each with its JSON text.
 */
export interface EncodedHistoryRow {
  readonly step: number;
  readonly keys: readonly string[];
  readonly valuesJson: readonly string[];
  /** Table files the row refers to; they must be stored (offline) or uploaded (online) with the row. */
  readonly tableFiles: readonly TableFile[];
  /** User keys that were left out because W&B reserves them (`_step`, `_runtime`, `_timestamp`). */
  readonly reservedKeys: readonly string[];
  /** Whether every value's JSON is ASCII (a row of numbers): its UTF-8 length is its string length. */
  readonly asciiValues: boolean;
}

/**
 * Milliseconds as a JSON number of seconds. Whole milliseconds (what `Date.now()` gives) are formatted with
 * integer arithmetic, which is several times cheaper than the float-to-shortest-string conversion, and gives
 * the same text as `String(ms / 1000)`.
 */
export function millisecondsAsSeconds(ms: number): string {
  if (Number.isSafeInteger(ms) && ms >= 0) {
    const seconds = Math.floor(ms / 1000);
    const rest = ms - seconds * 1000;
    if (rest === 0) return String(seconds);
    let fraction = rest < 10 ? `00${rest}` : rest < 100 ? `0${rest}` : String(rest);
    if (fraction.endsWith('0'))
      fraction = fraction.endsWith('00') ? fraction.slice(0, 1) : fraction.slice(0, 2);
    return `${seconds}.${fraction}`;
  }
  return wandbJsonNumber(ms / 1000);
}

/** The JSON object line (as in `wandb-history.jsonl` / `wandb-summary.json`) for parallel keys and JSON values. */
export function jsonObjectLine(keys: readonly string[], valuesJson: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out += ',';
    out += `${JSON.stringify(keys[i])}:${valuesJson[i]}`;
  }
  return `${out}}`;
}

/**
 * The `wandb-history.jsonl` line of an encoded row: what the live stream sends for each row the run model
 * completes, and what `trainscope sync` sends for each history record of a log.
 */
export function historyLine(row: Pick<EncodedHistoryRow, 'keys' | 'valuesJson'>): string {
  return jsonObjectLine(row.keys, row.valuesJson);
}
