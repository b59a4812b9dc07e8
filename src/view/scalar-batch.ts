/** Points a batch holds before the tailer hands it over (about 2.3 MiB of columns). */
const BATCH_POINTS = 65_536;

/**
 * Plain scalar events read in a row, as columns (tag id and name, step, wall time, value): the tailer fills it
 * record by record and hands it to the indexer whole, which then appends a tag's points with one block allocation
 * per tag instead of one call and capacity check per point. The tailer hands it over before any other event, so
 * the indexer still sees every event in file order (a SessionLog.START purge applies to what came before it).
 */
export class ScalarBatch {
  readonly tagIds: Int32Array;
  readonly tags: string[];
  readonly steps: Float64Array;
  readonly wallTimes: Float64Array;
  readonly values: Float64Array;
  length = 0;

  constructor(readonly capacity = BATCH_POINTS) {
    this.tagIds = new Int32Array(capacity);
    this.tags = new Array<string>(capacity).fill('');
    this.steps = new Float64Array(capacity);
    this.wallTimes = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get full(): boolean {
    return this.length === this.capacity;
  }

  push(tagId: number, tag: string, step: number, wallTime: number, value: number): void {
    const i = this.length++;
    this.tagIds[i] = tagId;
    this.tags[i] = tag;
    this.steps[i] = step;
    this.wallTimes[i] = wallTime;
    this.values[i] = value;
  }
}
