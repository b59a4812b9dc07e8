import * as fs from 'node:fs';
import { join } from 'node:path';
import { AppendOnlyFile } from '../../io/append-only-file.js';
import { FILE_VERSION } from './event.js';
import { eventFileName } from './event-file-name.js';
import { encodeEvent, type EventMessage } from './proto.js';
import { frameInPlace, RECORD_HEADER_BYTES, RECORD_OVERHEAD } from './record.js';
import { encodeScalarsEvent, maxScalarsEventLength } from './scalar-event-encoder.js';

export interface EventFileWriterOptions {
  /** Run directory; created if missing. */
  readonly dir: string;
  /** Appended to the file name (`SummaryWriter(filename_suffix=...)`). */
  readonly filenameSuffix?: string;
  /** Pending records are written at least this often (seconds). */
  readonly flushSecs?: number;
  /** Pending records that make the next `endBatch()` start a write. */
  readonly maxQueue?: number;
  /**
   * Back-pressure bound: when this many bytes are pending while a write is still in flight, the writer writes
   * synchronously instead of buffering more.
   */
  readonly maxPendingBytes?: number;
  /** Called once, with a message that says what failed, when the file can no longer be written. */
  readonly onError?: (error: Error) => void;
  /** Wall time (seconds) of the first record; default now. */
  readonly wallTime?: number;
}

export interface EventFileWriterStats {
  readonly recordsWritten: number;
  readonly bytesWritten: number;
  readonly writeCalls: number;
  readonly recordsDropped: number;
  readonly failed: boolean;
  /** Mean duration of the last write calls (ms). */
  readonly writeLatencyMs: number;
}

/**
 * The TensorBoard format layer: TFRecord-framed events (length, masked CRC32C, payload, masked CRC32C) appended
 * to one event file. Events are encoded and framed in place into the `AppendOnlyFile`'s chunk, which owns
 * batching, the one write in flight, back-pressure, crash safety and failure reporting. This layer adds the
 * tensorboardX write policy: a write once `maxQueue` records are pending at the end of a batch, and at least
 * every `flushSecs`.
 */
export class EventFileWriter {
  readonly path: string;
  private readonly file: AppendOnlyFile;
  private readonly maxQueue: number;

  /** Creates the directory and the file (exclusively: never appends to an existing file) and writes the first record. */
  constructor(options: EventFileWriterOptions) {
    fs.mkdirSync(options.dir, { recursive: true });
    const onError = options.onError ?? (() => {});
    let file: AppendOnlyFile | undefined;
    for (let attempt = 0; file === undefined; attempt++) {
      try {
        file = AppendOnlyFile.create(join(options.dir, eventFileName(options.filenameSuffix ?? '')), {
          description: 'TensorBoard event file',
          maxPendingBytes: options.maxPendingBytes ?? 8 * 1024 * 1024,
          writeIntervalMs: (options.flushSecs ?? 30) * 1000,
          onError: (error) => onError(error),
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error;
      }
    }
    this.file = file;
    this.path = file.path;
    this.maxQueue = options.maxQueue ?? 10;
    this.appendEvent(
      encodeEvent({ wallTime: options.wallTime ?? Date.now() / 1000, fileVersion: FILE_VERSION }),
    );
    this.file.write();
  }

  get failed(): boolean {
    return this.file.failed;
  }

  /** Appends one record holding an already-encoded `Event`. */
  appendEvent(payload: Uint8Array): void {
    const file = this.file;
    const offset = file.reserve(payload.length + RECORD_OVERHEAD);
    if (offset < 0) return;
    const chunk = file.chunk;
    chunk.set(payload, offset + RECORD_HEADER_BYTES);
    file.commit(frameInPlace(chunk, offset, payload.length));
  }

  /** Encodes an `Event` message with protobufjs and appends it. */
  append(event: EventMessage): void {
    this.appendEvent(encodeEvent(event));
  }

  /**
   * The fast path: one event holding `count` metadata-free scalars at one step (each tag's precomputed block from
   * `scalarValueBlock`, `blocksLength` their total bytes). False when the file takes no more records (counted as
   * one dropped record).
   */
  appendScalars(
    blocks: readonly Uint8Array[],
    values: readonly number[],
    count: number,
    blocksLength: number,
    step: number,
    wallTime: number,
  ): boolean {
    const file = this.file;
    const offset = file.reserve(maxScalarsEventLength(blocksLength, count) + RECORD_OVERHEAD);
    if (offset < 0) return false;
    const chunk = file.chunk;
    const length = encodeScalarsEvent(
      chunk,
      offset + RECORD_HEADER_BYTES,
      blocks,
      values,
      count,
      blocksLength,
      step,
      wallTime,
    );
    file.commit(frameInPlace(chunk, offset, length));
    return true;
  }

  /** Ends a batch of appends: starts a write when `maxQueue` records are pending. */
  endBatch(): void {
    if (this.file.pendingRecordCount >= this.maxQueue) this.file.write();
  }

  /** Resolves when every record appended so far is in the file (or the writer failed). */
  flush(): Promise<void> {
    return this.file.flush();
  }

  /** Writes everything pending before returning (for `process.on('exit')` and back-pressure). */
  flushSync(): void {
    this.file.flushSync();
  }

  /** Flushes, then closes the file. */
  close(): Promise<void> {
    return this.file.close();
  }

  /** Writes everything synchronously and closes the file. */
  closeSync(): void {
    this.file.closeSync();
  }

  stats(): EventFileWriterStats {
    const stats = this.file.stats();
    return {
      recordsWritten: stats.recordsWritten,
      bytesWritten: stats.bytesWritten,
      writeCalls: stats.writeCalls,
      recordsDropped: stats.recordsDropped,
      failed: stats.failed,
      writeLatencyMs: stats.writeLatencyMs,
    };
  }
}
