import { decodeEvent, type EventMessage } from '../trackers/tensorboard/proto.js';
import { scanRecords } from '../trackers/tensorboard/record.js';
import { readFrom } from './file-tail.js';
import { type DecodedScalar, decodeScalarEvent } from './scalar-event-decoder.js';

const CHUNK_BYTES = 64 * 1024 * 1024;

/** Where the tailer hands what it read: plain scalar events decoded on the fast path, everything else whole. */
export interface EventSink {
  scalar(point: DecodedScalar): void;
  event(event: EventMessage): void;
}

export interface TailedEvents {
  /** Records read by this poll. */
  readonly records: number;
  /** Damage that stops reading this file (a CRC mismatch or an undecodable record), once. */
  readonly problem: string | undefined;
}

/**
 * Reads a growing TensorBoard event file incrementally: each `poll` frames and decodes only the records written
 * since the last complete one (`scanRecords` on the new bytes). A record cut short at the end (a writer in the
 * middle of a write) is left for the next poll; damage stops the file for good, as in TensorBoard.
 */
export class EventFileTailer {
  private offset = 0;
  private stopped = false;

  constructor(
    readonly path: string,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  /** Bytes read as whole records so far. */
  get bytesRead(): number {
    return this.offset;
  }

  /**
   * Reads everything the file gained, in chunks of at most 64 MiB (so a large file never sits in memory whole),
   * and hands each record to `sink`.
   */
  poll(sink: EventSink): TailedEvents {
    let records = 0;
    let chunkBytes = this.chunkBytes;
    while (!this.stopped) {
      let chunk: ReturnType<typeof readFrom>;
      try {
        chunk = readFrom(this.path, this.offset, chunkBytes);
      } catch (error) {
        return { records, problem: `cannot read ${this.path}: ${(error as Error).message}` };
      }
      if (chunk === undefined) {
        this.stopped = true;
        return { records, problem: `${this.path} shrank below byte ${this.offset}; not read further` };
      }
      if (chunk.bytes.length === 0) break;
      const before = this.offset;
      const result = this.readChunk(chunk.bytes, sink);
      records += result.records;
      if (result.problem !== undefined) return { records, problem: result.problem };
      const reachedEnd = before + chunk.bytes.length >= chunk.size;
      if (reachedEnd) break;
      // No whole record in a full chunk: the record is longer than the chunk, so read a larger one.
      if (this.offset === before) chunkBytes *= 2;
    }
    return { records, problem: undefined };
  }

  /** Frames and decodes one chunk starting at `offset`, advancing past its whole records. */
  private readChunk(bytes: Buffer, sink: EventSink): TailedEvents {
    const scan = scanRecords(bytes);
    const records = scan.payloads.length;
    const scalar: DecodedScalar = { wallTime: 0, step: 0, tag: '', value: 0 };
    for (let i = 0; i < records; i++) {
      const payload = scan.payloads[i]!;
      if (decodeScalarEvent(payload, scalar)) {
        sink.scalar(scalar);
        continue;
      }
      try {
        sink.event(decodeEvent(payload));
      } catch (error) {
        this.stopped = true;
        const at = this.offset + scan.offsets[i]!;
        return {
          records: i,
          problem: `${this.path}: record at byte ${at} is not an Event (${(error as Error).message})`,
        };
      }
    }
    const problem = scan.problem;
    if (problem === undefined) {
      this.offset += bytes.length;
      return { records, problem: undefined };
    }
    this.offset += problem.offset;
    if (problem.kind === 'truncated') return { records, problem: undefined };
    this.stopped = true;
    return {
      records,
      problem: `${this.path}: ${problem.message} at byte ${this.offset}; TensorBoard stops reading this file there`,
    };
  }
}
