import { DataViewCache } from './data-view-cache.js';

/**
 * A reflected table-driven CRC of 32 bits, slicing by 8 bytes: the kernel of the `.wandb` framing's CRC-32
 * (polynomial 0xEDB88320) and TensorBoard's CRC32C (0x82F63B78), which differ only in their polynomial. Each step
 * reads its eight bytes as two little-endian words through a `DataView` and looks them up in eight tables; the
 * bytes after the last whole step go one at a time.
 */
export class SlicingBy8Crc {
  /** Eight 256-entry tables: entry `k * 256 + n` is the CRC of byte `n` followed by `k` zero bytes. */
  private readonly tables = new Int32Array(8 * 256);
  private readonly views = new DataViewCache();

  constructor(polynomial: number) {
    const t = this.tables;
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ polynomial : c >>> 1;
      t[n] = c;
    }
    for (let n = 0; n < 256; n++) {
      let c = t[n] as number;
      for (let k = 1; k < 8; k++) {
        c = (t[c & 0xff] as number) ^ (c >>> 8);
        t[k * 256 + n] = c;
      }
    }
  }

  /**
   * The register after `bytes[start, end)`, from `register` (the inversions before and after are the caller's:
   * a CRC from `initial` is `~update(~initial, …) >>> 0`).
   */
  update(register: number, bytes: Uint8Array, start: number, end: number): number {
    const t = this.tables;
    let c = register;
    let i = start;
    if (i + 8 <= end) {
      const words = this.views.of(bytes);
      for (; i + 8 <= end; i += 8) {
        const lo = words.getInt32(i, true) ^ c;
        const hi = words.getInt32(i + 4, true);
        c =
          (t[1792 + (lo & 0xff)] as number) ^
          (t[1536 + ((lo >>> 8) & 0xff)] as number) ^
          (t[1280 + ((lo >>> 16) & 0xff)] as number) ^
          (t[1024 + (lo >>> 24)] as number) ^
          (t[768 + (hi & 0xff)] as number) ^
          (t[512 + ((hi >>> 8) & 0xff)] as number) ^
          (t[256 + ((hi >>> 16) & 0xff)] as number) ^
          (t[hi >>> 24] as number);
      }
    }
    for (; i < end; i++) c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
    return c;
  }
}
