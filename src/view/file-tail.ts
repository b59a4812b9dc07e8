import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The bytes a growing file gained since `offset`, read without reopening what was read before. Returns an empty
 * buffer when nothing was added, and `undefined` when the file shrank below `offset` (rewritten: start over).
 */
export function readFrom(path: string, offset: number): { bytes: Buffer; size: number } | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < offset) return undefined;
    const bytes = Buffer.allocUnsafe(size - offset);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), size };
  } finally {
    closeSync(fd);
  }
}
