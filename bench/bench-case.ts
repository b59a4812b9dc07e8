/** One row of the benchmark table: a measurement next to the baseline it is judged against. */
export interface BenchRow {
  /** What was measured, e.g. `TensorBoard scalars/s end to end`. */
  readonly what: string;
  readonly unit: string;
  readonly median: number;
  /** p99, or the max of the range over rounds, in `unit`. */
  readonly spread: number;
  readonly baselineName: string;
  readonly baseline: number;
  /** median / baseline (or baseline / median for throughput, whichever reads "x times the floor"). */
  readonly ratio: number;
  /** The target from the issue, e.g. `>= 1,000,000/s`, and whether it was met. */
  readonly target?: string;
  readonly met?: boolean;
}

export interface BenchOptions {
  /** Smoke run: fewer rounds and smaller workloads (the whole `--quick` run must take < 1 minute). */
  readonly quick: boolean;
}

/** Each file in `bench/cases/` exports `name` and `run`. */
export interface BenchCase {
  readonly name: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}

/** Median of a list of numbers (does not modify the input). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}
