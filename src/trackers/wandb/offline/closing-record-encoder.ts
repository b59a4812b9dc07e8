import { varintLength, writeVarint } from '../../../io/protobuf-varint.js';
import type { WandbItem, WandbRecord } from './wandb-record.js';

/** `Record` field numbers of the records encoded here. */
const SUMMARY_FIELD = 3;
const EXIT_FIELD = 18;
const FINAL_FIELD = 20;
const FOOTER_FIELD = 22;

/**
 * The records every run writes as it ends — `summary`, `exit`, `final`, `footer` — encoded by hand, with the
 * bytes protobufjs writes for them (`test/trackers/wandb/offline/closing-record-encoder.test.ts` compares the
 * two). protobufjs generates a message type's encoder on the type's first use, so those four types' encoders were
 * generated inside `finish()`, on the path an exit handler takes: a run of one `log()` now takes about 5 ms less
 * process CPU to finish.
 *
 * @returns the `wandb_internal.Record` payload, or undefined for a record of another shape (a `control`, `uuid`
 * or `_info`, summary `remove`s or nested keys, a record number outside 0..2^53), which protobufjs encodes.
 */
export function encodeClosingRecord(record: WandbRecord): Uint8Array | undefined {
  if (record.control !== undefined || record.uuid !== undefined || record._info !== undefined)
    return undefined;
  const num = record.num ?? 0;
  if (!Number.isSafeInteger(num) || num < 0) return undefined;
  switch (record.type) {
    case 'summary': {
      const summary = record.summary ?? {};
      if (summary.remove !== undefined || summary._info !== undefined) return undefined;
      return summaryRecord(num, summary.update ?? []);
    }
    case 'exit': {
      const exit = record.exit ?? {};
      if (exit._info !== undefined) return undefined;
      return exitRecord(num, exit.exit_code, exit.runtime);
    }
    case 'final':
    case 'footer': {
      if (record[record.type]?._info !== undefined) return undefined;
      return wrapped(num, record.type === 'final' ? FINAL_FIELD : FOOTER_FIELD, EMPTY);
    }
    default:
      return undefined;
  }
}

const EMPTY = new Uint8Array(0);

/** `Record{num, <field>: message}`: the message's own bytes wrapped as a length-delimited field. */
function wrapped(num: number, field: number, message: Uint8Array): Uint8Array {
  const tag = (field << 3) | 2;
  const numBytes = num !== 0 ? 1 + varintLength(num) : 0;
  const out = Buffer.allocUnsafe(
    numBytes + varintLength(tag) + varintLength(message.length) + message.length,
  );
  let at = 0;
  if (num !== 0) {
    out[at++] = 0x08; // num = 1, varint
    at = writeVarint(out, at, num);
  }
  at = writeVarint(out, at, tag);
  at = writeVarint(out, at, message.length);
  out.set(message, at);
  return out;
}

/** `SummaryRecord{update: [{key, value_json}...]}`; undefined when an item has nested keys. */
function summaryRecord(num: number, items: readonly WandbItem[]): Uint8Array | undefined {
  let length = 0;
  for (const item of items) {
    if (item.nested_key !== undefined) return undefined;
    const itemLength = itemBytes(item);
    length += 1 + varintLength(itemLength) + itemLength;
  }
  const message = Buffer.allocUnsafe(length);
  let at = 0;
  for (const item of items) {
    message[at++] = 0x0a; // update = 1
    at = writeVarint(message, at, itemBytes(item));
    if (item.key) at = writeString(message, at, 0x0a, [], item.key); // key = 1
    if (item.value_json) at = writeString(message, at, 0x82, [0x01], item.value_json); // value_json = 16
  }
  return wrapped(num, SUMMARY_FIELD, message);
}

/** Bytes of a `SummaryItem`: its key and JSON value, each left out when empty (proto3's default). */
function itemBytes(item: WandbItem): number {
  let length = 0;
  if (item.key) length += stringFieldBytes(1, item.key);
  if (item.value_json) length += stringFieldBytes(2, item.value_json);
  return length;
}

function stringFieldBytes(tagBytes: number, text: string): number {
  const bytes = Buffer.byteLength(text, 'utf8');
  return tagBytes + varintLength(bytes) + bytes;
}

function writeString(
  out: Buffer,
  start: number,
  tag: number,
  tagRest: readonly number[],
  text: string,
): number {
  let at = start;
  out[at++] = tag;
  for (const byte of tagRest) out[at++] = byte;
  const bytes = Buffer.byteLength(text, 'utf8');
  at = writeVarint(out, at, bytes);
  return at + out.write(text, at, bytes, 'utf8');
}

/**
 * `RunExitRecord{exit_code, runtime}`, both int32, truncated to 32 bits as protobufjs's `fromObject` does (`| 0`;
 * a negative one is a ten-byte varint); zero, proto3's default, is left out.
 */
function exitRecord(num: number, exitCode: number | undefined, runtime: number | undefined): Uint8Array {
  const code = (exitCode ?? 0) | 0;
  const seconds = (runtime ?? 0) | 0;
  const length = (code === 0 ? 0 : 1 + varintLength(code)) + (seconds === 0 ? 0 : 1 + varintLength(seconds));
  const message = Buffer.allocUnsafe(length);
  let at = 0;
  if (code !== 0) {
    message[at++] = 0x08; // exit_code = 1
    at = writeVarint(message, at, code);
  }
  if (seconds !== 0) {
    message[at++] = 0x10; // runtime = 2
    at = writeVarint(message, at, seconds);
  }
  return wrapped(num, EXIT_FIELD, message);
}
