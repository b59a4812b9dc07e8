import type { MetricRow } from '../../core/backend.js';
import { sameKeys } from '../../core/same-keys.js';
import type { MetricValue } from '../../core/values.js';
import {
  type EncodedHistoryRow,
  encodeMetricValue,
  millisecondsAsSeconds,
  RESERVED_HISTORY_KEYS,
} from './history-value.js';
import type { TableFile } from './table-file.js';
import { wandbJsonNumber } from './wandb-json.js';

/**
 * Encodes a run's (merged) history rows for W&B: the user's keys followed by `_timestamp` (`row.time` in float
 * seconds since the epoch), `_runtime` (float seconds since the run's start) and `_step`, each value as its JSON
 * text. One per run model, so that what it remembers of the previous row belongs to that run:
 * - a row with the previous row's keys (and no reserved key) shares that row's encoded keys array, never modified
 *   once made, so that the summary and the `.wandb` encoder find the same keys at a glance;
 * - `_timestamp` and `_runtime` are formatted once per millisecond: the rows of a burst share their millisecond.
 */
export class HistoryRowEncoder {
  private lastRowKeys: readonly string[] = [];
  private lastEncodedKeys: string[] = [];
  private readonly timestamp = new SecondsText();
  private readonly runtime = new SecondsText();

  constructor(private readonly startTimeMs: number) {}

  encode(row: MetricRow): EncodedHistoryRow {
    const repeated = row.keys.length > 0 && sameKeys(this.lastRowKeys, row.keys);
    const keys: string[] = repeated ? this.lastEncodedKeys : new Array(row.keys.length + 3);
    const valuesJson: string[] = new Array(row.keys.length + 3);
    let n = 0;
    let tableFiles: TableFile[] | undefined;
    let reservedKeys: string[] | undefined;
    let asciiValues = true;
    for (let i = 0; i < row.keys.length; i++) {
      const key = row.keys[i] as string;
      if (!repeated && RESERVED_HISTORY_KEYS.has(key)) {
        if (reservedKeys === undefined) reservedKeys = [];
        reservedKeys.push(key);
        continue;
      }
      const value = row.values[i] as MetricValue;
      if (!repeated) keys[n] = key;
      if (typeof value === 'number') {
        valuesJson[n++] = wandbJsonNumber(value);
        continue;
      }
      asciiValues = false;
      const encoded = encodeMetricValue(key, row.step, value);
      valuesJson[n++] = encoded.json;
      if (encoded.tableFile !== undefined) {
        if (tableFiles === undefined) tableFiles = [];
        tableFiles.push(encoded.tableFile);
      }
    }
    if (!repeated) {
      keys[n] = '_timestamp';
      keys[n + 1] = '_runtime';
      keys[n + 2] = '_step';
    }
    valuesJson[n++] = this.timestamp.of(row.time);
    valuesJson[n++] = this.runtime.of(Math.max(0, row.time - this.startTimeMs));
    valuesJson[n++] = wandbJsonNumber(Math.trunc(row.step));
    // Reserved user keys were skipped: the arrays end here (setting `length` costs even when it does not change).
    if (n !== keys.length) {
      keys.length = n;
      valuesJson.length = n;
    }
    if (!repeated && reservedKeys === undefined) {
      // A copy: the caller may refill its keys array.
      this.lastRowKeys = row.keys.slice();
      this.lastEncodedKeys = keys;
    }
    return {
      step: row.step,
      keys,
      valuesJson,
      tableFiles: tableFiles ?? NO_TABLE_FILES,
      reservedKeys: reservedKeys ?? NO_KEYS,
      asciiValues,
    };
  }
}

/** `millisecondsAsSeconds` remembering its last answer (one column: `_timestamp` or `_runtime`). */
class SecondsText {
  private ms = Number.NaN;
  private text = '';

  of(ms: number): string {
    if (ms !== this.ms) {
      this.ms = ms;
      this.text = millisecondsAsSeconds(ms);
    }
    return this.text;
  }
}

const NO_TABLE_FILES: readonly TableFile[] = [];
const NO_KEYS: readonly string[] = [];
