import { readFileSync } from 'node:fs';
import { chunkCrc } from './crc32.js';
import { BLOCK_SIZE, CHUNK_HEADER_SIZE, ChunkType, FILE_HEADER, FILE_HEADER_SIZE } from './log-format.js';

/** One record's payload as read from a `.wandb` file. */
export interface WandbLogEntry {
  /** Where the reader started this record: its first chunk header, or the padding just before it. */
  readonly offset: number;
  /** The payload, with FIRST/MIDDLE/LAST pieces joined. */
  readonly payload: Buffer;
}

export interface WandbLogChunk {
  readonly offset: number;
  readonly block: number;
  readonly type: number;
  readonly length: number;
  readonly crc: number;
  /** Index of the record it belongs to (in `records`), or -1 for a chunk of a record that was not completed. */
  readonly record: number;
}

export interface WandbLogPadding {
  readonly offset: number;
  readonly length: number;
  readonly block: number;
}

export interface WandbLogScan {
  readonly records: WandbLogEntry[];
  readonly chunks: WandbLogChunk[];
  readonly padding: WandbLogPadding[];
  /** Damage in the file's last block (a run that was killed mid-write): the records before it are intact. */
  readonly warnings: string[];
  /** Damage before the last block, with its offset; the reader skips to the next block and continues. */
  readonly errors: string[];
}

/**
 * Reads the framing of a `.wandb` file (mirror of `WandbLogFramer`): checks the file header and every CRC,
 * joins FIRST/MIDDLE/LAST chunks, and skips block padding. Damage in the last block is reported as a
 * warning "file incomplete" (as `wandb sync` does); damage elsewhere is an error naming its offset.
 */
export class WandbLogReader {
  constructor(private readonly bytes: Buffer) {}

  static readFile(path: string): WandbLogScan {
    return new WandbLogReader(readFileSync(path)).scan();
  }

  static scan(bytes: Buffer): WandbLogScan {
    return new WandbLogReader(bytes).scan();
  }

  scan(): WandbLogScan {
    const bytes = this.bytes;
    const result: WandbLogScan = { records: [], chunks: [], padding: [], warnings: [], errors: [] };
    const size = bytes.length;
    if (size < FILE_HEADER_SIZE) {
      result.warnings.push(`file incomplete: ${size} bytes, shorter than the 7-byte W&B file header`);
      return result;
    }
    for (let i = 0; i < FILE_HEADER_SIZE; i++) {
      if (bytes[i] !== FILE_HEADER[i]) {
        result.errors.push(
          `not a W&B transaction log: file header is ${bytes.subarray(0, FILE_HEADER_SIZE).toString('hex')}, ` +
            `expected ${Buffer.from(FILE_HEADER).toString('hex')} (":W&B", magic 0xBEE1, version 0)`,
        );
        return result;
      }
    }
    const lastBlock = Math.floor((size - 1) / BLOCK_SIZE);
    const damage = (offset: number, message: string): void => {
      if (Math.floor(offset / BLOCK_SIZE) >= lastBlock) {
        result.warnings.push(`file incomplete: ${message} at offset ${offset} (last block); stopped there`);
      } else {
        result.errors.push(`${message} at offset ${offset}`);
      }
    };

    let pos = FILE_HEADER_SIZE;
    let recordStart = pos;
    let pieces: Buffer[] = [];
    let pendingChunks: number[] = [];
    let inRecord = false;
    /** After damage: the rest of a broken record (MIDDLE/LAST chunks) is skipped without further errors. */
    let resyncing = false;
    const abandonRecord = (): void => {
      pieces = [];
      pendingChunks = [];
      inRecord = false;
    };

    while (pos < size) {
      const left = BLOCK_SIZE - (pos % BLOCK_SIZE);
      if (left < CHUNK_HEADER_SIZE) {
        const end = Math.min(pos + left, size);
        let zero = true;
        for (let i = pos; i < end; i++) if (bytes[i] !== 0) zero = false;
        if (!zero) {
          damage(pos, `non-zero bytes in block padding`);
          if (Math.floor(pos / BLOCK_SIZE) >= lastBlock) return result;
        }
        result.padding.push({ offset: pos, length: end - pos, block: Math.floor(pos / BLOCK_SIZE) });
        pos = end;
        continue;
      }
      if (size - pos < CHUNK_HEADER_SIZE) {
        damage(pos, `truncated chunk header (${size - pos} of 7 bytes)`);
        return result;
      }
      const crc = bytes.readUInt32LE(pos);
      const length = bytes.readUInt16LE(pos + 4);
      const type = bytes[pos + 6] as number;
      const block = Math.floor(pos / BLOCK_SIZE);
      const skipToNextBlock = (): void => {
        abandonRecord();
        pos = (block + 1) * BLOCK_SIZE;
        recordStart = pos;
        resyncing = true;
      };
      if (type < ChunkType.FULL || type > ChunkType.LAST) {
        damage(pos, `bad chunk type ${type}`);
        if (block >= lastBlock) return result;
        skipToNextBlock();
        continue;
      }
      if (CHUNK_HEADER_SIZE + length > left) {
        damage(pos, `chunk length ${length} crosses the block edge`);
        if (block >= lastBlock) return result;
        skipToNextBlock();
        continue;
      }
      if (pos + CHUNK_HEADER_SIZE + length > size) {
        damage(pos, `truncated chunk (${size - pos - CHUNK_HEADER_SIZE} of ${length} payload bytes)`);
        return result;
      }
      const payload = bytes.subarray(pos + CHUNK_HEADER_SIZE, pos + CHUNK_HEADER_SIZE + length);
      if (chunkCrc(type, payload) !== crc) {
        damage(pos, `CRC mismatch in ${length}-byte chunk`);
        if (block >= lastBlock) return result;
        skipToNextBlock();
        continue;
      }
      const starts = type === ChunkType.FULL || type === ChunkType.FIRST;
      if (starts && inRecord) {
        damage(pos, `record started at ${recordStart} was not finished before a new one began`);
        if (block >= lastBlock) return result;
        abandonRecord();
        recordStart = pos;
      }
      if (starts) resyncing = false;
      if (!starts && !inRecord) {
        if (resyncing) {
          pos += CHUNK_HEADER_SIZE + length;
          recordStart = pos;
          continue;
        }
        damage(pos, `${type === ChunkType.MIDDLE ? 'MIDDLE' : 'LAST'} chunk without a FIRST chunk`);
        if (block >= lastBlock) return result;
        pos += CHUNK_HEADER_SIZE + length;
        recordStart = pos;
        continue;
      }
      const chunkIndex = result.chunks.length;
      result.chunks.push({ offset: pos, block, type, length, crc, record: -1 });
      pos += CHUNK_HEADER_SIZE + length;
      if (type === ChunkType.FULL) {
        (result.chunks[chunkIndex] as { record: number }).record = result.records.length;
        result.records.push({ offset: recordStart, payload: Buffer.from(payload) });
        recordStart = pos;
        continue;
      }
      inRecord = true;
      pieces.push(payload);
      pendingChunks.push(chunkIndex);
      if (type === ChunkType.LAST) {
        for (const c of pendingChunks)
          (result.chunks[c] as { record: number }).record = result.records.length;
        result.records.push({ offset: recordStart, payload: Buffer.concat(pieces) });
        abandonRecord();
        recordStart = pos;
      }
    }
    if (inRecord) {
      result.warnings.push(
        `file incomplete: the file ends inside the record that starts at offset ${recordStart}`,
      );
    }
    return result;
  }
}
