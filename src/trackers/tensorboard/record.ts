import { maskedCrc32c } from './crc32c.js';

/**
 * TFRecord framing: uint64 LE payload length, masked CRC32C of those 8 bytes, the payload, masked CRC32C of
 * the payload. 16 bytes of overhead per record.
 */
export const RECORD_OVERHEAD = 16;
export const RECORD_HEADER_BYTES = 12;

/**
 * Masked CRCs of the 8-byte length field for short records, each computed when first needed (-1 until then):
 * every scalar event hits this table. Filling it up front ran the CRC 4,096 times on 8-byte inputs at load, which
 * got the CRC functions optimized without feedback for their tail loop, and the first real record deoptimized
 * them.
 */
const LENGTH_CRC_CACHE_SIZE = 4096;
const lengthCrcCache = new Float64Array(LENGTH_CRC_CACHE_SIZE).fill(-1);

/** The masked CRC of the length field `bytes[offset, offset + 8)`, which says `length` (< the cache size). */
function lengthCrc(bytes: Uint8Array, offset: number, length: number): number {
  let crc = lengthCrcCache[length]!;
  if (crc < 0) {
    crc = maskedCrc32c(bytes, offset, offset + 8);
    lengthCrcCache[length] = crc;
  }
  return crc;
}

/**
 * Frames the payload already placed at `target[offset + 12, offset + 12 + length)`: writes the length,
 * both CRCs, and returns the offset just past the record. The writer encodes straight into its buffer and
 * calls this, so no record is copied.
 */
export function frameInPlace(target: Uint8Array, offset: number, length: number): number {
  writeUint32LE(target, offset, length);
  if (length < LENGTH_CRC_CACHE_SIZE) {
    writeUint32LE(target, offset + 4, 0);
    writeUint32LE(target, offset + 8, lengthCrc(target, offset, length));
  } else {
    writeUint32LE(target, offset + 4, Math.floor(length / 0x1_0000_0000));
    writeUint32LE(target, offset + 8, maskedCrc32c(target, offset, offset + 8));
  }
  const end = offset + RECORD_HEADER_BYTES + length;
  writeUint32LE(target, end, maskedCrc32c(target, offset + RECORD_HEADER_BYTES, end));
  return end + 4;
}

/** One whole record around `payload`, as a new buffer. */
export function frameRecord(payload: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(payload.length + RECORD_OVERHEAD);
  record.set(payload, RECORD_HEADER_BYTES);
  frameInPlace(record, 0, payload.length);
  return record;
}

export function writeUint32LE(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value;
  target[offset + 1] = value >>> 8;
  target[offset + 2] = value >>> 16;
  target[offset + 3] = value >>> 24;
}

export function readUint32LE(source: Uint8Array, offset: number): number {
  return (
    (source[offset]! |
      (source[offset + 1]! << 8) |
      (source[offset + 2]! << 16) |
      (source[offset + 3]! << 24)) >>>
    0
  );
}

export type RecordProblemKind = 'truncated' | 'length_crc_mismatch' | 'data_crc_mismatch';

export interface RecordProblem {
  readonly kind: RecordProblemKind;
  /** Index of the bad record among the file's records. */
  readonly recordIndex: number;
  /** Byte offset where the bad record starts. */
  readonly offset: number;
  /** The record's payload length, when its header could be read. */
  readonly length: number | undefined;
  /** Bytes from `offset` to the end of the file. */
  readonly unreadBytes: number;
  readonly message: string;
}

export interface RecordScan {
  /** Payloads of the whole, CRC-valid records, in file order (views into the input). */
  readonly payloads: Uint8Array[];
  /** Byte offset of each payload's record. */
  readonly offsets: number[];
  /** Why reading stopped before the end, if it did. Reading stops at the first bad record, as TensorBoard's. */
  readonly problem: RecordProblem | undefined;
}

/** `recordAt`'s answers other than a payload length. */
export const RECORD_TRUNCATED = -1;
export const RECORD_LENGTH_CRC_MISMATCH = -2;
export const RECORD_DATA_CRC_MISMATCH = -3;

/** A DataView over exactly `bytes` (view offsets are byte offsets): what `recordAt` reads the framing through. */
export function viewOfBytes(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The payload length of the record starting at `bytes[offset]`, when the record lies whole before `end` and both
 * its CRCs check; otherwise `RECORD_TRUNCATED` or one of the CRC mismatch codes. No allocation when `view` (a
 * `viewOfBytes(bytes)`) is given: readers that walk millions of records (the dashboard's indexer) make one view
 * of their reused buffer and call this in a loop. Reading the framing words through that view measured a third
 * faster per record than byte arithmetic (and than looking the view up on each call).
 */
export function recordAt(
  bytes: Uint8Array,
  offset: number,
  end = bytes.length,
  view = viewOfBytes(bytes),
): number {
  const remaining = end - offset;
  if (remaining < RECORD_HEADER_BYTES) return RECORD_TRUNCATED;
  const low = view.getUint32(offset, true);
  const high = view.getUint32(offset + 4, true);
  const expected =
    high === 0 && low < LENGTH_CRC_CACHE_SIZE
      ? lengthCrc(bytes, offset, low)
      : maskedCrc32c(bytes, offset, offset + 8);
  if (view.getUint32(offset + 8, true) !== expected) return RECORD_LENGTH_CRC_MISMATCH;
  const length = low + high * 0x1_0000_0000;
  if (remaining < length + RECORD_OVERHEAD) return RECORD_TRUNCATED;
  const start = offset + RECORD_HEADER_BYTES;
  const stop = start + length;
  if (view.getUint32(stop, true) !== maskedCrc32c(bytes, start, stop)) return RECORD_DATA_CRC_MISMATCH;
  return length;
}

/** Splits a TFRecord file's bytes into payloads, checking both CRCs of every record. */
export function scanRecords(bytes: Uint8Array): RecordScan {
  const payloads: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const view = viewOfBytes(bytes);
  const stop = (kind: RecordProblemKind, length: number | undefined, message: string): RecordScan => ({
    payloads,
    offsets,
    problem: {
      kind,
      recordIndex: payloads.length,
      offset,
      length,
      unreadBytes: bytes.length - offset,
      message,
    },
  });
  while (offset < bytes.length) {
    const length = recordAt(bytes, offset, bytes.length, view);
    if (length >= 0) {
      const start = offset + RECORD_HEADER_BYTES;
      payloads.push(bytes.subarray(start, start + length));
      offsets.push(offset);
      offset = start + length + 4;
      continue;
    }
    const remaining = bytes.length - offset;
    if (length === RECORD_LENGTH_CRC_MISMATCH)
      return stop('length_crc_mismatch', undefined, 'length CRC mismatch');
    if (remaining < RECORD_HEADER_BYTES) {
      return stop(
        'truncated',
        undefined,
        `record cut short: have ${remaining} of at least ${RECORD_OVERHEAD} bytes`,
      );
    }
    const declared = readUint32LE(bytes, offset) + readUint32LE(bytes, offset + 4) * 0x1_0000_0000;
    if (length === RECORD_DATA_CRC_MISMATCH) return stop('data_crc_mismatch', declared, 'data CRC mismatch');
    return stop(
      'truncated',
      declared,
      `record cut short: have ${remaining} of ${declared + RECORD_OVERHEAD} bytes`,
    );
  }
  return { payloads, offsets, problem: undefined };
}
