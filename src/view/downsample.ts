import type { SeriesColumn } from './series-column.js';

/** A series reduced for drawing: parallel arrays, in index order. */
export interface DownsampledSeries {
  readonly steps: number[];
  readonly wallTimes: number[];
  readonly values: (number | null)[];
  /** Points in the full series. */
  readonly total: number;
}

/**
 * Reduces a series to at most `4 × buckets` points by index ranges, keeping each range's first, smallest, largest
 * and last point (M4): the drawn line has the same extremes and envelope as the full series at any width of
 * about `buckets` pixels. Series of at most `4 × buckets` points come back whole. NaN/±Infinity become null
 * (a gap), as JSON cannot carry them.
 */
export function downsampleMinMax(series: SeriesColumn, buckets: number): DownsampledSeries {
  const total = series.length;
  const steps = series.steps;
  const wallTimes = series.wallTimes;
  const values = series.values;
  const picked: number[] = [];
  if (total <= buckets * 4) {
    for (let i = 0; i < total; i++) picked.push(i);
  } else {
    const size = total / buckets;
    for (let b = 0; b < buckets; b++) {
      const start = Math.floor(b * size);
      const end = Math.min(total, Math.floor((b + 1) * size));
      if (end <= start) continue;
      let minIndex = start;
      let maxIndex = start;
      for (let i = start + 1; i < end; i++) {
        const v = values[i]!;
        if (v < values[minIndex]! || Number.isNaN(values[minIndex]!)) minIndex = i;
        if (v > values[maxIndex]! || Number.isNaN(values[maxIndex]!)) maxIndex = i;
      }
      const inOrder = [start, minIndex, maxIndex, end - 1].sort((a, b) => a - b);
      for (let k = 0; k < inOrder.length; k++) {
        if (k === 0 || inOrder[k] !== inOrder[k - 1]) picked.push(inOrder[k]!);
      }
    }
  }
  const out: DownsampledSeries = { steps: [], wallTimes: [], values: [], total };
  for (const i of picked) {
    out.steps.push(steps[i]!);
    out.wallTimes.push(wallTimes[i]!);
    const v = values[i]!;
    out.values.push(Number.isFinite(v) ? v : null);
  }
  return out;
}
