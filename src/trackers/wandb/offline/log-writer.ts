import * as fs from 'node:fs';
import { FILE_HEADER } from './log-format.js';
import { WandbLogFramer } from './log-framer.js';

export interface WandbLogWriterOptions {
  /**
   * Bytes that may wait in memory while a write is in flight. Beyond this the writer writes synchronously
   * (back-pressure on the caller, which is the core's drain, never the trainer's call). Default 16 MiB.
   */
  readonly maxPendingBytes?: number;
  /** Called once per failed write; the failed bytes are counted in `droppedBytes`. */
  readonly onError?: (error: Error) => void;
}

const INITIAL_BATCH_BYTES = 64 * 1024;

/**
 * Appends framed records to a `.wandb` file. Records are framed straight into a batch buffer (no allocation
 * per record); each batch goes to disk in one positioned write on the next turn of the event loop, so a
 * record is always appended whole and a killed process leaves only complete records before a partial tail.
 */
export class WandbLogWriter {
  private readonly framer: WandbLogFramer;
  private batch: Buffer;
  private batchLength = 0;
  /** The buffer of the write in flight, reused as the next batch once that write completes. */
  private spare: Buffer | undefined;
  /** File offset of the first byte of `batch`. */
  private batchPosition: number;
  private writing = false;
  private scheduled = false;
  private closed = false;
  /** `flush()` calls waiting for the file to reach `end` (everything appended before each call). */
  private readonly waiters: { end: number; resolve: () => void }[] = [];
  private readonly maxPendingBytes: number;
  private written = 0;
  private dropped = 0;

  private constructor(
    private readonly fd: number,
    readonly path: string,
    private readonly options: WandbLogWriterOptions,
  ) {
    this.framer = new WandbLogFramer(FILE_HEADER.length);
    this.batchPosition = FILE_HEADER.length;
    this.batch = Buffer.allocUnsafe(INITIAL_BATCH_BYTES);
    this.maxPendingBytes = options.maxPendingBytes ?? 16 * 1024 * 1024;
  }

  /** Creates (or truncates) `path` and writes the W&B file header synchronously. */
  static create(path: string, options: WandbLogWriterOptions = {}): WandbLogWriter {
    const fd = fs.openSync(path, 'w', 0o644);
    try {
      fs.writeSync(fd, FILE_HEADER, 0, FILE_HEADER.length, 0);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    const writer = new WandbLogWriter(fd, path, options);
    writer.written = FILE_HEADER.length;
    return writer;
  }

  /** Bytes on disk (header included). */
  get bytesWritten(): number {
    return this.written;
  }

  /** Bytes of records lost to failed writes. */
  get droppedBytes(): number {
    return this.dropped;
  }

  /** Bytes framed but not yet handed to the OS. */
  get pendingBytes(): number {
    return this.batchLength;
  }

  /** Frames one record's payload and queues it for the next batch write. */
  append(payload: Uint8Array): void {
    if (this.closed) throw new Error(`${this.path}: append after close`);
    const needed = this.framer.framedLength(payload.length);
    if (this.batchLength + needed > this.batch.length) this.grow(this.batchLength + needed);
    this.batchLength = this.framer.frameInto(payload, this.batch, this.batchLength);
    if (this.batchLength >= this.maxPendingBytes) {
      this.writePendingSync();
      return;
    }
    if (!this.scheduled && !this.writing) {
      this.scheduled = true;
      setImmediate(this.startBatch);
    }
  }

  /** Writes everything appended so far and resolves once it is on disk (fdatasync). */
  async flush(): Promise<void> {
    if (this.batchLength > 0 || this.writing) {
      // Waits for what was appended before this call only: under continuous appends the batch is never empty.
      const end = this.batchPosition + this.batchLength;
      await new Promise<void>((resolve) => {
        this.waiters.push({ end, resolve });
        if (!this.writing) this.startBatch();
      });
    }
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      fs.fdatasync(this.fd, (error) => {
        if (error) this.options.onError?.(error);
        resolve();
      });
    });
  }

  /** Writes everything appended so far synchronously (for exit and signal handlers). */
  flushSync(): void {
    this.writePendingSync();
  }

  /** Flushes and closes the file. Later `append`s throw. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    fs.closeSync(this.fd);
  }

  /** Flushes synchronously and closes (for process exit). */
  closeSync(): void {
    if (this.closed) return;
    this.writePendingSync();
    this.closed = true;
    fs.closeSync(this.fd);
  }

  private grow(minimum: number): void {
    let capacity = this.batch.length * 2;
    while (capacity < minimum) capacity *= 2;
    const bigger = Buffer.allocUnsafe(capacity);
    this.batch.copy(bigger, 0, 0, this.batchLength);
    this.batch = bigger;
  }

  private readonly startBatch = (): void => {
    this.scheduled = false;
    if (this.writing) return;
    if (this.batchLength === 0) {
      this.releaseWaiters();
      return;
    }
    const buffer = this.batch;
    const length = this.batchLength;
    const position = this.batchPosition;
    this.batch =
      this.spare !== undefined && this.spare.length >= INITIAL_BATCH_BYTES
        ? this.spare
        : Buffer.allocUnsafe(buffer.length);
    this.spare = undefined;
    this.batchLength = 0;
    this.batchPosition = position + length;
    this.writing = true;
    this.writeAll(buffer, 0, length, position);
  };

  private writeAll(buffer: Buffer, offset: number, length: number, position: number): void {
    fs.write(this.fd, buffer, offset, length, position, (error, bytes) => {
      if (error) {
        this.dropped += length;
        this.options.onError?.(error);
      } else if (bytes < length) {
        this.written += bytes;
        this.writeAll(buffer, offset + bytes, length - bytes, position + bytes);
        return;
      } else {
        this.written += bytes;
      }
      this.writing = false;
      this.spare = buffer;
      // Everything before the pending batch is on the file now (synchronous writes never wait for this one).
      this.releaseWaiters(this.batchPosition);
      if (this.batchLength > 0) this.startBatch();
    });
  }

  /** Resolves the `flush()` calls whose bytes are all written (`upTo`: the end of the written region). */
  private releaseWaiters(upTo = Number.POSITIVE_INFINITY): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.end <= upTo);
    if (ready.length === 0) return;
    this.waiters.splice(0, this.waiters.length, ...this.waiters.filter((w) => w.end > upTo));
    for (const waiter of ready) waiter.resolve();
  }

  private writePendingSync(): void {
    if (this.closed || this.batchLength === 0) return;
    let offset = 0;
    const length = this.batchLength;
    try {
      while (offset < length) {
        offset += fs.writeSync(this.fd, this.batch, offset, length - offset, this.batchPosition + offset);
      }
      this.written += length;
    } catch (error) {
      this.dropped += length - offset;
      this.written += offset;
      this.options.onError?.(error as Error);
    }
    this.batchPosition += length;
    this.batchLength = 0;
  }
}
