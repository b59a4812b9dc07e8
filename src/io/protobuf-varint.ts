/**
 * Protobuf base-128 varints, for the encoders that write their hot records by hand (TensorBoard's scalar events,
 * the `.wandb` history records). Every value there is an integer: lengths, steps and record numbers, below 2^31
 * in practice, take the bit-operation path; larger ones (up to 2^53) and negative int64s (ten bytes, two's
 * complement, as protobuf writes them) take the out-of-line paths, so that both functions stay small enough for
 * V8 to inline into the encoders.
 */

/** Bytes of `value` as a varint: one expression below 2^31 (a branch per length left optimized code without
 * feedback for the lengths a run reaches late, and the first such value deoptimized its encoder). */
export function varintLength(value: number): number {
  if (value >= 0 && value <= 0x7fffffff) return ((38 - Math.clz32(value | 1)) / 7) | 0;
  return value < 0 ? 10 : largeVarintLength(value);
}

/** Writes `value` as a varint at `out[at]`; returns the index after it. */
export function writeVarint(out: Uint8Array, at: number, value: number): number {
  if (value >= 0 && value <= 0x7fffffff) {
    let v = value;
    while (v >= 0x80) {
      out[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[at++] = v;
    return at;
  }
  return value < 0 ? writeNegativeVarint(out, at, value) : writeLargeVarint(out, at, value);
}

function largeVarintLength(value: number): number {
  let n = 4;
  let v = Math.floor(value / 0x10000000);
  while (v > 0) {
    n++;
    v = Math.floor(v / 0x80);
  }
  return n;
}

/** 2^31 ≤ value ≤ 2^53: past 32 bits, so arithmetic instead of bit operations. */
function writeLargeVarint(out: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    out[at++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  out[at++] = v;
  return at;
}

/** A negative int64: its two's complement over 64 bits, ten bytes. */
function writeNegativeVarint(out: Uint8Array, at: number, value: number): number {
  let lo = value >>> 0;
  let hi = Math.floor(value / 0x100000000) >>> 0;
  for (let i = 0; i < 9; i++) {
    out[at++] = (lo & 0x7f) | 0x80;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  out[at++] = lo & 0x01;
  return at;
}
