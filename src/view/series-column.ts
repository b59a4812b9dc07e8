/** Points in the first block; each next block doubles, up to `BLOCK_POINTS`. */
const FIRST_BLOCK_POINTS = 64;
/**
 * Points in a full block (24 KiB over the three columns). Appending never copies: a full block is followed by a new
 * one, so indexing 20 million points allocates each byte once, and a column holds at most one block of slack.
 */
const BLOCK_POINTS = 1024;

/**
 * A column's points as plain arrays: what crosses from an indexing worker (views of one buffer per run, which is
 * transferred).
 */
export interface SeriesData {
  readonly steps: Float64Array;
  readonly wallTimes: Float64Array;
  readonly values: Float64Array;
  readonly min: number;
  readonly max: number;
}

/**
 * Every point of one scalar series as three typed-array columns (step, wall time in seconds, value), nothing
 * sampled away. Points are appended into blocks (no copy while indexing); reading the columns joins the blocks
 * into one array per column once (until the next append), which the next appends then follow in new blocks.
 */
export class SeriesColumn {
  private stepBlocks: Float64Array[] = [];
  private wallTimeBlocks: Float64Array[] = [];
  private valueBlocks: Float64Array[] = [];
  /** The block being filled, and how many points it holds. */
  private tailSteps: Float64Array;
  private tailWallTimes: Float64Array;
  private tailValues: Float64Array;
  private tailFill = 0;
  private size = 0;
  /** Set by `reserve`: the least the next block holds. */
  private wantedBlockPoints = 0;
  /** Smallest and largest finite value seen (NaN and ±Infinity excluded). */
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  constructor(initialCapacity = FIRST_BLOCK_POINTS) {
    this.tailSteps = new Float64Array(initialCapacity);
    this.tailWallTimes = new Float64Array(initialCapacity);
    this.tailValues = new Float64Array(initialCapacity);
    this.stepBlocks.push(this.tailSteps);
    this.wallTimeBlocks.push(this.tailWallTimes);
    this.valueBlocks.push(this.tailValues);
  }

  /** A column over arrays made elsewhere (an indexing worker's), without copying them. */
  static fromData(data: SeriesData): SeriesColumn {
    const column = new SeriesColumn(0);
    column.tailSteps = data.steps;
    column.tailWallTimes = data.wallTimes;
    column.tailValues = data.values;
    column.stepBlocks = [data.steps];
    column.wallTimeBlocks = [data.wallTimes];
    column.valueBlocks = [data.values];
    column.size = data.steps.length;
    column.tailFill = column.size;
    column.min = data.min;
    column.max = data.max;
    return column;
  }

  /**
   * The points copied into `target` from `at` (steps, then wall times, then values, `length` each), as views of
   * it: an indexing worker packs a run's columns into one buffer and transfers that one instead of three per tag.
   */
  copyTo(target: Float64Array, at: number): SeriesData {
    const size = this.size;
    const copy = (blocks: Float64Array[], from: number): Float64Array => {
      let filled = 0;
      for (const block of blocks) {
        const take = Math.min(block.length, size - filled);
        target.set(take === block.length ? block : block.subarray(0, take), from + filled);
        filled += take;
      }
      return target.subarray(from, from + size);
    };
    return {
      steps: copy(this.stepBlocks, at),
      wallTimes: copy(this.wallTimeBlocks, at + size),
      values: copy(this.valueBlocks, at + 2 * size),
      min: this.min,
      max: this.max,
    };
  }

  /**
   * Makes the next block (if the points do not fit in the current one) hold at least `points` more: a batch of
   * points is appended with one allocation per column however long it is.
   */
  reserve(points: number): void {
    const free = this.tailSteps.length - this.tailFill;
    if (points > free) this.wantedBlockPoints = points - free;
  }

  get length(): number {
    return this.size;
  }

  /** Bytes of the typed arrays (capacity, not length). */
  get byteLength(): number {
    let bytes = 0;
    for (const block of this.stepBlocks) bytes += block.byteLength * 3;
    return bytes;
  }

  /** The last point's value (no join of the blocks); undefined when empty. */
  get lastValue(): number | undefined {
    if (this.size === 0) return undefined;
    if (this.tailFill > 0) return this.tailValues[this.tailFill - 1];
    const previous = this.valueBlocks[this.valueBlocks.length - 2]!;
    return previous[previous.length - 1];
  }

  push(step: number, wallTime: number, value: number): void {
    if (this.tailFill === this.tailSteps.length) this.addBlock();
    const i = this.tailFill++;
    this.tailSteps[i] = step;
    this.tailWallTimes[i] = wallTime;
    this.tailValues[i] = value;
    this.size++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /**
   * Drops the points at `step` or later (TensorBoard's purge when a run restarts with a SessionLog.START), keeping
   * the earlier ones in order, and recomputes the extremes.
   */
  purgeFrom(step: number): void {
    this.join();
    let kept = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    const steps = this.tailSteps;
    const wallTimes = this.tailWallTimes;
    const values = this.tailValues;
    for (let i = 0; i < this.size; i++) {
      if (steps[i]! >= step) continue;
      const value = values[i]!;
      steps[kept] = steps[i]!;
      wallTimes[kept] = wallTimes[i]!;
      values[kept++] = value;
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
    }
    this.size = kept;
    this.tailFill = kept;
  }

  /** Views of the filled part of each column (no copy once joined; valid until the next push). */
  get steps(): Float64Array {
    this.join();
    return this.tailSteps.subarray(0, this.size);
  }

  get wallTimes(): Float64Array {
    this.join();
    return this.tailWallTimes.subarray(0, this.size);
  }

  get values(): Float64Array {
    this.join();
    return this.tailValues.subarray(0, this.size);
  }

  private addBlock(): void {
    const grown = Math.min(BLOCK_POINTS, Math.max(FIRST_BLOCK_POINTS, this.tailSteps.length * 2));
    const points = Math.max(grown, this.wantedBlockPoints);
    this.wantedBlockPoints = 0;
    this.tailSteps = new Float64Array(points);
    this.tailWallTimes = new Float64Array(points);
    this.tailValues = new Float64Array(points);
    this.tailFill = 0;
    this.stepBlocks.push(this.tailSteps);
    this.wallTimeBlocks.push(this.tailWallTimes);
    this.valueBlocks.push(this.tailValues);
  }

  /** One block holding every point, exactly as long as the data (the reading side's contiguous view). */
  private join(): void {
    if (this.stepBlocks.length === 1) return;
    const size = this.size;
    const joinBlocks = (blocks: Float64Array[]): Float64Array => {
      const joined = new Float64Array(size);
      let at = 0;
      for (const block of blocks) {
        const take = Math.min(block.length, size - at);
        joined.set(take === block.length ? block : block.subarray(0, take), at);
        at += take;
      }
      return joined;
    };
    this.tailSteps = joinBlocks(this.stepBlocks);
    this.tailWallTimes = joinBlocks(this.wallTimeBlocks);
    this.tailValues = joinBlocks(this.valueBlocks);
    this.tailFill = size;
    this.stepBlocks = [this.tailSteps];
    this.wallTimeBlocks = [this.tailWallTimes];
    this.valueBlocks = [this.tailValues];
  }
}
