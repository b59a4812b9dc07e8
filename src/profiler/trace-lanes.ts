/** Disjoint intervals kept per lane before the oldest two are merged into their hull (bounded memory). */
const MAX_ROOTS_PER_LANE = 32;

/**
 * Assigns spans to trace lanes (`tid`s) so that the spans on one lane nest perfectly, as Perfetto requires:
 * two spans on a lane are either disjoint or one contains the other. Spans must arrive in order of their end time
 * (the order they finish in, which is the order `SpanSink.record` sees them), so a synchronous call stack stays on
 * lane 0 and only overlapping async calls move to further lanes. Greedy: the first lane that fits.
 *
 * Each lane keeps its top-level intervals (disjoint, sorted); a new span swallows those it contains. Past
 * `MAX_ROOTS_PER_LANE` the oldest two are merged into their hull, which can only make a later span move to another
 * lane, never make two spans on one lane overlap partially.
 */
export class TraceLaneAssigner {
  private readonly lanes: { starts: number[]; ends: number[] }[] = [];

  constructor(readonly maxLanes = 1024) {}

  get laneCount(): number {
    return this.lanes.length;
  }

  /** Returns the lane of the span `[start, end]` and records it there. */
  assign(start: number, end: number): number {
    const e = Math.max(end, start);
    for (let lane = 0; lane < this.lanes.length; lane++) {
      if (this.tryPlace(lane, start, e)) return lane;
    }
    if (this.lanes.length < this.maxLanes) {
      this.lanes.push({ starts: [start], ends: [e] });
      return this.lanes.length - 1;
    }
    // Out of lanes: the last one takes it (documented: nesting can then break on that lane).
    const last = this.lanes.length - 1;
    this.place(last, start, e);
    return last;
  }

  private tryPlace(lane: number, start: number, end: number): boolean {
    const { starts, ends } = this.lanes[lane] as { starts: number[]; ends: number[] };
    // Top-level intervals starting at or after `start` end before `end` (arrival order), so they nest inside.
    let k = starts.length;
    while (k > 0 && (starts[k - 1] as number) >= start) k--;
    // The interval before must end before the new one starts. (It could only contain the new span on an end-time
    // tie, and then its swallowed children might overlap the new span partially, so that counts as a conflict.)
    if (k > 0 && (ends[k - 1] as number) > start) return false;
    this.place(lane, start, end, k);
    return true;
  }

  private place(lane: number, start: number, end: number, keep?: number): void {
    const l = this.lanes[lane] as { starts: number[]; ends: number[] };
    let k = keep ?? l.starts.length;
    if (keep === undefined) while (k > 0 && (l.starts[k - 1] as number) >= start) k--;
    if (k < l.starts.length) {
      l.starts.length = k;
      l.ends.length = k;
    }
    l.starts.push(start);
    l.ends.push(end);
    if (l.starts.length > MAX_ROOTS_PER_LANE) {
      l.ends[0] = l.ends[1] as number;
      l.starts.splice(1, 1);
      l.ends.splice(1, 1);
    }
  }
}
