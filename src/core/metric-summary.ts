import type { MetricValue, RichValue } from './values.js';

/**
 * One full tag as backends see it. Several (prefix, key) pairs can map to the same tag (`{prefix: 'a'}` + `b`
 * and `a/b`); they share one `TagSlot`. The drain uses it to detect duplicate keys in a row without building a
 * set per row, and keeps the tag's latest value in it (numbers unboxed, in `num`).
 */
export interface TagSlot {
  readonly tag: string;
  /** Id of the last row this tag was added to, and its index there (duplicate detection in the drain). */
  lastRow: number;
  indexInRow: number;
  /** Whether the tag has a value yet; then it is `rich`, or `num` when `rich` is undefined. */
  hasValue: boolean;
  num: number;
  rich: RichValue | undefined;
  /** The tag's id in the run's writer-thread ring (-1: not handed to the writer yet; see `RingQueue`). */
  ringId: number;
}

/**
 * The run's summary (latest value of every tag, in the order tags first got a value), as a `ReadonlyMap` view
 * over the tag slots. Updating it in the drain is two field writes per value: no hashing, no boxing.
 */
export class MetricSummary implements ReadonlyMap<string, MetricValue> {
  private readonly byTag = new Map<string, TagSlot>();
  private readonly ordered: TagSlot[] = [];

  /** The slot of `tag`, created on first use. */
  slot(tag: string): TagSlot {
    let slot = this.byTag.get(tag);
    if (slot === undefined) {
      slot = { tag, lastRow: -1, indexInRow: -1, hasValue: false, num: 0, rich: undefined, ringId: -1 };
      this.byTag.set(tag, slot);
    }
    return slot;
  }

  /** Records `value` as the latest of `slot`. */
  update(slot: TagSlot, value: MetricValue): void {
    if (typeof value === 'number') {
      slot.num = value;
      slot.rich = undefined;
    } else {
      slot.rich = value;
    }
    if (!slot.hasValue) {
      slot.hasValue = true;
      this.ordered.push(slot);
    }
  }

  set(tag: string, value: MetricValue): void {
    this.update(this.slot(tag), value);
  }

  get size(): number {
    return this.ordered.length;
  }

  get(key: string): MetricValue | undefined {
    const slot = this.byTag.get(key);
    if (slot === undefined || !slot.hasValue) return undefined;
    return slot.rich ?? slot.num;
  }

  has(key: string): boolean {
    return this.byTag.get(key)?.hasValue === true;
  }

  forEach(
    callback: (value: MetricValue, key: string, map: ReadonlyMap<string, MetricValue>) => void,
    thisArg?: unknown,
  ): void {
    for (const slot of this.ordered) callback.call(thisArg, slot.rich ?? slot.num, slot.tag, this);
  }

  *entries(): MapIterator<[string, MetricValue]> {
    for (const slot of this.ordered) yield [slot.tag, slot.rich ?? slot.num];
  }

  *keys(): MapIterator<string> {
    for (const slot of this.ordered) yield slot.tag;
  }

  *values(): MapIterator<MetricValue> {
    for (const slot of this.ordered) yield slot.rich ?? slot.num;
  }

  [Symbol.iterator](): MapIterator<[string, MetricValue]> {
    return this.entries();
  }
}
