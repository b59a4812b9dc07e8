/**
 * The fast path for the common case: the scalars of one row, without metadata, as one
 * `Event{wall_time, step, summary{value{tag, simple_value}...}}` (a summary may hold any number of values; TF1's
 * merged summaries hold all of a step's, and both of TensorBoard's readers take them value by value). A value's
 * bytes up to its float depend only on the tag, so they are precomputed once per tag (`scalarValueBlock`); a row
 * then costs a 9-byte double, a step varint and, per scalar, a copy and a 4-byte float, in one record (one pair of
 * CRCs) instead of one per scalar. `test/trackers/tensorboard/scalar-event-encoder.test.ts` proves the output
 * byte-identical to protobufjs's encoding.
 */

import { varintLength, writeVarint } from '../../io/protobuf-varint.js';

const scratch = new ArrayBuffer(8);
const scratchF64 = new Float64Array(scratch);
const scratchF32 = new Float32Array(scratch);
const scratchBytes = new Uint8Array(scratch);
const utf8 = new TextEncoder();

/** Largest payload `encodeScalarsEvent` writes for `count` values whose blocks total `blocksLength` bytes. */
export function maxScalarsEventLength(blocksLength: number, count: number): number {
  // wall_time 9, step 11, the summary's key and length 1 + 5, each value's block and float.
  return 26 + blocksLength + 4 * count;
}

/** `0a len 0a len <tag> 15`: one `Summary.Value` with the tag, up to its float's key. */
export function scalarValueBlock(tag: string): Uint8Array {
  const tagBytes = utf8.encode(tag);
  const valueLength = 1 + varintLength(tagBytes.length) + tagBytes.length + 5;
  const block = new Uint8Array(1 + varintLength(valueLength) + valueLength - 4);
  let offset = 0;
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
 * Writes the payload of one event holding `count` scalars (`blocksLength`: their blocks' total bytes, which the
 * caller has already summed to reserve room) at `target[offset...]` and returns its length:
 * `Event{wall_time, step, summary{value{tag, simple_value}...}}`, the values in the order given (as protobufjs
 * writes a summary with several values, and as TF1's merged summaries are). Like protobufjs given an object
 * without zero fields: wall_time 0 and step 0 are left out.
 */
export function encodeScalarsEvent(
  target: Uint8Array,
  offset: number,
  blocks: readonly Uint8Array[],
  values: readonly number[],
  count: number,
  blocksLength: number,
  step: number,
  wallTime: number,
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
  target[offset++] = 0x2a;
  offset = writeVarint(target, offset, blocksLength + 4 * count);
  for (let v = 0; v < count; v++) {
    const block = blocks[v]!;
    const length = block.length;
    if (length < 48) {
      for (let i = 0; i < length; i++) target[offset + i] = block[i]!;
    } else {
      target.set(block, offset);
    }
    offset += length;
    scratchF32[0] = values[v]!;
    target[offset] = scratchBytes[0]!;
    target[offset + 1] = scratchBytes[1]!;
    target[offset + 2] = scratchBytes[2]!;
    target[offset + 3] = scratchBytes[3]!;
    offset += 4;
  }
  return offset - start;
}
