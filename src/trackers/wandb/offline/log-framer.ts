import { chunkCrc, chunkCrcRange } from './crc32.js';
import { BLOCK_SIZE, CHUNK_HEADER_SIZE, ChunkType } from './log-format.js';

/**
 * Turns record payloads into the framed bytes that follow at the current file position: zero padding when
 * fewer than 7 bytes are left in a block, then one FULL chunk, or FIRST/MIDDLE…/LAST chunks when the record
 * does not fit in what is left of the block. A chunk never crosses a block edge.
 */
export class WandbLogFramer {
  constructor(private position: number) {}

  /** The file offset the next framed record starts at. */
  get offset(): number {
    return this.position;
  }

  /** The number of bytes `frame(payload)` will produce at the current position. */
  framedLength(payloadLength: number): number {
    let pos = this.position;
    let offset = 0;
    for (;;) {
      const left = BLOCK_SIZE - (pos % BLOCK_SIZE);
      if (left < CHUNK_HEADER_SIZE) {
        pos += left;
        continue;
      }
      const remaining = payloadLength - offset;
      const room = left - CHUNK_HEADER_SIZE;
      const take = Math.min(remaining, room);
      pos += CHUNK_HEADER_SIZE + take;
      offset += take;
      if (take === remaining) return pos - this.position;
    }
  }

  /** Frames one record's payload and advances the position. */
  frame(payload: Uint8Array): Buffer {
    const out = Buffer.allocUnsafe(this.framedLength(payload.length));
    this.frameInto(payload, out, 0);
    return out;
  }

  /** Whether a payload of this length goes out as one FULL chunk right here (no padding, no split). */
  fitsWhole(payloadLength: number): boolean {
    return BLOCK_SIZE - (this.position % BLOCK_SIZE) >= CHUNK_HEADER_SIZE + payloadLength;
  }

  /**
   * Frames, as one FULL chunk, a payload already written at `out[at + 7, at + 7 + length)` (only where
   * {@link fitsWhole}): the header goes in front of it, nothing is copied. Returns the end.
   */
  frameWholeInPlace(out: Buffer, at: number, length: number): number {
    const start = at + CHUNK_HEADER_SIZE;
    const crc = chunkCrcRange(ChunkType.FULL, out, start, start + length);
    out[at] = crc & 0xff;
    out[at + 1] = (crc >>> 8) & 0xff;
    out[at + 2] = (crc >>> 16) & 0xff;
    out[at + 3] = crc >>> 24;
    out[at + 4] = length & 0xff;
    out[at + 5] = length >>> 8;
    out[at + 6] = ChunkType.FULL;
    this.position += CHUNK_HEADER_SIZE + length;
    return start + length;
  }

  /** Frames `payload` into `out` at `at` (which must have room for `framedLength`); returns the end. */
  frameInto(payload: Uint8Array, out: Buffer, at: number): number {
    let w = at;
    let pos = this.position;
    let offset = 0;
    let first = true;
    for (;;) {
      const left = BLOCK_SIZE - (pos % BLOCK_SIZE);
      if (left < CHUNK_HEADER_SIZE) {
        out.fill(0, w, w + left);
        w += left;
        pos += left;
        continue;
      }
      const room = left - CHUNK_HEADER_SIZE;
      const remaining = payload.length - offset;
      const take = Math.min(remaining, room);
      const last = take === remaining;
      const type = first
        ? last
          ? ChunkType.FULL
          : ChunkType.FIRST
        : last
          ? ChunkType.LAST
          : ChunkType.MIDDLE;
      const piece = payload.subarray(offset, offset + take);
      out.writeUInt32LE(chunkCrc(type, piece), w);
      out.writeUInt16LE(take, w + 4);
      out[w + 6] = type;
      out.set(piece, w + CHUNK_HEADER_SIZE);
      w += CHUNK_HEADER_SIZE + take;
      pos += CHUNK_HEADER_SIZE + take;
      offset += take;
      first = false;
      if (last) break;
    }
    this.position = pos;
    return w;
  }
}
