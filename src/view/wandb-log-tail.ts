import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type WandbLogScan, WandbLogReader } from '../trackers/wandb/offline/log-reader.js';
import { BLOCK_SIZE, FILE_HEADER_SIZE } from '../trackers/wandb/offline/log-format.js';

/**
 * Frames a growing `.wandb` log from the block that holds `resumeOffset` (the start of the last record already
 * read), without reading or checking what lies before it again. The LevelDB log's 32 KiB blocks are counted from
 * the start of the file, so the project's `WandbLogReader` is handed a buffer of the file's full size: the real
 * file header, zeros up to the resume block (lazily zeroed memory, skipped a block at a time as damage), then the
 * file's bytes from there. Damage reported before the resume block is that stand-in, and is dropped.
 */
export function scanWandbLogFrom(path: string, resumeOffset: number): { scan: WandbLogScan; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.min(Math.floor(resumeOffset / BLOCK_SIZE) * BLOCK_SIZE, Math.max(0, size));
    const bytes = Buffer.alloc(size);
    readFully(fd, bytes, 0, Math.min(FILE_HEADER_SIZE, size), 0);
    if (size > Math.max(start, FILE_HEADER_SIZE)) {
      const from = Math.max(start, FILE_HEADER_SIZE);
      readFully(fd, bytes, from, size - from, from);
    }
    const scan = WandbLogReader.scan(bytes);
    if (start === 0) return { scan, size };
    const after = (message: string): boolean => {
      const match = /offset (\d+)/.exec(message);
      return match === null || Number(match[1]) >= start;
    };
    return {
      scan: { ...scan, errors: scan.errors.filter(after), warnings: scan.warnings.filter(after) },
      size,
    };
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, target: Buffer, offset: number, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, target, offset + done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
}
