/**
 * The reading side of the writer's fast path (`scalar-event-encoder.ts`): an `Event{wall_time, step,
 * summary{value{tag, simple_value}}}` with nothing else, as tensorboardX, PyTorch and trainscope write scalars,
 * decoded straight from the bytes without building protobufjs objects. Anything else (metadata, tensors, several
 * values, unknown fields) returns false and goes through `decodeEvent`.
 */
export interface DecodedScalar {
  wallTime: number;
  step: number;
  tag: string;
  value: number;
}

const utf8 = new TextDecoder();
const scratch = new DataView(new ArrayBuffer(8));

/** Tag strings by a hash of their bytes, checked byte for byte: a run has few tags and each repeats. */
const tagCache = new Map<number, { bytes: Uint8Array; tag: string }>();

function readVarint(bytes: Uint8Array, at: { pos: number }): number {
  let result = 0;
  let shift = 1;
  for (let i = 0; i < 10; i++) {
    const b = bytes[at.pos++];
    if (b === undefined) return Number.NaN;
    result += (b & 0x7f) * shift;
    if (b < 0x80) return result;
    shift *= 128;
  }
  return Number.NaN;
}

function tagOf(bytes: Uint8Array, start: number, end: number): string {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  const cached = tagCache.get(hash);
  if (cached !== undefined && cached.bytes.length === end - start) {
    let same = true;
    for (let i = start; i < end && same; i++) same = cached.bytes[i - start] === bytes[i];
    if (same) return cached.tag;
  }
  const tag = utf8.decode(bytes.subarray(start, end));
  if (tagCache.size > 10_000) tagCache.clear();
  tagCache.set(hash, { bytes: bytes.slice(start, end), tag });
  return tag;
}

/** Fills `out` and returns true when `payload` is a plain scalar event. */
export function decodeScalarEvent(payload: Uint8Array, out: DecodedScalar): boolean {
  const at = { pos: 0 };
  let wallTime = 0;
  let step = 0;
  if (payload[at.pos] === 0x09) {
    if (payload.length < 9) return false;
    for (let i = 0; i < 8; i++) scratch.setUint8(i, payload[1 + i]!);
    wallTime = scratch.getFloat64(0, true);
    at.pos = 9;
  }
  if (payload[at.pos] === 0x10) {
    at.pos++;
    step = readVarint(payload, at);
    if (!Number.isSafeInteger(step)) return false;
  }
  if (payload[at.pos++] !== 0x2a) return false;
  const summaryEnd = readVarint(payload, at) + at.pos;
  if (summaryEnd !== payload.length || payload[at.pos++] !== 0x0a) return false;
  const valueEnd = readVarint(payload, at) + at.pos;
  if (valueEnd !== summaryEnd || payload[at.pos++] !== 0x0a) return false;
  const tagLength = readVarint(payload, at);
  const tagStart = at.pos;
  const tagEnd = tagStart + tagLength;
  if (tagEnd + 5 !== valueEnd || payload[tagEnd] !== 0x15) return false;
  for (let i = 0; i < 4; i++) scratch.setUint8(i, payload[tagEnd + 1 + i]!);
  out.wallTime = wallTime;
  out.step = step;
  out.tag = tagOf(payload, tagStart, tagEnd);
  out.value = scratch.getFloat32(0, true);
  return true;
}
