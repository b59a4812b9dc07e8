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
  /**
   * A number for `tag`, the same for every event with the same tag bytes while the decoder's tag cache holds it
   * (a new number after the cache is cleared, never a reused one): lets the indexer find the tag's column in an
   * array instead of a map.
   */
  tagId: number;
  value: number;
}

const utf8 = new TextDecoder();

/** Tag strings by a hash of their bytes, checked byte for byte: a run has few tags and each repeats. */
const tagCache = new Map<number, { bytes: Uint8Array; tag: string; id: number }>();
let nextTagId = 0;
/** Set by `tagOf` next to the tag it returns. */
let tagIdOf = 0;

/** A DataView over the last buffer decoded from (the reader reuses one buffer, so this is made rarely). */
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));

/** Where the varint read last ended (module state instead of a position object: no allocation per record). */
let varintEnd = 0;

function readVarint(bytes: Uint8Array, pos: number, end: number): number {
  let result = 0;
  let shift = 1;
  for (let i = 0; i < 10 && pos < end; i++) {
    const b = bytes[pos++]!;
    result += (b & 0x7f) * shift;
    if (b < 0x80) {
      varintEnd = pos;
      return result;
    }
    shift *= 128;
  }
  return Number.NaN;
}

function tagOf(bytes: Uint8Array, start: number, end: number): string {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  const cached = tagCache.get(hash);
  if (cached !== undefined && cached.bytes.length === end - start) {
    const known = cached.bytes;
    let i = start;
    while (i < end && known[i - start] === bytes[i]) i++;
    if (i === end) {
      tagIdOf = cached.id;
      return cached.tag;
    }
  }
  const tag = utf8.decode(bytes.subarray(start, end));
  if (tagCache.size > 10_000) tagCache.clear();
  tagIdOf = nextTagId++;
  tagCache.set(hash, { bytes: bytes.slice(start, end), tag, id: tagIdOf });
  return tag;
}

function viewOf(bytes: Uint8Array): DataView<ArrayBufferLike> {
  if (view.buffer !== bytes.buffer) view = new DataView(bytes.buffer);
  return view;
}

/**
 * Fills `out` and returns true when `bytes[start, end)` (one record's payload) is a plain scalar event. Works on
 * a view of the reader's buffer, without copying the payload.
 */
export function decodeScalarEvent(
  bytes: Uint8Array,
  out: DecodedScalar,
  start = 0,
  end = bytes.length,
): boolean {
  let pos = start;
  let wallTime = 0;
  let step = 0;
  const data = viewOf(bytes);
  const base = bytes.byteOffset;
  if (bytes[pos] === 0x09) {
    if (end - pos < 9) return false;
    wallTime = data.getFloat64(base + pos + 1, true);
    pos += 9;
  }
  if (bytes[pos] === 0x10 && pos < end) {
    step = readVarint(bytes, pos + 1, end);
    if (!Number.isSafeInteger(step)) return false;
    pos = varintEnd;
  }
  if (pos >= end || bytes[pos] !== 0x2a) return false;
  const summaryLength = readVarint(bytes, pos + 1, end);
  pos = varintEnd;
  if (summaryLength + pos !== end || bytes[pos] !== 0x0a) return false;
  const valueLength = readVarint(bytes, pos + 1, end);
  pos = varintEnd;
  if (valueLength + pos !== end || bytes[pos] !== 0x0a) return false;
  const tagLength = readVarint(bytes, pos + 1, end);
  const tagStart = varintEnd;
  const tagEnd = tagStart + tagLength;
  if (tagEnd + 5 !== end || bytes[tagEnd] !== 0x15) return false;
  out.wallTime = wallTime;
  out.step = step;
  out.tag = tagOf(bytes, tagStart, tagEnd);
  out.tagId = tagIdOf;
  out.value = data.getFloat32(base + tagEnd + 1, true);
  return true;
}
