import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { varintLength, writeVarint } from '../../src/io/protobuf-varint.js';

/** protobufjs's bytes for `value` as an int64 field's varint (its reader's rules decide what we must write). */
function reference(value: number): number[] {
  return [...protobuf.Writer.create().int64(value).finish()];
}

/** Each length's edges, 2^31 (where the bit operations stop), 2^53 - 1, and negative int64s (ten bytes). */
const POSITIVE = [
  0,
  1,
  127,
  128,
  16_383,
  16_384,
  268_435_455,
  268_435_456,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 49,
];
const VALUES = [...POSITIVE, 2 ** 35 + 7, 2 ** 53 - 1, -1, -128, -(2 ** 31) - 1, -(2 ** 32), -(2 ** 53) + 1];

describe('protobuf varints', () => {
  it.each(VALUES)('%d: the bytes and length protobufjs writes', (value) => {
    const out = new Uint8Array(16).fill(0xee);
    const end = writeVarint(out, 3, value);
    const bytes = [...out.subarray(3, end)];
    expect(bytes).toEqual(reference(value));
    expect(varintLength(value)).toBe(bytes.length);
    expect(out[2]).toBe(0xee); // nothing written before `at`
    expect(out[end]).toBe(0xee); // nor after the end it reports
    expect(protobuf.Reader.create(out.subarray(3, end)).int64().toString()).toBe(String(value));
  });

  it('every length from 1 to 5 bytes below 2^31, at its edges', () => {
    for (let bits = 0; bits <= 31; bits++) {
      for (const value of [2 ** bits - 1, 2 ** bits].filter((v) => v <= 2 ** 31 - 1)) {
        const out = new Uint8Array(10);
        expect([...out.subarray(0, writeVarint(out, 0, value))]).toEqual(reference(value));
        expect(varintLength(value)).toBe(reference(value).length);
      }
    }
  });
});
