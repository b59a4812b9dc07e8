import * as zlib from 'node:zlib';

/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as zlib), continuing from `initial`.
 * Uses `zlib.crc32` (Node ≥ 20.15) and a table-driven fallback elsewhere.
 */
export const crc32: (data: Uint8Array, initial?: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data, initial = 0) => zlib.crc32(data, initial)
    : tableCrc32;

let table: Uint32Array | undefined;

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/** The portable implementation (exported for tests that compare it with zlib's). */
export function tableCrc32(data: Uint8Array, initial = 0): number {
  if (table === undefined) table = makeTable();
  const t = table;
  let c = ~initial >>> 0;
  for (let i = 0; i < data.length; i++) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

const typeCrcs = new Map<number, number>();

/** The chunk CRC of the `.wandb` framing: CRC-32 over the type byte followed by the payload. */
export function chunkCrc(type: number, payload: Uint8Array): number {
  let seed = typeCrcs.get(type);
  if (seed === undefined) {
    seed = crc32(Uint8Array.of(type));
    typeCrcs.set(type, seed);
  }
  return crc32(payload, seed);
}
