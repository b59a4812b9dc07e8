import * as zlib from 'node:zlib';
import { SlicingBy8Crc } from '../../../io/slicing-by-8-crc.js';

/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as zlib), continuing from `initial`.
 * Uses `zlib.crc32` (Node ≥ 20.15) and a table-driven fallback elsewhere.
 */
export const crc32: (data: Uint8Array, initial?: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data, initial = 0) => zlib.crc32(data, initial)
    : tableCrc32;

const IEEE = new SlicingBy8Crc(0xedb88320);

/** The portable implementation (exported for tests that compare it with zlib's). */
export function tableCrc32(data: Uint8Array, initial = 0): number {
  return ~IEEE.update(~initial, data, 0, data.length) >>> 0;
}

/** Below this many bytes the JS loop beats the native call (and needs no `subarray` view). */
const NATIVE_FROM_BYTES = 2048;

/**
 * CRC-32 of `data[start, end)` continuing from `initial`, sliced by 8 bytes (see `SlicingBy8Crc`). For the small
 * records of a `.wandb` log (~100 bytes) it is about twice as fast as `zlib.crc32`, whose per-call cost dominates
 * at that size.
 */
export function crc32Range(data: Uint8Array, start: number, end: number, initial = 0): number {
  if (end - start >= NATIVE_FROM_BYTES) return crc32(data.subarray(start, end), initial);
  return ~IEEE.update(~initial, data, start, end) >>> 0;
}

/** The CRC-32 of each chunk type byte (1-4: FULL, FIRST, MIDDLE, LAST), the seed of a chunk's CRC. */
const TYPE_SEEDS = [0, 1, 2, 3, 4].map((type) => crc32(Uint8Array.of(type)));

function typeSeed(type: number): number {
  return TYPE_SEEDS[type] ?? crc32(Uint8Array.of(type));
}

/** The chunk CRC of the `.wandb` framing: CRC-32 over the type byte followed by the payload. */
export function chunkCrc(type: number, payload: Uint8Array): number {
  return crc32Range(payload, 0, payload.length, typeSeed(type));
}

/** `chunkCrc` of the payload `data[start, end)`, without a view on it. */
export function chunkCrcRange(type: number, data: Uint8Array, start: number, end: number): number {
  return crc32Range(data, start, end, typeSeed(type));
}
