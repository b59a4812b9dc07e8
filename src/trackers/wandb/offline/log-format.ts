/**
 * Constants of the `.wandb` transaction log: LevelDB's log format (32 KiB blocks of chunks with a 7-byte
 * header: CRC-32 LE, length LE, type) behind a 7-byte W&B file header (`:W&B`, magic 0xBEE1 LE, version 0).
 */

export const BLOCK_SIZE = 32_768;
export const CHUNK_HEADER_SIZE = 7;

export const FILE_HEADER: Readonly<Uint8Array> = Uint8Array.of(0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, 0x00);
export const FILE_HEADER_SIZE = FILE_HEADER.length;

export const ChunkType = {
  FULL: 1,
  FIRST: 2,
  MIDDLE: 3,
  LAST: 4,
} as const;
export type ChunkType = (typeof ChunkType)[keyof typeof ChunkType];
