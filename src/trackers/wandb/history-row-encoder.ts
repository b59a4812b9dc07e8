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
 *
 * What `encode` returns is reused, since every consumer takes a row synchronously (the sinks encode or copy it at
 * once): the row object until the next `encode`, its `valuesJson` array until the one after, because the run's
 * summary holds the last row's values until the next row replaces them. Without the two, a row of three numbers
 * allocated about a third of what the writer thread allocates per row (young-generation garbage is collection
 * time).
 */
export class HistoryRowEncoder {
  private lastRowKeys: readonly string[] = [];
  private lastEncodedKeys: string[] = [];
  private readonly timestamp = new SecondsText();
  private readonly runtime = new SecondsText();
  /** The two `valuesJson` arrays, taken in turn. */
  private readonly valueArrays: [string[], string[]] = [[], []];
  private turn = 0;
  private readonly encoded: Mutable<EncodedHistoryRow> = {
    step: 0,
    keys: [],
    valuesJson: [],
    tableFiles: [],
    reservedKeys: [],
    asciiValues: true,
  };

  constructor(private readonly startTimeMs: number) {}

  encode(row: MetricRow): EncodedHistoryRow {
    const repeated = row.keys.length > 0 && sameKeys(this.lastRowKeys, row.keys);
    const keys: string[] = repeated ? this.lastEncodedKeys : new Array(row.keys.length + 3);
    this.turn ^= 1;
    const valuesJson = this.valueArrays[this.turn] as string[];
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
    // Reserved user keys were skipped, or the reused array held a wider row: the arrays end here (setting `length`
    // costs even when it does not change).
    if (n !== keys.length) keys.length = n;
    if (n !== valuesJson.length) valuesJson.length = n;
    if (!repeated && reservedKeys === undefined) {
      // A copy: the caller may refill its keys array.
      this.lastRowKeys = row.keys.slice();
      this.lastEncodedKeys = keys;
    }
    const encoded = this.encoded;
    encoded.step = row.step;
    encoded.keys = keys;
    encoded.valuesJson = valuesJson;
    encoded.tableFiles = tableFiles ?? NO_TABLE_FILES;
    encoded.reservedKeys = reservedKeys ?? NO_KEYS;
    encoded.asciiValues = asciiValues;
    return encoded;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
