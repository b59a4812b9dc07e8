import * as fs from 'node:fs';

/** Bytes handed to the OS in one positioned write: whole records, in file order, from `position` on. */
export interface WriteBatch {
  readonly buffers: Buffer[];
  readonly position: number;
  readonly length: number;
  readonly records: number;
  /** Chunks whose last bytes are in this batch: reusable once it is written (see `ChunkPool`). */
  readonly chunks: readonly Buffer[];
  /** Set when a synchronous write put this batch's bytes in the file while its asynchronous write was in flight. */
  syncedAlready: boolean;
}

/** The buffers of `buffers` without their first `skip` bytes (to resume a short `writev`). */
export function sliceBuffers(buffers: readonly Buffer[], skip: number): Buffer[] {
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

/** Writes every byte of `buffers` at `position` and on, retrying short writes. */
export function writeAllSync(fd: number, buffers: readonly Buffer[], position: number): void {
  for (const buffer of buffers) {
    let done = 0;
    while (done < buffer.length) {
      done += fs.writeSync(fd, buffer, done, buffer.length - done, position + done);
    }
    position += buffer.length;
  }
}

/** Words for a failed file operation that a user can act on (the errno code alone says little). */
export function failureReason(cause: Error): string {
  switch ((cause as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the file or its directory was removed';
    default:
      return cause.message;
  }
}
