import { viewOfBytes } from '../trackers/tensorboard/record.js';

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

interface KnownTag {
  readonly bytes: Uint8Array;
  readonly tag: string;
  readonly id: number;
  /** The tag met right after this one last time: trainers log their tags in the same order every step. */
  next: KnownTag | undefined;
}

/** Tags by a hash of their bytes, checked byte for byte: a run has few tags and each repeats. */
const tagCache = new Map<number, KnownTag>();
let nextTagId = 0;
/** The tag of the last event decoded: its `next` is the first guess for the next event's tag. */
let lastTag: KnownTag | undefined;

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

/** A length varint: one byte for any scalar event with a tag under 100 bytes, read without the loop. */
function lengthAt(bytes: Uint8Array, pos: number, end: number): number {
  const first = bytes[pos]!;
  if (first < 0x80 && pos < end) {
    varintEnd = pos + 1;
    return first;
  }
  return readVarint(bytes, pos, end);
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = start; i < end; i++) if (known[i - start] !== bytes[i]) return false;
  return true;
}

/**
 * The known tag whose bytes are `bytes[start, end)`: first the tag that followed the previous event's tag last
 * time (one comparison for a trainer's fixed tag order, no hashing), then the hash map, then a new entry.
 */
function tagOf(bytes: Uint8Array, start: number, end: number): KnownTag {
  const guess = lastTag?.next;
  if (guess !== undefined && sameBytes(guess.bytes, bytes, start, end)) return guess;
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  const cached = tagCache.get(hash);
  if (cached !== undefined && sameBytes(cached.bytes, bytes, start, end)) return cached;
  if (tagCache.size > 10_000) tagCache.clear();
  const known: KnownTag = {
    bytes: bytes.slice(start, end),
    tag: utf8.decode(bytes.subarray(start, end)),
    id: nextTagId++,
    next: undefined,
  };
  tagCache.set(hash, known);
  return known;
}

/**
 * Fills `out` and returns true when `bytes[start, end)` (one record's payload) is a plain scalar event. Works on
 * a view of the reader's buffer, without copying the payload; `view` is a `viewOfBytes(bytes)` the caller keeps
 * for its buffer (made here when not given).
 */
export function decodeScalarEvent(
  bytes: Uint8Array,
  out: DecodedScalar,
  start = 0,
  end = bytes.length,
  view = viewOfBytes(bytes),
): boolean {
  let pos = start;
  let wallTime = 0;
  let step = 0;
  if (bytes[pos] === 0x09) {
    if (end - pos < 9) return false;
    wallTime = view.getFloat64(pos + 1, true);
    pos += 9;
  }
  if (bytes[pos] === 0x10 && pos < end) {
    step = readVarint(bytes, pos + 1, end);
    if (!Number.isSafeInteger(step)) return false;
    pos = varintEnd;
  }
  if (pos >= end || bytes[pos] !== 0x2a) return false;
  const summaryLength = lengthAt(bytes, pos + 1, end);
  pos = varintEnd;
  if (summaryLength + pos !== end || bytes[pos] !== 0x0a) return false;
  const valueLength = lengthAt(bytes, pos + 1, end);
  pos = varintEnd;
  if (valueLength + pos !== end || bytes[pos] !== 0x0a) return false;
  const tagLength = lengthAt(bytes, pos + 1, end);
  const tagStart = varintEnd;
  const tagEnd = tagStart + tagLength;
  if (tagEnd + 5 !== end || bytes[tagEnd] !== 0x15) return false;
  const known = tagOf(bytes, tagStart, tagEnd);
  if (lastTag !== undefined && lastTag.next !== known) lastTag.next = known;
  lastTag = known;
  out.wallTime = wallTime;
  out.step = step;
  out.tag = known.tag;
  out.tagId = known.id;
  out.value = view.getFloat32(tagEnd + 1, true);
  return true;
}
