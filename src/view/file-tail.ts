import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Up to `maxBytes` of what a growing file holds from `offset` on, without reading what was read before. Returns an
 * empty buffer when nothing was added, and `undefined` when the file shrank below `offset` (rewritten).
 */
export function readFrom(
  path: string,
  offset: number,
  maxBytes = Number.POSITIVE_INFINITY,
): { bytes: Buffer; size: number } | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < offset) return undefined;
    const bytes = Buffer.allocUnsafe(Math.min(size - offset, maxBytes));
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
