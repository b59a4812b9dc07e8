import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32c, maskCrc, maskedCrc32c } from '../../../src/trackers/tensorboard/crc32c.js';
import { FIXTURES } from '../../helpers/tensorboard.js';

interface FixtureRecord {
  offset: number;
  length: number;
  length_bytes_hex: string;
  length_crc32c: string;
  length_crc_masked: string;
  data_crc32c: string;
  data_crc_masked: string;
  payload_hex: string;
}

const records = (
  JSON.parse(readFileSync(join(FIXTURES, 'scalars', 'records.json'), 'utf8')) as { records: FixtureRecord[] }
).records;

describe('crc32c', () => {
  // Vectors from the format reference (tensorboard-format.md §1) and toolchain §7.
  const vectors: [string, Uint8Array, number, number][] = [
    ['empty', new Uint8Array(0), 0x00000000, 0xa282ead8],
    ['123456789', Buffer.from('123456789', 'ascii'), 0xe3069283, 0xc78ab0e5],
    ['32 x 0x00', new Uint8Array(32), 0x8a9136aa, 0x0fd7fffa],
    ['32 x 0xFF', new Uint8Array(32).fill(0xff), 0x62a8ab43, 0xf909b029],
    ['0x00..0x1F', Uint8Array.from({ length: 32 }, (_, i) => i), 0x46dd794e, 0x951f7892],
    [
      'TensorBoard test',
      Buffer.concat([Buffer.from([0x1a, 0x11]), Buffer.from('CRC test, one two')]),
      0xf2d95a88,
      0x5794d08a,
    ],
    ['first record length', Buffer.from('1800000000000000', 'hex'), 0x4a65bfe4, 0x224b7fa3],
    [
      'first record payload',
      Buffer.from('09b4ec557732c3da411a0d627261696e2e4576656e743a32', 'hex'),
      0x75e2b911,
      0x14a5d69d,
    ],
  ];
  for (const [name, bytes, crc, masked] of vectors) {
    it(`matches the reference vector: ${name}`, () => {
      expect(crc32c(bytes)).toBe(crc);
      expect(maskCrc(crc)).toBe(masked);
      expect(maskedCrc32c(bytes)).toBe(masked);
    });
  }

  it('is not zlib CRC-32', () => {
    expect(crc32c(Buffer.from('123456789'))).not.toBe(0xcbf43926);
  });

  it('computes a sub-range without copying, for every length around the 8-byte stride', () => {
    const bytes = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 11) & 0xff);
    for (let start = 0; start < 9; start++) {
      for (let end = start; end <= 40; end++) {
        expect(crc32c(bytes, start, end)).toBe(crc32c(bytes.slice(start, end)));
      }
    }
  });

  it('reads the right bytes of views that start inside their memory, alternating between them', () => {
    const memory = Uint8Array.from({ length: 300 }, (_, i) => (i * 53 + 7) & 0xff);
    const views = [memory.subarray(3, 150), memory.subarray(151, 299)];
    for (let round = 0; round < 3; round++) {
      for (const view of views) expect(crc32c(view, 5, 101)).toBe(crc32c(view.slice(5, 101)));
    }
    expect(crc32c(views[0] as Uint8Array, 5, 101)).toBe(crc32c(Uint8Array.from(memory.subarray(8, 104))));
  });

  it('matches every CRC of the tensorboardX-written scalars fixture (records.json)', () => {
    expect(records).toHaveLength(101);
    for (const record of records) {
      const lengthBytes = Buffer.from(record.length_bytes_hex, 'hex');
      const payload = Buffer.from(record.payload_hex, 'hex');
      expect(crc32c(lengthBytes)).toBe(Number(record.length_crc32c));
      expect(maskedCrc32c(lengthBytes)).toBe(Number(record.length_crc_masked));
      expect(crc32c(payload)).toBe(Number(record.data_crc32c));
      expect(maskedCrc32c(payload)).toBe(Number(record.data_crc_masked));
    }
  });
});
