/**
 * Every point of one scalar series as three typed-array columns (step, wall time in seconds, value), growing by
 * doubling: the memory held is at most twice the numeric data (24 bytes a point), and nothing is sampled away.
 */
export class SeriesColumn {
  private stepsArray: Float64Array;
  private wallTimesArray: Float64Array;
  private valuesArray: Float64Array;
  private size = 0;
  /** Smallest and largest finite value seen (NaN and ±Infinity excluded). */
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  constructor(initialCapacity = 64) {
    this.stepsArray = new Float64Array(initialCapacity);
    this.wallTimesArray = new Float64Array(initialCapacity);
    this.valuesArray = new Float64Array(initialCapacity);
  }

  get length(): number {
    return this.size;
  }

  /** Bytes of the typed arrays (capacity, not length). */
  get byteLength(): number {
    return this.stepsArray.byteLength * 3;
  }

  push(step: number, wallTime: number, value: number): void {
    if (this.size === this.stepsArray.length) this.grow();
    const i = this.size++;
    this.stepsArray[i] = step;
    this.wallTimesArray[i] = wallTime;
    this.valuesArray[i] = value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /**
   * Drops the points at `step` or later (TensorBoard's purge when a run restarts with a SessionLog.START), keeping
   * the earlier ones in order, and recomputes the extremes.
   */
  purgeFrom(step: number): void {
    let kept = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.size; i++) {
      if (this.stepsArray[i]! >= step) continue;
      const value = this.valuesArray[i]!;
      this.stepsArray[kept] = this.stepsArray[i]!;
      this.wallTimesArray[kept] = this.wallTimesArray[i]!;
      this.valuesArray[kept++] = value;
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
    }
    this.size = kept;
  }

  /** Views of the filled part of each column (no copy; valid until the next push). */
  get steps(): Float64Array {
    return this.stepsArray.subarray(0, this.size);
  }

  get wallTimes(): Float64Array {
    return this.wallTimesArray.subarray(0, this.size);
  }

  get values(): Float64Array {
    return this.valuesArray.subarray(0, this.size);
  }

  private grow(): void {
    const capacity = Math.max(16, this.stepsArray.length * 2);
    const grow = (old: Float64Array): Float64Array => {
      const next = new Float64Array(capacity);
      next.set(old);
      return next;
    };
    this.stepsArray = grow(this.stepsArray);
    this.wallTimesArray = grow(this.wallTimesArray);
    this.valuesArray = grow(this.valuesArray);
  }
}
