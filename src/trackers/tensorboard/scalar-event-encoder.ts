/**
 * The fast path for the common case: an `Event{wall_time, step, summary{value{tag, simple_value}}}` with no
 * metadata. The bytes after the step depend only on the tag, so they are precomputed once per tag
 * (`scalarBlock`); each scalar then costs a 9-byte double, a step varint, a copy and a 4-byte float.
 * `test/trackers/tensorboard/scalar-event-encoder.test.ts` proves the output byte-identical to protobufjs's encoding.
 */

import { varintLength, writeVarint } from '../../io/protobuf-varint.js';

const scratch = new ArrayBuffer(8);
const scratchF64 = new Float64Array(scratch);
const scratchF32 = new Float32Array(scratch);
const scratchBytes = new Uint8Array(scratch);
const utf8 = new TextEncoder();

/** Largest payload `encodeScalarEvent` writes for a block of `blockLength` bytes. */
export function maxScalarEventLength(blockLength: number): number {
  return 9 + 11 + blockLength + 4;
}

/** `2a len 0a len 0a len <tag> 15`: everything from the summary field to the float's key. */
export function scalarBlock(tag: string): Uint8Array {
  const tagBytes = utf8.encode(tag);
  const valueLength = 1 + varintLength(tagBytes.length) + tagBytes.length + 5;
  const summaryLength = 1 + varintLength(valueLength) + valueLength;
  const block = new Uint8Array(1 + varintLength(summaryLength) + summaryLength - 4);
  let offset = 0;
  block[offset++] = 0x2a;
  offset = writeVarint(block, offset, summaryLength);
  block[offset++] = 0x0a;
  offset = writeVarint(block, offset, valueLength);
  block[offset++] = 0x0a;
  offset = writeVarint(block, offset, tagBytes.length);
  block.set(tagBytes, offset);
  offset += tagBytes.length;
  block[offset++] = 0x15;
  return block;
}

/** True when `step` can take the fast path (a non-negative safe integer; others go through protobufjs). */
export function isFastStep(step: number): boolean {
  return Number.isSafeInteger(step) && step >= 0;
}

/**
 * Writes the event payload at `target[offset...]` and returns its length. Like protobufjs given an object
 * without zero fields: wall_time 0 and step 0 are left out.
 */
export function encodeScalarEvent(
  target: Uint8Array,
  offset: number,
  block: Uint8Array,
  step: number,
  wallTime: number,
  value: number,
): number {
  const start = offset;
  if (wallTime !== 0) {
    scratchF64[0] = wallTime;
    target[offset] = 0x09;
    target[offset + 1] = scratchBytes[0]!;
    target[offset + 2] = scratchBytes[1]!;
    target[offset + 3] = scratchBytes[2]!;
    target[offset + 4] = scratchBytes[3]!;
    target[offset + 5] = scratchBytes[4]!;
    target[offset + 6] = scratchBytes[5]!;
    target[offset + 7] = scratchBytes[6]!;
    target[offset + 8] = scratchBytes[7]!;
    offset += 9;
  }
  if (step !== 0) {
    target[offset++] = 0x10;
    offset = writeVarint(target, offset, step);
  }
  const length = block.length;
  if (length < 48) {
    for (let i = 0; i < length; i++) target[offset + i] = block[i]!;
  } else {
    target.set(block, offset);
  }
  offset += length;
  scratchF32[0] = value;
  target[offset] = scratchBytes[0]!;
  target[offset + 1] = scratchBytes[1]!;
  target[offset + 2] = scratchBytes[2]!;
  target[offset + 3] = scratchBytes[3]!;
  return offset + 4 - start;
}
