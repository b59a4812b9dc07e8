/**
 * A `DataView` on the last byte array asked for, made again only when the array changes: the CRC loops read
 * their 8-byte steps as two little-endian words (unaligned reads are fine through a `DataView`), about a fifth
 * faster than eight byte reads, and the records they check come from the same chunk, row after row.
 */
export class DataViewCache {
  private bytes: Uint8Array | undefined;
  private view: DataView = new DataView(new ArrayBuffer(0));

  /** A view of `bytes` (index 0 is `bytes[0]`). */
  of(bytes: Uint8Array): DataView {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.view;
  }
}
