import type { AppendOnlyFile } from '../../src/io/append-only-file.js';

/**
 * A toy record format for the AppendOnlyFile tests: u32 payload length, u32 sequence number, the payload (byte i
 * is `(seq + i) & 0xff`), u32 end marker. Every byte is predictable, so a reader can tell whole records from a
 * torn or corrupted one without any CRC.
 */
export const TEST_HEADER = Buffer.from('AOF-TEST');
const END_MARKER = 0x0c0ffee0;
const OVERHEAD = 12;

export function testRecordLength(payloadLength: number): number {
  return payloadLength + OVERHEAD;
}

/** Frames record `seq` in place in the file's chunk (reserve, write, commit). Returns false when dropped. */
export function appendTestRecord(file: AppendOnlyFile, seq: number, payloadLength: number): boolean {
  const offset = file.reserve(testRecordLength(payloadLength));
  if (offset < 0) return false;
  const chunk = file.chunk;
  chunk.writeUInt32LE(payloadLength, offset);
  chunk.writeUInt32LE(seq, offset + 4);
  for (let i = 0; i < payloadLength; i++) chunk[offset + 8 + i] = (seq + i) & 0xff;
  chunk.writeUInt32LE(END_MARKER, offset + 8 + payloadLength);
  file.commit(offset + testRecordLength(payloadLength));
  return true;
}

/** One whole record as bytes (what `appendTestRecord` frames in place). */
export function testRecordBytes(seq: number, payloadLength: number): Buffer {
  const bytes = Buffer.alloc(testRecordLength(payloadLength));
  bytes.writeUInt32LE(payloadLength, 0);
  bytes.writeUInt32LE(seq, 4);
  for (let i = 0; i < payloadLength; i++) bytes[8 + i] = (seq + i) & 0xff;
  bytes.writeUInt32LE(END_MARKER, 8 + payloadLength);
  return bytes;
}

export interface TestRecordScan {
  readonly headerOk: boolean;
  /** Sequence numbers of the whole records, in file order. */
  readonly seqs: number[];
  /** Bytes after the last whole record. */
  readonly tailBytes: number;
  /** Why the tail is not a record: `torn` (a prefix of a valid record) or `corrupt` (bytes that are not). */
  readonly tail: 'none' | 'torn' | 'corrupt';
}

/** Reads the records back, stopping at the first one that is not whole and checking what the rest looks like. */
export function scanTestRecords(bytes: Buffer): TestRecordScan {
  const headerOk = bytes.subarray(0, TEST_HEADER.length).equals(TEST_HEADER);
  const seqs: number[] = [];
  let at = TEST_HEADER.length;
  while (at < bytes.length) {
    const rest = bytes.subarray(at);
    if (rest.length < 8) break;
    const length = rest.readUInt32LE(0);
    if (rest.length < testRecordLength(length)) break;
    if (!rest.subarray(0, testRecordLength(length)).equals(testRecordBytes(rest.readUInt32LE(4), length))) {
      return { headerOk, seqs, tailBytes: rest.length, tail: 'corrupt' };
    }
    seqs.push(rest.readUInt32LE(4));
    at += testRecordLength(length);
  }
  const rest = bytes.subarray(at);
  if (rest.length === 0) return { headerOk, seqs, tailBytes: 0, tail: 'none' };
  // A torn record is a prefix of the record that would come next (records are numbered 0, 1, 2…).
  const seq = (seqs.at(-1) ?? -1) + 1;
  const length = rest.length >= 4 ? rest.readUInt32LE(0) : 0;
  const torn = rest.length < 4 || testRecordBytes(seq, length).subarray(0, rest.length).equals(rest);
  return { headerOk, seqs, tailBytes: rest.length, tail: torn ? 'torn' : 'corrupt' };
}
