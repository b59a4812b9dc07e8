/** Values a metric can carry besides a plain number. Each backend renders them its own way. */

export interface TextValue {
  readonly kind: 'text';
  readonly text: string;
}

/** A histogram as bucket edges (k + 1, increasing) and counts (k), plus the raw moments. */
export interface HistogramValue {
  readonly kind: 'histogram';
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly count: number;
  readonly sum: number;
  readonly sumSquares: number;
}

export type TableCell = string | number | boolean | null;

export interface TableValue {
  readonly kind: 'table';
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

export type RichValue = TextValue | HistogramValue | TableValue;
export type MetricValue = number | RichValue;

export function text(value: string): TextValue {
  return { kind: 'text', text: String(value) };
}

export function table(columns: readonly string[], rows: readonly (readonly TableCell[])[]): TableValue {
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length) {
      throw new TypeError(`table row ${i} has ${row.length} cells but there are ${columns.length} columns`);
    }
  }
  return { kind: 'table', columns: [...columns], rows: rows.map((r) => [...r]) };
}

export interface HistogramOptions {
  /** Number of equal-width buckets between min and max (default 64, as wandb.Histogram uses). */
  bins?: number;
}

/** Builds a histogram from raw values (numbers or a typed array). Non-finite values are ignored. */
export function histogram(values: ArrayLike<number>, options: HistogramOptions = {}): HistogramValue {
  const bins = Math.max(1, Math.floor(options.bins ?? 64));
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let count = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    count++;
    sum += v;
    sumSquares += v * v;
  }
  if (count === 0) {
    return { kind: 'histogram', edges: [0, 0], counts: [0], min: 0, max: 0, count: 0, sum: 0, sumSquares: 0 };
  }
  const lo = min;
  const hi = max > min ? max : min + 1;
  const width = (hi - lo) / bins;
  const edges = new Array<number>(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + b * width;
  edges[bins] = hi;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    let b = Math.floor((v - lo) / width);
    if (b >= bins) b = bins - 1;
    if (b < 0) b = 0;
    counts[b] = (counts[b] as number) + 1;
  }
  return { kind: 'histogram', edges, counts, min, max, count, sum, sumSquares };
}

export function isRichValue(value: unknown): value is RichValue {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'text' || kind === 'histogram' || kind === 'table';
}
