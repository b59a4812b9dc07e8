import { encodeClosingRecord } from './closing-record-encoder.js';
import { RecordMessage } from './wandb-proto.js';
import type { WandbRecord, WandbRecordType } from './wandb-record.js';

const RECORD_TYPES: ReadonlySet<string> = new Set<WandbRecordType>([
  'history',
  'summary',
  'output',
  'config',
  'files',
  'stats',
  'artifact',
  'telemetry',
  'metric',
  'output_raw',
  'run',
  'exit',
  'final',
  'header',
  'footer',
  'preempting',
]);

const TO_OBJECT_OPTIONS = { longs: Number, enums: String, defaults: false, oneofs: true } as const;

/** Serializes a record as a `wandb_internal.Record` (only the `type` member of the oneof is written). */
export function encodeWandbRecord(record: WandbRecord): Uint8Array {
  const closing = encodeClosingRecord(record);
  if (closing !== undefined) return closing;
  const message: Record<string, unknown> = { num: record.num ?? 0 };
  if (record.type !== 'unknown') message[record.type] = record[record.type] ?? {};
  if (record.control !== undefined) message.control = record.control;
  if (record.uuid !== undefined) message.uuid = record.uuid;
  if (record._info !== undefined) message._info = record._info;
  // fromObject turns enum names into numbers (encode alone would write them as 0).
  return RecordMessage.encode(RecordMessage.fromObject(message)).finish();
}

/** Parses one `wandb_internal.Record` payload. Throws on malformed protobuf. */
export function decodeWandbRecord(payload: Uint8Array): WandbRecord {
  const message = RecordMessage.decode(payload);
  const object = RecordMessage.toObject(message, TO_OBJECT_OPTIONS) as Record<string, unknown>;
  const oneof = object.record_type;
  delete object.record_type;
  const type: WandbRecordType =
    typeof oneof === 'string' && RECORD_TYPES.has(oneof) ? (oneof as WandbRecordType) : 'unknown';
  return { type, ...object } as WandbRecord;
}
