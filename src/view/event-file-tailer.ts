import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeEvent, type EventMessage } from '../trackers/tensorboard/proto.js';
import {
  RECORD_DATA_CRC_MISMATCH,
  RECORD_HEADER_BYTES,
  RECORD_LENGTH_CRC_MISMATCH,
  RECORD_OVERHEAD,
  RECORD_TRUNCATED,
  recordAt,
  viewOfBytes,
} from '../trackers/tensorboard/record.js';
import { ScalarBatch } from './scalar-batch.js';
import { type DecodedScalar, decodeScalarEvent } from './scalar-event-decoder.js';

const CHUNK_BYTES = 4 * 1024 * 1024;

// Module-local bindings for the per-record loop: under a loader that turns imports into getters (tsx, bundlers'
// CommonJS output), each use of an imported name would be a function call.
const checkRecord = recordAt;
const decodeScalar = decodeScalarEvent;
const HEADER_BYTES = RECORD_HEADER_BYTES;
const TRAILER_BYTES = RECORD_OVERHEAD - RECORD_HEADER_BYTES;

/**
 * Where the tailer hands what it read: plain scalar events decoded on the fast path, in batches, everything else
 * whole, all in file order (a batch is handed over before the next event). The batch is reused after the call.
 */
export interface EventSink {
  scalars(batch: ScalarBatch): void;
  event(event: EventMessage): void;
}

export interface TailedEvents {
  /** Records read by this poll. */
  readonly records: number;
  /** Damage that stops reading this file (a CRC mismatch or an undecodable record), once. */
  readonly problem: string | undefined;
}

/**
 * One read buffer for every tailer: polls are synchronous and never nest, so a single buffer (grown for a record
 * longer than it) serves a logdir of any number of files without a fresh allocation per chunk.
 */
let readBuffer = Buffer.allocUnsafeSlow(0);
/** A view of `readBuffer` for the framing and decoding (made once per buffer, not per record). */
let readView = viewOfBytes(readBuffer);
/** The same for the plain scalars read in a row (made on first use). */
let batch: ScalarBatch | undefined;

function bufferOf(bytes: number): Buffer {
  if (readBuffer.length < bytes) {
    readBuffer = Buffer.allocUnsafeSlow(bytes);
    readView = viewOfBytes(readBuffer);
  }
  return readBuffer;
}

function scalarBatch(): ScalarBatch {
  batch ??= new ScalarBatch();
  return batch;
}

/** Lets the read buffer go (called after each round of polls): between rounds the dashboard holds only its data. */
export function releaseReadBuffer(): void {
  readBuffer = Buffer.allocUnsafeSlow(0);
  readView = viewOfBytes(readBuffer);
  batch = undefined;
}

/** Hands the batch's scalars to `sink` (when it holds any) and empties it. */
function handOver(scalars: ScalarBatch, sink: EventSink): void {
  if (scalars.length === 0) return;
  sink.scalars(scalars);
  scalars.length = 0;
}

function readFully(fd: number, into: Buffer, length: number, position: number): number {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, into, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return read;
}

/**
 * Reads a growing TensorBoard event file incrementally: each `poll` reads only what was written since the last
 * whole record, in chunks into a reused buffer, and walks the records in place (both CRCs checked by `recordAt`,
 * plain scalars decoded without building objects). A record cut short at the end (a writer in the middle of a
 * write) is left for the next poll; damage stops the file for good, as in TensorBoard.
 */
export class EventFileTailer {
  private offset = 0;
  private stopped = false;
  private readonly scalar: DecodedScalar = { wallTime: 0, step: 0, tag: '', tagId: 0, value: 0 };

  constructor(
    readonly path: string,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  /** Bytes read as whole records so far. */
  get bytesRead(): number {
    return this.offset;
  }

  /** Where reading stands (handed from an indexing worker to the main thread's tailer of the same file). */
  get state(): { offset: number; stopped: boolean } {
    return { offset: this.offset, stopped: this.stopped };
  }

  resume(state: { offset: number; stopped: boolean }): void {
    this.offset = state.offset;
    this.stopped = state.stopped;
  }

  /**
   * Reads everything the file gained (up to byte `limit`: a second pass over what a first one read) and hands each
   * record to `sink`.
   */
  poll(sink: EventSink, limit = Number.POSITIVE_INFINITY): TailedEvents {
    if (this.stopped) return { records: 0, problem: undefined };
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch (error) {
      return { records: 0, problem: `cannot read ${this.path}: ${(error as Error).message}` };
    }
    try {
      return this.readFrom(fd, sink, limit);
    } catch (error) {
      return { records: 0, problem: `cannot read ${this.path}: ${(error as Error).message}` };
    } finally {
      closeSync(fd);
    }
  }

  private readFrom(fd: number, sink: EventSink, limit: number): TailedEvents {
    const size = Math.min(fstatSync(fd).size, limit);
    if (size < this.offset) {
      this.stopped = true;
      return { records: 0, problem: `${this.path} shrank below byte ${this.offset}; not read further` };
    }
    let records = 0;
    let want = this.chunkBytes;
    while (this.offset < size) {
      const before = this.offset;
      const buffer = bufferOf(Math.min(size - before, want));
      const length = readFully(fd, buffer, Math.min(size - before, want), before);
      const result = this.readChunk(buffer, length, sink);
      records += result.records;
      if (result.problem !== undefined) return { records, problem: result.problem };
      if (before + length >= size) break;
      // No whole record in a full chunk: the record is longer than the chunk, so read a larger one.
      if (this.offset === before) want *= 2;
    }
    return { records, problem: undefined };
  }

  /**
   * Walks the whole records of `buffer[0, length)` (file bytes from `offset`), advancing past them. Plain scalars
   * go into the batch, which is handed over before any other event and when the walk ends.
   */
  private readChunk(buffer: Buffer, length: number, sink: EventSink): TailedEvents {
    const scalar = this.scalar;
    const scalars = scalarBatch();
    const view = readView;
    let records = 0;
    let pos = 0;
    try {
      while (pos < length) {
        const payloadLength = checkRecord(buffer, pos, length, view);
        if (payloadLength < 0) {
          this.offset += pos;
          return { records, problem: this.damage(payloadLength) };
        }
        const start = pos + HEADER_BYTES;
        const end = start + payloadLength;
        if (decodeScalar(buffer, scalar, start, end, view)) {
          scalars.push(scalar.tagId, scalar.tag, scalar.step, scalar.wallTime, scalar.value);
          if (scalars.full) handOver(scalars, sink);
        } else {
          handOver(scalars, sink);
          const problem = this.handEvent(buffer, start, end, pos, sink);
          if (problem !== undefined) return { records, problem };
        }
        records++;
        pos = end + TRAILER_BYTES;
      }
      this.offset += pos;
      return { records, problem: undefined };
    } finally {
      handOver(scalars, sink);
    }
  }

  /** Decodes a record that is not a plain scalar and hands it to `sink`; the problem when it is not an Event. */
  private handEvent(
    buffer: Buffer,
    start: number,
    end: number,
    pos: number,
    sink: EventSink,
  ): string | undefined {
    let event: EventMessage;
    try {
      // A copy: decoded `bytes` fields are views, and the buffer is reused for the next chunk.
      event = decodeEvent(buffer.slice(start, end));
    } catch (error) {
      this.offset += pos;
      this.stopped = true;
      const why = (error as Error).message;
      return `${this.path}: record at byte ${this.offset} is not an Event (${why})`;
    }
    sink.event(event);
    return undefined;
  }

  /** The problem to report for a record `recordAt` refused; a record cut short is no problem (yet). */
  private damage(code: number): string | undefined {
    if (code === RECORD_TRUNCATED) return undefined;
    this.stopped = true;
    const what =
      code === RECORD_LENGTH_CRC_MISMATCH
        ? 'length CRC mismatch'
        : code === RECORD_DATA_CRC_MISMATCH
          ? 'data CRC mismatch'
          : 'unreadable record';
    return `${this.path}: ${what} at byte ${this.offset}; TensorBoard stops reading this file there`;
  }
}
