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
 *
 * One instance makes one pass: each step reads what is at `pos` (block padding or a chunk) and says whether
 * to go on; damage before the last block skips to the next block and resynchronizes at the next record start.
 */
export class WandbLogReader {
  private readonly result: WandbLogScan = { records: [], chunks: [], padding: [], warnings: [], errors: [] };
  private readonly size: number;
  private lastBlock = 0;
  private pos = FILE_HEADER_SIZE;
  /** Where the record being read started (its first chunk, or the padding just before it). */
  private recordStart = FILE_HEADER_SIZE;
  private pieces: Buffer[] = [];
  private pendingChunks: number[] = [];
  private inRecord = false;
  /** After damage: the rest of a broken record (MIDDLE/LAST chunks) is skipped without further errors. */
  private resyncing = false;

  private constructor(private readonly bytes: Buffer) {
    this.size = bytes.length;
  }

  static readFile(path: string): WandbLogScan {
    return new WandbLogReader(readFileSync(path)).scan();
  }

  static scan(bytes: Buffer): WandbLogScan {
    return new WandbLogReader(bytes).scan();
  }

  private scan(): WandbLogScan {
    if (!this.checkFileHeader()) return this.result;
    this.lastBlock = Math.floor((this.size - 1) / BLOCK_SIZE);
    while (this.pos < this.size) {
      const left = BLOCK_SIZE - (this.pos % BLOCK_SIZE);
      const goOn = left < CHUNK_HEADER_SIZE ? this.skipPadding(left) : this.readChunk(left);
      if (!goOn) return this.result;
    }
    if (this.inRecord) {
      this.result.warnings.push(
        `file incomplete: the file ends inside the record that starts at offset ${this.recordStart}`,
      );
    }
    return this.result;
  }

  private checkFileHeader(): boolean {
    const { bytes, size, result } = this;
    if (size < FILE_HEADER_SIZE) {
      result.warnings.push(`file incomplete: ${size} bytes, shorter than the 7-byte W&B file header`);
      return false;
    }
    for (let i = 0; i < FILE_HEADER_SIZE; i++) {
      if (bytes[i] !== FILE_HEADER[i]) {
        result.errors.push(
          `not a W&B transaction log: file header is ${bytes.subarray(0, FILE_HEADER_SIZE).toString('hex')}, ` +
            `expected ${Buffer.from(FILE_HEADER).toString('hex')} (":W&B", magic 0xBEE1, version 0)`,
        );
        return false;
      }
    }
    return true;
  }

  private damage(offset: number, message: string): void {
    if (Math.floor(offset / BLOCK_SIZE) >= this.lastBlock) {
      this.result.warnings.push(
        `file incomplete: ${message} at offset ${offset} (last block); stopped there`,
      );
    } else {
      this.result.errors.push(`${message} at offset ${offset}`);
    }
  }

  /** The zeros at the end of a block too short for a chunk header. */
  private skipPadding(left: number): boolean {
    const pos = this.pos;
    const end = Math.min(pos + left, this.size);
    let zero = true;
    for (let i = pos; i < end; i++) if (this.bytes[i] !== 0) zero = false;
    if (!zero) {
      this.damage(pos, `non-zero bytes in block padding`);
      if (Math.floor(pos / BLOCK_SIZE) >= this.lastBlock) return false;
    }
    this.result.padding.push({ offset: pos, length: end - pos, block: Math.floor(pos / BLOCK_SIZE) });
    this.pos = end;
    return true;
  }

  /** Checks the chunk at `pos` (type, length, CRC) and takes it. */
  private readChunk(left: number): boolean {
    const { bytes, size, pos } = this;
    if (size - pos < CHUNK_HEADER_SIZE) {
      this.damage(pos, `truncated chunk header (${size - pos} of 7 bytes)`);
      return false;
    }
    const crc = bytes.readUInt32LE(pos);
    const length = bytes.readUInt16LE(pos + 4);
    const type = bytes[pos + 6] as number;
    const block = Math.floor(pos / BLOCK_SIZE);
    if (type < ChunkType.FULL || type > ChunkType.LAST) {
      return this.skipDamagedBlock(block, `bad chunk type ${type}`);
    }
    if (CHUNK_HEADER_SIZE + length > left) {
      return this.skipDamagedBlock(block, `chunk length ${length} crosses the block edge`);
    }
    if (pos + CHUNK_HEADER_SIZE + length > size) {
      this.damage(pos, `truncated chunk (${size - pos - CHUNK_HEADER_SIZE} of ${length} payload bytes)`);
      return false;
    }
    const payload = bytes.subarray(pos + CHUNK_HEADER_SIZE, pos + CHUNK_HEADER_SIZE + length);
    if (chunkCrc(type, payload) !== crc) {
      return this.skipDamagedBlock(block, `CRC mismatch in ${length}-byte chunk`);
    }
    return this.takeChunk({ offset: pos, block, type, length, crc, record: -1 }, payload);
  }

  /** Reports damage at `pos`; before the last block, drops the record being read and goes on at the next block. */
  private skipDamagedBlock(block: number, message: string): boolean {
    this.damage(this.pos, message);
    if (block >= this.lastBlock) return false;
    this.abandonRecord();
    this.pos = (block + 1) * BLOCK_SIZE;
    this.recordStart = this.pos;
    this.resyncing = true;
    return true;
  }

  /** Adds a checked chunk to the record being read, completing it on FULL or LAST. */
  private takeChunk(chunk: WandbLogChunk, payload: Buffer): boolean {
    const { result, pos } = this;
    const { type, block } = chunk;
    const starts = type === ChunkType.FULL || type === ChunkType.FIRST;
    if (starts && this.inRecord) {
      this.damage(pos, `record started at ${this.recordStart} was not finished before a new one began`);
      if (block >= this.lastBlock) return false;
      this.abandonRecord();
      this.recordStart = pos;
    }
    if (starts) this.resyncing = false;
    this.pos += CHUNK_HEADER_SIZE + chunk.length;
    if (!starts && !this.inRecord) {
      if (!this.resyncing) {
        this.damage(pos, `${type === ChunkType.MIDDLE ? 'MIDDLE' : 'LAST'} chunk without a FIRST chunk`);
        if (block >= this.lastBlock) return false;
      }
      this.recordStart = this.pos;
      return true;
    }
    const chunkIndex = result.chunks.length;
    result.chunks.push(chunk);
    if (type === ChunkType.FULL) {
      (chunk as { record: number }).record = result.records.length;
      result.records.push({ offset: this.recordStart, payload: Buffer.from(payload) });
      this.recordStart = this.pos;
      return true;
    }
    this.inRecord = true;
    this.pieces.push(payload);
    this.pendingChunks.push(chunkIndex);
    if (type === ChunkType.LAST) {
      for (const c of this.pendingChunks)
        (result.chunks[c] as { record: number }).record = result.records.length;
      result.records.push({ offset: this.recordStart, payload: Buffer.concat(this.pieces) });
      this.abandonRecord();
      this.recordStart = this.pos;
    }
    return true;
  }

  private abandonRecord(): void {
    this.pieces = [];
    this.pendingChunks = [];
    this.inRecord = false;
  }
}
