/**
 * CRC32C (Castagnoli, iSCSI): reflected polynomial 0x82F63B78, init and final XOR 0xFFFFFFFF.
 * Sliced by 8 bytes (see `SlicingBy8Crc`), which keeps a 30-byte scalar record at a few dozen table reads.
 */
import { SlicingBy8Crc } from '../../io/slicing-by-8-crc.js';

const CASTAGNOLI = new SlicingBy8Crc(0x82f63b78);

/** CRC32C of `bytes[start, end)`, as an unsigned 32-bit integer. */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return ~CASTAGNOLI.update(-1, bytes, start, end) >>> 0;
}

/** TFRecord's CRC mask: rotate right by 15 bits, then add 0xA282EAD8 (mod 2^32). */
export function maskCrc(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

export function maskedCrc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return maskCrc(crc32c(bytes, start, end));
}
