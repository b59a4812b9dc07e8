import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskedCrc32c } from '../../../src/trackers/tensorboard/crc32c.js';
import { frameInPlace, frameRecord, scanRecords } from '../../../src/trackers/tensorboard/record.js';
import { FIXTURES, hex } from '../../helpers/tensorboard.js';

const scalarsFile = readFileSync(join(FIXTURES, 'scalars', 'events.out.tfevents.1796000221.vm'));
const records = (
  JSON.parse(readFileSync(join(FIXTURES, 'scalars', 'records.json'), 'utf8')) as {
    records: { offset: number; length: number; payload_hex: string }[];
  }
).records;

describe('TFRecord framing', () => {
  it('frames the first fixture record byte for byte', () => {
    const payload = Buffer.from('09b4ec557732c3da411a0d627261696e2e4576656e743a32', 'hex');
    expect(hex(frameRecord(payload))).toBe(`1800000000000000a37f4b22${hex(payload)}9dd6a514`);
  });

  it('re-framing every fixture payload reproduces the tensorboardX file exactly', () => {
    const framed = Buffer.concat(records.map((r) => frameRecord(Buffer.from(r.payload_hex, 'hex'))));
    expect(framed.equals(scalarsFile)).toBe(true);
  });

  it('frames in place inside a larger buffer and returns the end offset', () => {
    const payload = Buffer.from(records[3]!.payload_hex, 'hex');
    const target = Buffer.alloc(100, 0xee);
    payload.copy(target, 5 + 12);
    const end = frameInPlace(target, 5, payload.length);
    expect(end).toBe(5 + 16 + payload.length);
    expect(
      target.subarray(5, end).equals(scalarsFile.subarray(records[3]!.offset, records[3]!.offset + 48)),
    ).toBe(true);
    expect(target[4]).toBe(0xee);
    expect(target[end]).toBe(0xee);
  });

  it('scans the fixture into its 101 payloads at the recorded offsets', () => {
    const scan = scanRecords(scalarsFile);
    expect(scan.problem).toBeUndefined();
    expect(scan.payloads.map(hex)).toEqual(records.map((r) => r.payload_hex));
    expect(scan.offsets).toEqual(records.map((r) => r.offset));
  });

  it('reports a truncated tail with its offset and keeps every whole record', () => {
    const bytes = readFileSync(join(FIXTURES, 'truncated', 'events.out.tfevents.1796000221.vm'));
    const scan = scanRecords(bytes);
    expect(scan.payloads).toHaveLength(100);
    expect(scan.problem).toMatchObject({
      kind: 'truncated',
      recordIndex: 100,
      offset: 4788,
      length: 32,
      unreadBytes: 28,
    });
    // A tail shorter than a header is truncated too.
    const short = scanRecords(scalarsFile.subarray(0, 40 + 5));
    expect(short.payloads).toHaveLength(1);
    expect(short.problem).toMatchObject({ kind: 'truncated', offset: 40, unreadBytes: 5 });
  });

  it('stops at a data CRC mismatch, like TensorBoard, even though intact records follow', () => {
    const bytes = readFileSync(join(FIXTURES, 'crc-mismatch', 'events.out.tfevents.1796000221.vm'));
    const scan = scanRecords(bytes);
    expect(scan.payloads).toHaveLength(50);
    expect(scan.problem).toMatchObject({
      kind: 'data_crc_mismatch',
      recordIndex: 50,
      offset: 2388,
      unreadBytes: 2448,
    });
  });

  it('detects a corrupted length field by its CRC', () => {
    const bytes = Buffer.from(scalarsFile);
    bytes[40] = (bytes[40] as number) ^ 0x01;
    const scan = scanRecords(bytes);
    expect(scan.payloads).toHaveLength(1);
    expect(scan.problem).toMatchObject({ kind: 'length_crc_mismatch', recordIndex: 1, offset: 40 });
  });
});

describe('length CRC cache', () => {
  it('gives the same header as computing the CRC, on both sides of the cache boundary', () => {
    for (const length of [0, 1, 24, 255, 256, 4095, 4096, 70_000]) {
      const record = frameRecord(new Uint8Array(length).fill(3));
      const header = Buffer.alloc(8);
      header.writeUInt32LE(length, 0);
      expect(record.readUInt32LE(8), `length ${length}`).toBe(maskedCrc32c(header));
      expect(scanRecords(record).payloads).toHaveLength(1);
    }
  });
});
