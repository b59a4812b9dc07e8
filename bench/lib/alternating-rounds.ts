/**
 * ABAB measurement on a shared, noisy machine: every variant is measured once per round, in an order that rotates
 * from round to round (ABC, BCA, CAB, ...), so that a burst of load from another process lands on all variants
 * alike. Warm-up rounds run first and are thrown away.
 */
export interface Variant {
  readonly name: string;
  /** One measurement (ns per call, rows/s, ...). May be async. */
  measure(): number | Promise<number>;
  /** Runs between measurements, untimed (e.g. let a background fold catch up). */
  between?(): void | Promise<void>;
}

export interface RoundsOptions {
  readonly rounds: number;
  readonly warmupRounds: number;
}

/** Returns each variant's measurements, one per timed round, in round order (index i = round i for every variant). */
export async function alternatingRounds(
  variants: readonly Variant[],
  { rounds, warmupRounds }: RoundsOptions,
): Promise<Map<string, number[]>> {
  const results = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length] as Variant;
      await variant.between?.();
      const value = await variant.measure();
      if (round >= warmupRounds) results.get(variant.name)?.push(value);
    }
    // Let timers and the background drain/fold run between rounds.
    await yieldToEventLoop();
  }
  return results;
}

/** Pairwise differences a[i] - b[i] of two series measured in the same rounds. */
export function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.min(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((a[i] as number) - (b[i] as number));
  return out;
}

/** Pairwise ratios a[i] / b[i] of two series measured in the same rounds. */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.min(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((a[i] as number) / (b[i] as number));
  return out;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resident set size in MiB. */
export function rssMiB(): number {
  return process.memoryUsage().rss / 2 ** 20;
}
