import * as fs from 'node:fs';
import type { AppendOnlyFileOptions, AppendOnlyFileStats } from './append-only-file-options.js';
import { bufferList, ChunkPool } from './chunk-pool.js';
import { failureReason, sliceBuffers, type WriteBatch, writeAllSync } from './positioned-write.js';

export type { AppendOnlyFileOptions, AppendOnlyFileStats } from './append-only-file-options.js';

const CHUNK_BYTES = 64 * 1024;
/** A chunk's unused tail is kept for the next records only when at least this much is left. */
const MIN_CHUNK_TAIL = 4096;
const LATENCY_WINDOW = 32;
/** Written chunks kept for reuse (2 MiB): more than a write interval's worth at any logging rate. */
const KEEP_CHUNKS = 32;

/**
 * The only class that touches a trace file: records appended to one file created exclusively (never reopened).
 *
 * A format layer reserves room in the current 64 KiB chunk, frames one record into it in place, and commits it,
 * so chunks only ever hold whole records and no record is copied. At most one asynchronous positioned `writev`
 * is in flight; it carries every record committed when it starts, so a SIGKILL loses only records not yet handed
 * to the OS and never leaves a record split between two writes (at most the one `writev` in progress is cut
 * short: a partial record at the tail). `flushSync` (process exit, back-pressure) writes the in-flight batch
 * again at the same offset before the pending one, so the file never has a hole, whichever write lands first.
 * The first failure is reported once; from then on records are dropped and counted.
 */
export class AppendOnlyFile {
  readonly path: string;
  private fd: number;
  private readonly description: string;
  private readonly maxPendingBytes: number;
  private readonly syncOnFlush: boolean;
  private readonly onError: (error: Error) => void;
  private readonly timer: NodeJS.Timeout | undefined;

  private sealed: Buffer[] = bufferList();
  private readonly chunks = new ChunkPool(CHUNK_BYTES, KEEP_CHUNKS);
  /** The whole chunk `current` lies in (`current` is its unused tail after a write took its head). */
  private currentChunk: Buffer = this.chunks.take(CHUNK_BYTES);
  private current: Buffer = this.currentChunk;
  private used = 0;
  private pendingBytes = 0;
  private pendingRecords = 0;

  private inFlight: WriteBatch | null = null;
  /** A write was asked for while one was in flight: start it when that one completes. */
  private writeRequested = false;
  private writeScheduled = false;
  /** File offset of the next batch. */
  private nextPosition: number;
  /** Bytes known to be in the file. */
  private writtenEnd: number;
  private waiters: { target: number; resolve: () => void }[] = [];

  private recordsWritten = 0;
  private writeCalls = 0;
  private recordsDropped = 0;
  private bytesDropped = 0;
  private readonly latencies: number[] = [];
  private failure: Error | null = null;
  private closedFlag = false;

  private constructor(fd: number, path: string, headerLength: number, options: AppendOnlyFileOptions) {
    this.fd = fd;
    this.path = path;
    this.description = options.description;
    this.maxPendingBytes = options.maxPendingBytes ?? 8 * 1024 * 1024;
    this.syncOnFlush = options.syncOnFlush ?? false;
    this.onError = options.onError ?? (() => {});
    this.nextPosition = headerLength;
    this.writtenEnd = headerLength;
    if (options.writeIntervalMs !== undefined) {
      this.timer = setInterval(() => this.onTimer(), Math.max(1, Math.round(options.writeIntervalMs)));
      this.timer.unref();
    }
  }

  /**
   * Creates `path` exclusively and writes the header. Throws when the file exists (with `code` EEXIST, so that a
   * caller choosing names can pick another) or cannot be created.
   */
  static create(path: string, options: AppendOnlyFileOptions): AppendOnlyFile {
    let fd: number;
    try {
      fd = fs.openSync(path, 'wx', options.mode ?? 0o666);
    } catch (error) {
      const cause = error as NodeJS.ErrnoException;
      if (cause.code !== 'EEXIST') throw error;
      throw Object.assign(
        new Error(`${options.description} ${path} already exists; an append-only file is never reopened`, {
          cause,
        }),
        { code: 'EEXIST' },
      );
    }
    const header = options.header ?? new Uint8Array(0);
    try {
      if (header.length > 0) writeAllSync(fd, [Buffer.from(header)], 0);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    return new AppendOnlyFile(fd, path, header.length, options);
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** The chunk that offsets returned by `reserve` point into; valid until the next `reserve` or write. */
  get chunk(): Buffer {
    return this.current;
  }

  /** File offset the next committed record will start at. */
  get position(): number {
    return this.nextPosition + this.pendingBytes;
  }

  /**
   * Reserves `bytes` contiguous bytes for one record and returns their offset in `chunk`; frame the record there
   * and `commit` it before anything else touches the file. Returns -1 (and counts the record as dropped) once the
   * file failed or was closed.
   */
  reserve(bytes: number): number {
    if (this.failure !== null || this.closedFlag) {
      this.recordsDropped++;
      this.bytesDropped += bytes;
      return -1;
    }
    if (this.used + bytes <= this.current.length) return this.used;
    if (this.used > 0) this.sealed.push(this.current.subarray(0, this.used));
    this.chunks.seal(this.currentChunk);
    this.nextChunk(bytes);
    return 0;
  }

  /** Commits the record framed in `chunk` from the reserved offset up to `end` (the offset just past it). */
  commit(end: number): void {
    this.pendingBytes += end - this.used;
    this.used = end;
    this.pendingRecords++;
    if (this.pendingBytes >= this.maxPendingBytes) this.relievePressure();
  }

  /** Appends one already-framed record (copied). Returns false when it was dropped. */
  append(record: Uint8Array): boolean {
    const offset = this.reserve(record.length);
    if (offset < 0) return false;
    this.current.set(record, offset);
    this.commit(offset + record.length);
    return true;
  }

  /** Records committed but not yet handed to the OS. */
  get pendingRecordCount(): number {
    return this.pendingRecords;
  }

  /** Starts writing everything pending now, or as soon as the write in flight completes. */
  write(): void {
    if (this.inFlight !== null) this.writeRequested = true;
    else this.startWrite();
  }

  /** `write()` on the next turn of the event loop: one write for every record appended during this turn. */
  scheduleWrite(): void {
    if (this.writeScheduled || this.failure !== null || this.closedFlag) return;
    this.writeScheduled = true;
    setImmediate(this.onScheduledWrite);
  }

  /**
   * Resolves when every record committed before the call is in the file (and on the disk with `syncOnFlush`), or
   * the file failed or was closed. Later records never delay it: at most two writes stand between.
   */
  async flush(): Promise<void> {
    const target = this.position;
    this.write();
    if (this.writtenEnd < target && this.failure === null && !this.closedFlag) {
      await new Promise<void>((resolve) => this.waiters.push({ target, resolve }));
    }
    if (!this.syncOnFlush || this.failure !== null || this.closedFlag) return;
    await new Promise<void>((resolve) => {
      fs.fdatasync(this.fd, (error) => {
        if (error && !this.closedFlag) this.fail(error, 'sync');
        resolve();
      });
    });
  }

  /** Writes everything pending before returning (for `process.on('exit')` and back-pressure). */
  flushSync(): void {
    if (this.failure !== null || this.closedFlag) return;
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

  /** Flushes, waits for the write in flight, then closes the file. */
  async close(): Promise<void> {
    if (this.closedFlag) return;
    await this.flush();
    while (this.inFlight !== null) await new Promise<void>((resolve) => setImmediate(resolve));
    this.closeNow();
  }

  /** Writes everything synchronously and closes the file. */
  closeSync(): void {
    if (this.closedFlag) return;
    this.flushSync();
    this.closeNow();
  }

  stats(): AppendOnlyFileStats {
    const latencies = this.latencies;
    return {
      bytesWritten: this.writtenEnd,
      bytesPending: this.pendingBytes,
      bytesDropped: this.bytesDropped,
      recordsWritten: this.recordsWritten,
      recordsDropped: this.recordsDropped,
      writeCalls: this.writeCalls,
      errors: this.failure === null ? 0 : 1,
      failed: this.failure !== null,
      writeLatencyMs: latencies.length === 0 ? 0 : latencies.reduce((a, b) => a + b, 0) / latencies.length,
    };
  }

  private readonly onScheduledWrite = (): void => {
    this.writeScheduled = false;
    this.write();
  };

  private relievePressure(): void {
    if (this.inFlight === null) this.startWrite();
    else this.flushSync();
  }

  private closeNow(): void {
    this.closedFlag = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    try {
      if (this.fd >= 0) fs.closeSync(this.fd);
    } catch {
      // Already closed or never usable: the failure, if any, was reported when it happened.
    }
    this.resolveWaiters(true);
  }

  private takePending(): WriteBatch | null {
    if (this.pendingBytes === 0) return null;
    const buffers = this.sealed;
    if (this.used > 0) {
      buffers.push(this.current.subarray(0, this.used));
      if (this.current.length - this.used >= MIN_CHUNK_TAIL) this.current = this.current.subarray(this.used);
      else {
        this.chunks.seal(this.currentChunk);
        this.nextChunk(CHUNK_BYTES);
      }
    }
    this.used = 0;
    this.sealed = bufferList();
    const batch: WriteBatch = {
      buffers,
      position: this.nextPosition,
      length: this.pendingBytes,
      records: this.pendingRecords,
      chunks: this.chunks.takeSealed(),
      syncedAlready: false,
    };
    this.nextPosition += this.pendingBytes;
    this.pendingBytes = 0;
    this.pendingRecords = 0;
    return batch;
  }

  private startWrite(): void {
    this.writeRequested = false;
    if (this.inFlight !== null || this.failure !== null || this.closedFlag) return;
    const batch = this.takePending();
    if (batch === null) return;
    this.inFlight = batch;
    this.writeAsync(batch, 0, performance.now());
  }

  private writeAsync(batch: WriteBatch, done: number, started: number): void {
    const remaining = done === 0 ? batch.buffers : sliceBuffers(batch.buffers, done);
    fs.writev(this.fd, remaining, batch.position + done, (error, written) => {
      if (error) {
        // Bytes a synchronous write already put in the file, or a descriptor closed at exit: nothing was lost.
        if (!batch.syncedAlready && !this.closedFlag) this.fail(error, 'write');
        this.inFlight = null;
        this.chunks.idle();
        return;
      }
      if (done + written < batch.length && !batch.syncedAlready) {
        this.writeAsync(batch, done + written, started);
        return;
      }
      this.inFlight = null;
      this.chunks.wrote(batch.chunks);
      this.chunks.idle();
      if (!batch.syncedAlready) this.noteWrite(batch, performance.now() - started);
      if (this.pendingBytes > 0 && (this.writeRequested || this.waiters.length > 0)) this.startWrite();
    });
  }

  private writeBatchSync(batch: WriteBatch): void {
    const started = performance.now();
    writeAllSync(this.fd, batch.buffers, batch.position);
    // The batch in flight is also being read by its asynchronous write: its chunks come back when that ends.
    if (batch !== this.inFlight) this.chunks.wrote(batch.chunks, this.inFlight?.buffers);
    this.noteWrite(batch, performance.now() - started);
  }

  private nextChunk(bytes: number): void {
    this.currentChunk = this.chunks.take(bytes);
    this.current = this.currentChunk;
    this.used = 0;
  }

  private noteWrite(batch: WriteBatch, ms: number): void {
    this.writeCalls++;
    this.recordsWritten += batch.records;
    this.writtenEnd = Math.max(this.writtenEnd, batch.position + batch.length);
    this.latencies.push(ms);
    if (this.latencies.length > LATENCY_WINDOW) this.latencies.shift();
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
    if (this.failure !== null || this.closedFlag) return;
    this.write();
    // A file deleted under us (its directory removed) still accepts writes: notice it and say so.
    fs.fstat(this.fd, (error, stats) => {
      if (this.failure !== null || this.closedFlag) return;
      if (error) this.fail(error, 'check');
      else if (stats.nlink === 0) {
        this.fail(Object.assign(new Error('the file was deleted'), { code: 'ENOENT' }), 'check');
      }
    });
  }

  private fail(error: unknown, during: 'write' | 'sync' | 'check'): void {
    if (this.failure !== null) return;
    const cause = error instanceof Error ? error : new Error(String(error));
    // The descriptor is gone; closing its number later could close a file someone else opened since.
    if ((cause as NodeJS.ErrnoException).code === 'EBADF') this.fd = -1;
    const inFlight = this.inFlight !== null && !this.inFlight.syncedAlready ? this.inFlight : null;
    const dropped = this.pendingRecords + (inFlight?.records ?? 0);
    this.failure = new Error(
      `${this.description} ${this.path} can no longer be written (${failureReason(cause)}` +
        `${during === 'check' ? '' : ` during ${during}`}); stopped writing it, ${dropped} pending record(s) lost`,
      { cause },
    );
    this.recordsDropped += dropped;
    this.bytesDropped += this.pendingBytes + (inFlight?.length ?? 0);
    this.sealed = bufferList();
    this.used = 0;
    this.pendingBytes = 0;
    this.pendingRecords = 0;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.resolveWaiters(true);
    this.onError(this.failure);
  }
}
