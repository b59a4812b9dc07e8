import { AppendOnlyFile } from '../../../io/append-only-file.js';
import { CHUNK_HEADER_SIZE, FILE_HEADER } from './log-format.js';
import { WandbLogFramer } from './log-framer.js';

/** A record payload of a known length that writes its own bytes (see `HistoryRecordEncoder.prepare`). */
export interface EncodableRecord {
  readonly length: number;
  /** Writes exactly `length` bytes at `out[at]`. */
  writeInto(out: Buffer, at: number): void;
}

export interface WandbLogWriterOptions {
  /**
   * Bytes that may wait in memory while a write is in flight. Beyond this the writer writes synchronously
   * (back-pressure on the caller, which is the core's drain, never the trainer's call). Default 16 MiB.
   */
  readonly maxPendingBytes?: number;
  /** Called once, when the file can no longer be written; the lost bytes are counted in `droppedBytes`. */
  readonly onError?: (error: Error) => void;
}

/**
 * The `.wandb` format layer: the W&B file header, then records in LevelDB-log block framing (a record's chunks
 * cross 32 KiB block edges, so the framer, not the file, knows where each record's bytes go). Records are framed
 * in place into the `AppendOnlyFile`'s chunk (no copy per record); the file writes everything appended during
 * one turn of the event loop in one positioned write, so a killed process leaves only complete records before a
 * partial tail.
 */
export class WandbLogWriter {
  readonly path: string;
  private readonly framer: WandbLogFramer;

  private constructor(private readonly file: AppendOnlyFile) {
    this.path = file.path;
    this.framer = new WandbLogFramer(FILE_HEADER.length);
  }

  /** Creates `path` (exclusively: never overwrites a run's log) and writes the W&B file header synchronously. */
  static create(path: string, options: WandbLogWriterOptions = {}): WandbLogWriter {
    const onError = options.onError;
    const file = AppendOnlyFile.create(path, {
      description: 'W&B log',
      header: FILE_HEADER,
      mode: 0o644,
      maxPendingBytes: options.maxPendingBytes ?? 16 * 1024 * 1024,
      syncOnFlush: true,
      // The caller names the file itself: hand it the operating system's error.
      onError: (error) => onError?.(error.cause instanceof Error ? error.cause : error),
    });
    return new WandbLogWriter(file);
  }

  /** Bytes on disk (header included). */
  get bytesWritten(): number {
    return this.file.stats().bytesWritten;
  }

  /** Bytes of records lost to a failed write (pending when it failed, or appended after). */
  get droppedBytes(): number {
    return this.file.stats().bytesDropped;
  }

  /** Bytes framed but not yet handed to the OS. */
  get pendingBytes(): number {
    return this.file.stats().bytesPending;
  }

  /** Frames one record's payload and queues it for the next batch write. */
  append(payload: Uint8Array): void {
    if (this.file.closed) throw new Error(`${this.path}: append after close`);
    const file = this.file;
    const offset = file.reserve(this.framer.framedLength(payload.length));
    if (offset < 0) return;
    file.commit(this.framer.frameInto(payload, file.chunk, offset));
    file.scheduleWrite();
  }

  /**
   * Appends a record its encoder writes itself: straight into the file's chunk behind the chunk header when it
   * fits the current block whole (most records: no scratch buffer, no copy), else through a scratch copy framed
   * as `append` does.
   */
  appendEncoded(record: EncodableRecord): void {
    if (this.file.closed) throw new Error(`${this.path}: append after close`);
    const length = record.length;
    if (!this.framer.fitsWhole(length)) {
      const scratch = Buffer.allocUnsafe(length);
      record.writeInto(scratch, 0);
      this.append(scratch);
      return;
    }
    const file = this.file;
    const offset = file.reserve(CHUNK_HEADER_SIZE + length);
    if (offset < 0) return;
    record.writeInto(file.chunk, offset + CHUNK_HEADER_SIZE);
    file.commit(this.framer.frameWholeInPlace(file.chunk, offset, length));
    file.scheduleWrite();
  }

  /** Writes everything appended so far and resolves once it is on disk (fdatasync). */
  flush(): Promise<void> {
    return this.file.flush();
  }

  /** Writes everything appended so far synchronously (for exit and signal handlers). */
  flushSync(): void {
    this.file.flushSync();
  }

  /** Flushes and closes the file. Later `append`s throw. */
  close(): Promise<void> {
    return this.file.close();
  }

  /** Flushes synchronously and closes (for process exit). */
  closeSync(): void {
    this.file.closeSync();
  }
}
