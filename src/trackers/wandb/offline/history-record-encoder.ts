import type { EncodableRecord } from './log-writer.js';
import { sameKeys } from '../../../core/same-keys.js';
import { varintLength, writeVarint } from '../../../io/protobuf-varint.js';

/**
 * The hot path of offline mode: a `wandb_internal.Record` holding one `HistoryRecord`, encoded by hand into a
 * reused scratch buffer. It writes exactly the bytes protobufjs writes for
 * `{num, history: {item: [{key, value_json}...], step: {num: step}}}` (checked by tests), without building the
 * message objects.
 *
 * Each key's bytes up to its value's length are the same in every row — the `key` field and the `value_json`
 * tag — so they are made once per key (an item's "head") and copied; only the lengths and the values' text are
 * written per row.
 */
export class HistoryRecordEncoder implements EncodableRecord {
  private scratch = Buffer.allocUnsafe(64 * 1024);
  private readonly heads = new Map<string, Uint8Array>();
  // Per-item scratch, reused across rows.
  private readonly itemHeads: Uint8Array[] = [];
  private readonly itemLengths: number[] = [];
  private readonly valueLengths: number[] = [];
  /** The keys of the last record prepared, whose heads `itemHeads` holds. */
  private lastKeys: readonly string[] = [];
  // The record `prepare` measured, which `writeInto` writes.
  private num = 0;
  private step = 0;
  private count = 0;
  private valuesJson: readonly string[] = [];
  private historyLength = 0;
  private stepContent = 0;
  /** Bytes of the record last prepared. */
  length = 0;

  /** Encodes the record; the returned view is valid until the next call. */
  encode(num: number, step: number, keys: readonly string[], valuesJson: readonly string[]): Buffer {
    const total = this.prepare(num, step, keys, valuesJson);
    if (total > this.scratch.length)
      this.scratch = Buffer.allocUnsafe(Math.max(total, this.scratch.length * 2));
    this.writeInto(this.scratch, 0);
    return this.scratch.subarray(0, total);
  }

  /**
   * Measures the record and keeps what `writeInto` needs (until the next `prepare`), so a caller can write it
   * straight where it goes. @returns its length in bytes
   */
  prepare(
    num: number,
    step: number,
    keys: readonly string[],
    valuesJson: readonly string[],
    /** Every value is ASCII (numbers' JSON): no need to count its UTF-8 bytes. */
    ascii = false,
  ): number {
    const count = keys.length;
    let historyLength = 0;
    const itemHeads = this.itemHeads;
    const itemLengths = this.itemLengths;
    const valueLengths = this.valueLengths;
    // Most rows repeat the previous row's keys (the same strings): their heads are already in `itemHeads`.
    const repeated = this.sameKeysAsLast(keys);
    for (let i = 0; i < count; i++) {
      let head: Uint8Array;
      if (repeated) head = itemHeads[i] as Uint8Array;
      else {
        head = this.headOf(keys[i] as string);
        itemHeads[i] = head;
      }
      const value = valuesJson[i] as string;
      const vl = ascii ? value.length : utf8Length(value);
      valueLengths[i] = vl;
      const itemLength = head.length + (vl < 0x80 ? 1 : varintLength(vl)) + vl;
      itemLengths[i] = itemLength;
      historyLength += (itemLength < 0x80 ? 2 : 1 + varintLength(itemLength)) + itemLength;
    }
    const stepContent = step !== 0 ? 1 + varintLength(step) : 0;
    historyLength += 2 + stepContent;
    this.num = num;
    this.step = step;
    this.count = count;
    this.valuesJson = valuesJson;
    this.historyLength = historyLength;
    this.stepContent = stepContent;
    this.length = 1 + varintLength(num) + 1 + varintLength(historyLength) + historyLength;
    return this.length;
  }

  /** An item's bytes before its value's length: `key` (field 1) and the `value_json` tag (field 16). */
  private headOf(key: string): Uint8Array {
    let head = this.heads.get(key);
    if (head === undefined) {
      const keyBytes = Buffer.from(key, 'utf8');
      head = new Uint8Array(1 + varintLength(keyBytes.length) + keyBytes.length + 2);
      head[0] = 0x0a; // key = 1, length-delimited
      const at = writeVarint(head, 1, keyBytes.length);
      head.set(keyBytes, at);
      head[at + keyBytes.length] = 0x82; // value_json = 16, length-delimited
      head[at + keyBytes.length + 1] = 0x01;
      if (this.heads.size < 100_000) this.heads.set(key, head);
    }
    return head;
  }

  /**
   * Whether `keys` are the keys of the last record prepared, compared one by one (a caller may refill one array);
   * other keys are remembered, copied.
   */
  private sameKeysAsLast(keys: readonly string[]): boolean {
    const same = sameKeys(this.lastKeys, keys);
    if (!same) this.lastKeys = keys.slice();
    return same;
  }

  /** Writes the record last prepared at `out[at]` (which has room for `length` bytes). */
  writeInto(out: Buffer, start: number): void {
    const { itemHeads, itemLengths, valueLengths, valuesJson, step, stepContent } = this;
    let at = start;
    out[at++] = 0x08; // num = 1, varint
    at = writeVarint(out, at, this.num);
    out[at++] = 0x12; // history = 2, length-delimited
    at = writeVarint(out, at, this.historyLength);
    for (let i = 0; i < this.count; i++) {
      const head = itemHeads[i] as Uint8Array;
      const itemLength = itemLengths[i] as number;
      const vl = valueLengths[i] as number;
      out[at++] = 0x0a; // item = 1
      if (itemLength < 0x80) out[at++] = itemLength;
      else at = writeVarint(out, at, itemLength);
      const headLength = head.length;
      if (headLength < 64) {
        for (let c = 0; c < headLength; c++) out[at + c] = head[c] as number;
      } else {
        out.set(head, at);
      }
      at += headLength;
      if (vl < 0x80) out[at++] = vl;
      else at = writeVarint(out, at, vl);
      const value = valuesJson[i] as string;
      if (vl === value.length && vl < 48) {
        // All ASCII (UTF-8 length equals UTF-16 length): copying in JS beats a native call for short values.
        for (let c = 0; c < vl; c++) out[at + c] = value.charCodeAt(c);
        at += vl;
      } else {
        at += out.write(value, at, vl, 'utf8');
      }
    }
    out[at++] = 0x12; // step = 2
    out[at++] = stepContent;
    if (step !== 0) {
      out[at++] = 0x08;
      at = writeVarint(out, at, step);
    }
  }
}

/** UTF-8 bytes of `text`: counted in JS for short ASCII text (a number's JSON), natively otherwise. */
function utf8Length(text: string): number {
  const n = text.length;
  if (n > 64) return Buffer.byteLength(text, 'utf8');
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) >= 0x80) return Buffer.byteLength(text, 'utf8');
  return n;
}
