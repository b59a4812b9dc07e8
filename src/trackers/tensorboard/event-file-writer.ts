import * as fs from 'node:fs';
import { join } from 'node:path';
import { FILE_VERSION } from './event.js';
import { eventFileName } from './event-file-name.js';
import { encodeEvent, type EventMessage } from './proto.js';
import { frameInPlace, RECORD_HEADER_BYTES, RECORD_OVERHEAD } from './record.js';
import { encodeScalarEvent, maxScalarEventLength } from './scalar-event-encoder.js';

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

interface Batch {
  readonly buffers: Buffer[];
  readonly position: number;
  readonly length: number;
  readonly records: number;
  /** Set when `flushSync` rewrote this batch's bytes itself while the asynchronous write was in flight. */
  syncedAlready: boolean;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * The file layer: TFRecord-framed events appended to one event file, created exclusively.
 *
 * Records are encoded and framed straight into 64 KiB chunks that only ever hold whole records. At most one
 * asynchronous positioned `writev` is in flight; it carries every record pending when it starts, so a SIGKILL
 * loses only records not yet handed to the OS and never leaves a record split between two writes (at most the
 * one `writev` in progress is cut short). `flushSync` (process exit, back-pressure) writes the in-flight batch
 * again at the same offset before the pending one, so the file never has a hole, whichever write lands first.
 */
export class EventFileWriter {
  readonly path: string;
  private fd: number;
  private readonly maxQueue: number;
  private readonly maxPendingBytes: number;
  private readonly onError: (error: Error) => void;
  private readonly timer: NodeJS.Timeout;

  private sealed: Buffer[] = [];
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private pendingBytes = 0;
  private pendingRecords = 0;

  private inFlight: Batch | null = null;
  /** File offset of the next batch. */
  private nextPosition = 0;
  /** Bytes known to be in the file. */
  private writtenEnd = 0;
  private waiters: { target: number; resolve: () => void }[] = [];

  private recordsWritten = 0;
  private writeCalls = 0;
  private recordsDropped = 0;
  private latencies: number[] = [];
  private failure: Error | null = null;
  private closed = false;

  /** Creates the directory and the file (exclusively: never appends to an existing file) and writes the first record. */
  constructor(options: EventFileWriterOptions) {
    fs.mkdirSync(options.dir, { recursive: true });
    let path = join(options.dir, eventFileName(options.filenameSuffix ?? ''));
    let fd: number | undefined;
    for (let attempt = 0; fd === undefined; attempt++) {
      try {
        fd = fs.openSync(path, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error;
        path = join(options.dir, eventFileName(options.filenameSuffix ?? ''));
      }
    }
    this.fd = fd;
    this.path = path;
    this.maxQueue = options.maxQueue ?? 10;
    this.maxPendingBytes = options.maxPendingBytes ?? 8 * 1024 * 1024;
    this.onError = options.onError ?? (() => {});
    const flushMs = Math.max(1, Math.round((options.flushSecs ?? 30) * 1000));
    this.timer = setInterval(() => this.onTimer(), flushMs);
    this.timer.unref();
    this.appendEvent(
      encodeEvent({ wallTime: options.wallTime ?? Date.now() / 1000, fileVersion: FILE_VERSION }),
    );
    this.startWrite();
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** Appends one record holding an already-encoded `Event`. */
  appendEvent(payload: Uint8Array): void {
    if (this.failure !== null || this.closed) {
      this.recordsDropped++;
      return;
    }
    const offset = this.reserve(payload.length + RECORD_OVERHEAD);
    this.chunk.set(payload, offset + RECORD_HEADER_BYTES);
    this.used = frameInPlace(this.chunk, offset, payload.length);
    this.pendingBytes += payload.length + RECORD_OVERHEAD;
    this.pendingRecords++;
  }

  /** Encodes an `Event` message with protobufjs and appends it. */
  append(event: EventMessage): void {
    this.appendEvent(encodeEvent(event));
  }

  /** The fast path: a metadata-free scalar event for the tag whose precomputed block is `block`. */
  appendScalar(block: Uint8Array, step: number, wallTime: number, value: number): void {
    if (this.failure !== null || this.closed) {
      this.recordsDropped++;
      return;
    }
    const offset = this.reserve(maxScalarEventLength(block.length) + RECORD_OVERHEAD);
    const length = encodeScalarEvent(this.chunk, offset + RECORD_HEADER_BYTES, block, step, wallTime, value);
    this.used = frameInPlace(this.chunk, offset, length);
    this.pendingBytes += length + RECORD_OVERHEAD;
    this.pendingRecords++;
  }

  /** Ends a batch of appends: starts a write when `maxQueue` records are pending. */
  endBatch(): void {
    if (this.pendingRecords >= this.maxQueue) this.startWrite();
  }

  /** Resolves when every record appended so far is in the file (or the writer failed). */
  flush(): Promise<void> {
    const target = this.nextPosition + this.pendingBytes;
    this.startWrite();
    if (this.writtenEnd >= target || this.failure !== null) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ target, resolve }));
  }

  /** Writes everything pending before returning (for `process.on('exit')` and back-pressure). */
  flushSync(): void {
    if (this.failure !== null || this.closed) return;
    try {
      const inFlight = this.inFlight;
      if (inFlight !== null && !inFlight.syncedAlready) {
        this.writeBatchSync(inFlight);
        inFlight.syncedAlready = true;
      }
      const batch = this.takePending();
      if (batch !== null) this.writeBatchSync(batch);
    } catch (error) {
      this.fail(error, 'write');
    }
  }

  /** Flushes, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    while (this.inFlight !== null) await new Promise<void>((resolve) => setImmediate(resolve));
    this.closeNow();
  }

  /** Writes everything synchronously and closes the file. */
  closeSync(): void {
    if (this.closed) return;
    this.flushSync();
    this.closeNow();
  }

  stats(): EventFileWriterStats {
    const latencies = this.latencies;
    return {
      recordsWritten: this.recordsWritten,
      bytesWritten: this.writtenEnd,
      writeCalls: this.writeCalls,
      recordsDropped: this.recordsDropped,
      failed: this.failure !== null,
      writeLatencyMs: latencies.length === 0 ? 0 : latencies.reduce((a, b) => a + b, 0) / latencies.length,
    };
  }

  private closeNow(): void {
    this.closed = true;
    clearInterval(this.timer);
    try {
      if (this.fd >= 0) fs.closeSync(this.fd);
    } catch {
      // Already closed or never usable: the failure, if any, was reported when it happened.
    }
    this.resolveWaiters(true);
  }

  /** Returns the offset in `this.chunk` where `bytes` bytes may be written. */
  private reserve(bytes: number): number {
    if (this.used + bytes <= this.chunk.length) return this.used;
    if (this.used > 0) this.sealed.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.used = 0;
    if (this.pendingBytes >= this.maxPendingBytes) {
      if (this.inFlight === null) this.startWrite();
      else this.flushSync();
    }
    return 0;
  }

  private takePending(): Batch | null {
    if (this.pendingBytes === 0) return null;
    const buffers = this.sealed;
    if (this.used > 0) {
      buffers.push(this.chunk.subarray(0, this.used));
      this.chunk =
        this.chunk.length - this.used >= 4096
          ? this.chunk.subarray(this.used)
          : Buffer.allocUnsafe(CHUNK_BYTES);
    }
    this.used = 0;
    this.sealed = [];
    const batch: Batch = {
      buffers,
      position: this.nextPosition,
      length: this.pendingBytes,
      records: this.pendingRecords,
      syncedAlready: false,
    };
    this.nextPosition += this.pendingBytes;
    this.pendingBytes = 0;
    this.pendingRecords = 0;
    return batch;
  }

  private startWrite(): void {
    if (this.inFlight !== null || this.failure !== null || this.closed) return;
    const batch = this.takePending();
    if (batch === null) return;
    this.inFlight = batch;
    const started = performance.now();
    this.writeAsync(batch, 0, started);
  }

  private writeAsync(batch: Batch, done: number, started: number): void {
    const remaining = done === 0 ? batch.buffers : sliceBuffers(batch.buffers, done);
    fs.writev(this.fd, remaining, batch.position + done, (error, written) => {
      if (error) {
        this.inFlight = null;
        this.fail(error, 'write');
        return;
      }
      if (done + written < batch.length && !batch.syncedAlready) {
        this.writeAsync(batch, done + written, started);
        return;
      }
      this.inFlight = null;
      if (!batch.syncedAlready) this.noteWrite(batch, performance.now() - started);
      if (this.pendingBytes > 0 && (this.pendingRecords >= this.maxQueue || this.waiters.length > 0)) {
        this.startWrite();
      }
    });
  }

  private writeBatchSync(batch: Batch): void {
    const started = performance.now();
    writeAllSync(this.fd, batch.buffers, batch.position);
    this.noteWrite(batch, performance.now() - started);
  }

  private noteWrite(batch: Batch, ms: number): void {
    this.writeCalls++;
    this.recordsWritten += batch.records;
    this.writtenEnd = Math.max(this.writtenEnd, batch.position + batch.length);
    this.latencies.push(ms);
    if (this.latencies.length > 32) this.latencies.shift();
    this.resolveWaiters(false);
  }

  private resolveWaiters(all: boolean): void {
    if (this.waiters.length === 0) return;
    const keep: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (all || this.failure !== null || this.writtenEnd >= waiter.target) waiter.resolve();
      else keep.push(waiter);
    }
    this.waiters = keep;
  }

  private onTimer(): void {
    if (this.failure !== null || this.closed) return;
    this.startWrite();
    // A file deleted under us (run directory removed) still accepts writes: notice it and say so.
    fs.fstat(this.fd, (error, stats) => {
      if (this.failure !== null || this.closed) return;
      if (error) this.fail(error, 'check');
      else if (stats.nlink === 0) {
        this.fail(Object.assign(new Error('the file was deleted'), { code: 'ENOENT' }), 'check');
      }
    });
  }

  private fail(error: unknown, during: 'write' | 'check'): void {
    if (this.failure !== null) return;
    const cause = error instanceof Error ? error : new Error(String(error));
    const code = (cause as NodeJS.ErrnoException).code;
    // The descriptor is gone; closing its number later could close a file someone else opened since.
    if (code === 'EBADF') this.fd = -1;
    const reason =
      code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOENT'
            ? 'the file or its directory was removed'
            : cause.message;
    const dropped = this.pendingRecords + (this.inFlight?.records ?? 0);
    this.failure = new Error(
      `TensorBoard event file ${this.path} can no longer be written (${reason}${during === 'check' ? '' : ' during write'}); ` +
        `stopped writing it, ${dropped} pending record(s) lost`,
      { cause },
    );
    this.recordsDropped += dropped;
    this.sealed = [];
    this.used = 0;
    this.pendingBytes = 0;
    this.pendingRecords = 0;
    clearInterval(this.timer);
    this.resolveWaiters(true);
    this.onError(this.failure);
  }
}

function sliceBuffers(buffers: readonly Buffer[], skip: number): Buffer[] {
  const out: Buffer[] = [];
  for (const buffer of buffers) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    out.push(skip > 0 ? buffer.subarray(skip) : buffer);
    skip = 0;
  }
  return out;
}

function writeAllSync(fd: number, buffers: readonly Buffer[], position: number): void {
  for (const buffer of buffers) {
    let done = 0;
    while (done < buffer.length) {
      done += fs.writeSync(fd, buffer, done, buffer.length - done, position + done);
    }
    position += buffer.length;
  }
}
