/**
 * Measurement 1: what `@Profiled` costs per call, next to the cost of timing a call at all.
 *
 * Variants, each timed as the fastest of several short batches of calls (ns per call), alternated every round
 * (see `alternatingRounds`):
 * - plain: an undecorated method;
 * - floor: the plain method between two `process.hrtime.bigint()` reads, plus a typed-array ring write of the span
 *   (operation, start, duration): the least any call timer can do, with no decorator;
 * - profiled: the same method under `@Profiled`, with an active run (profiling on, no backends);
 * - no run: the `@Profiled` method with no active run;
 * - profiling off: the `@Profiled` method with an active run whose `profiling.enabled` is false. trainscope has no
 *   per-call span sampling option (only heap sampling, `memorySampleEvery`), so this is the closest thing to a
 *   sampled-out call: the wrapper finds no profiler and calls straight through.
 *
 * Every variant has its own loop, written out: a shared `for (...) body()` helper would make its call site
 * megamorphic and add a non-inlined call to every variant, hiding the few-ns differences this case is about.
 */
import { type BenchOptions, type BenchRow, median } from '../bench-case.js';
import { setCurrentHandle } from '../../src/core/current.js';
import { init } from '../../src/init.js';
import type { Run } from '../../src/core/run.js';
import { Profiled } from '../../src/decorators/index.js';
import { SpanRing } from '../../src/profiler/span-ring.js';
import {
  alternatingRounds,
  pairedDifferences,
  pairedRatios,
  type Variant,
} from '../lib/alternating-rounds.js';

export const name = 'decorators';

class PlainModel {
  step(x: number): number {
    return (x * 31 + 7) | 0;
  }

  async stepAsync(x: number): Promise<number> {
    return (x * 31 + 7) | 0;
  }
}

class ProfiledModel {
  @Profiled('bench.sync')
  step(x: number): number {
    return (x * 31 + 7) | 0;
  }

  @Profiled('bench.async')
  async stepAsync(x: number): Promise<number> {
    return (x * 31 + 7) | 0;
  }
}

/** The floor's span store: the same kind of preallocated typed arrays the profiler's `SpanRing` uses. */
const RING_SIZE = 1 << 16;
const RING_MASK = RING_SIZE - 1;
const ringOperations = new Int32Array(RING_SIZE);
const ringStarts = new BigInt64Array(RING_SIZE);
const ringDurations = new BigInt64Array(RING_SIZE);
let ringWrite = 0;

/** Keeps results observable so V8 cannot drop the calls. */
let sink = 0;

const plain = new PlainModel();
const profiled = new ProfiledModel();

function plainSync(n: number): number {
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) acc ^= plain.step(i);
  const t1 = process.hrtime.bigint();
  sink ^= acc;
  return Number(t1 - t0) / n;
}

function floorSync(n: number): number {
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    acc ^= plain.step(i);
    const duration = process.hrtime.bigint() - start;
    const slot = ringWrite & RING_MASK;
    ringOperations[slot] = 1;
    ringStarts[slot] = start;
    ringDurations[slot] = duration;
    ringWrite++;
  }
  const t1 = process.hrtime.bigint();
  sink ^= acc;
  return Number(t1 - t0) / n;
}

function decoratedSync(n: number): number {
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) acc ^= profiled.step(i);
  const t1 = process.hrtime.bigint();
  sink ^= acc;
  return Number(t1 - t0) / n;
}

async function plainAsync(n: number): Promise<number> {
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) acc ^= await plain.stepAsync(i);
  const t1 = process.hrtime.bigint();
  sink ^= acc;
  return Number(t1 - t0) / n;
}

async function floorAsync(n: number): Promise<number> {
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    acc ^= await plain.stepAsync(i);
    const duration = process.hrtime.bigint() - start;
    const slot = ringWrite & RING_MASK;
    ringOperations[slot] = 2;
    ringStarts[slot] = start;
    ringDurations[slot] = duration;
    ringWrite++;
  }
  const t1 = process.hrtime.bigint();
  sink ^= acc;
  return Number(t1 - t0) / n;
}

async function decoratedAsync(n: number): Promise<number> {
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) acc ^= await profiled.stepAsync(i);
  const t1 = process.hrtime.bigint();
  sink ^= acc;
  return Number(t1 - t0) / n;
}

/**
 * One measurement = the fastest of several short sub-batches (ns/call). On a shared machine a sub-batch that the
 * scheduler preempts takes a whole time slice longer; the fastest one is the call's own cost. Sub-batches are
 * short (about 1-4 ms) so that most of them run unpreempted, and a measurement's calls stay under half the
 * profiler's span ring, so it is folded in between.
 */
const SYNC_SUB_BATCH = 2_000;
const ASYNC_SUB_BATCH = 1_000;

export async function run({ quick }: BenchOptions): Promise<BenchRow[]> {
  const rounds = quick ? 7 : 25;
  const warmupRounds = quick ? 2 : 4;
  const subBatches = quick ? 5 : 10;
  const silent = { logLevel: 'silent', handleExit: false, tensorboard: false, wandb: false } as const;

  // The profiling-off run first: the second init() finishes it, which leaves it inert but still a `Run`, so the
  // decorator's wrapper sees the same object shape in every variant.
  const profilingOff = await init({ project: 'bench-decorators', ...silent, profiling: { enabled: false } });
  const profilingOn = await init({
    project: 'bench-decorators',
    ...silent,
    profiling: { enabled: true, systemMetricsSecs: 0, gpu: 'off', reportEverySteps: 0 },
  });
  const spans = profilingOn.profiler?.spans;
  if (!(spans instanceof SpanRing)) throw new Error('the profiling run has no built-in profiler');

  const use = (handle: Run | null) => () => setCurrentHandle(handle);
  // Advancing the step lets the profiler fold its span ring (it folds on onStep once the ring is half full).
  const batched =
    (measureBatch: (n: number) => number, stepped: Run = profilingOn) =>
    () => {
      let fastest = Number.POSITIVE_INFINITY;
      for (let b = 0; b < subBatches; b++) fastest = Math.min(fastest, measureBatch(SYNC_SUB_BATCH));
      stepped.setStep(stepped.step + 1);
      return fastest;
    };
  const batchedAsync = (measureBatch: (n: number) => Promise<number>) => async () => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let b = 0; b < subBatches; b++) fastest = Math.min(fastest, await measureBatch(ASYNC_SUB_BATCH));
    profilingOn.setStep(profilingOn.step + 1);
    return fastest;
  };

  const syncVariants: Variant[] = [
    { name: 'plain', between: use(profilingOn), measure: batched(plainSync) },
    { name: 'floor', between: use(profilingOn), measure: batched(floorSync) },
    { name: 'profiled', between: use(profilingOn), measure: batched(decoratedSync) },
    { name: 'noRun', between: use(null), measure: batched(decoratedSync) },
    { name: 'profilingOff', between: use(profilingOff), measure: batched(decoratedSync) },
  ];
  const writtenBefore = spans.written + spans.bypassed;
  const sync = await alternatingRounds(syncVariants, { rounds, warmupRounds });
  const syncSpans = spans.written + spans.bypassed - writtenBefore;

  const asyncVariants: Variant[] = [
    { name: 'plain', between: use(profilingOn), measure: batchedAsync(plainAsync) },
    { name: 'floor', between: use(profilingOn), measure: batchedAsync(floorAsync) },
    { name: 'profiled', between: use(profilingOn), measure: batchedAsync(decoratedAsync) },
    { name: 'noRun', between: use(null), measure: batchedAsync(decoratedAsync) },
    { name: 'profilingOff', between: use(profilingOff), measure: batchedAsync(decoratedAsync) },
  ];
  const asyncResults = await alternatingRounds(asyncVariants, { rounds, warmupRounds });

  setCurrentHandle(profilingOn);
  await profilingOn.finish();
  // Each timed profiled batch must have recorded one span per call, or this case measured nothing.
  const expectedSpans = (rounds + warmupRounds) * subBatches * SYNC_SUB_BATCH;
  if (syncSpans !== expectedSpans) {
    throw new Error(`@Profiled recorded ${syncSpans} spans, expected ${expectedSpans}`);
  }

  // What the heap sample (getHeapStatistics on every memorySampleEvery-th call, 16 by default) adds: the same
  // comparison with a run that practically never samples the heap.
  const noHeapRun = await init({
    project: 'bench-decorators',
    ...silent,
    profiling: { systemMetricsSecs: 0, gpu: 'off', reportEverySteps: 0, memorySampleEvery: 2 ** 30 },
  });
  const noHeap = await alternatingRounds(
    [
      { name: 'floor', measure: batched(floorSync, noHeapRun) },
      { name: 'profiled', measure: batched(decoratedSync, noHeapRun) },
    ],
    { rounds, warmupRounds },
  );
  await noHeapRun.finish();
  if (sink === 0.5) console.log(sink); // never true; keeps `sink` live

  const noHeapProfiled = noHeap.get('profiled') ?? [];
  const noHeapFloor = noHeap.get('floor') ?? [];
  const noHeapRatio = median(pairedRatios(noHeapProfiled, noHeapFloor));
  return [
    ...rowsFor('sync', sync, 'ns/call'),
    {
      what: 'sync: @Profiled with heap sampling off (memorySampleEvery 2^30), vs the floor in the same rounds',
      unit: 'ns/call',
      median: median(noHeapProfiled),
      spread: Math.max(...noHeapProfiled),
      baselineName: 'floor (2 hrtime + ring write)',
      baseline: median(noHeapFloor),
      ratio: noHeapRatio,
      target: '<= 2x floor',
      met: noHeapRatio <= 2,
    },
    ...rowsFor('async (await)', asyncResults, 'ns/call'),
  ];
}

function rowsFor(kind: string, results: Map<string, number[]>, unit: string): BenchRow[] {
  const get = (name: string) => results.get(name) ?? [];
  const plainNs = get('plain');
  const floorNs = get('floor');
  const profiledNs = get('profiled');
  const noRunNs = get('noRun');
  const offNs = get('profilingOff');
  const plainMedian = median(plainNs);
  const floorMedian = median(floorNs);
  const profiledRatio = median(pairedRatios(profiledNs, floorNs));
  const overPlain = (series: number[]) => median(pairedDifferences(series, plainNs));
  const noRunOver = overPlain(noRunNs);
  const offOver = overPlain(offNs);
  const sync = kind === 'sync';
  return [
    {
      what: `${kind}: plain method call`,
      unit,
      median: plainMedian,
      spread: Math.max(...plainNs),
      baselineName: 'floor (2 hrtime + ring write)',
      baseline: floorMedian,
      ratio: plainMedian / floorMedian,
    },
    {
      what: `${kind}: floor, 2x hrtime.bigint + ring write, no decorator`,
      unit,
      median: floorMedian,
      spread: Math.max(...floorNs),
      baselineName: 'plain call',
      baseline: plainMedian,
      ratio: median(pairedRatios(floorNs, plainNs)),
    },
    {
      what: `${kind}: @Profiled, active run, profiling on, no backends`,
      unit,
      median: median(profiledNs),
      spread: Math.max(...profiledNs),
      baselineName: 'floor (2 hrtime + ring write)',
      baseline: floorMedian,
      ratio: profiledRatio,
      ...(sync ? { target: '<= 2x floor', met: profiledRatio <= 2 } : {}),
    },
    {
      what: `${kind}: @Profiled, no active run (over plain: ${formatNs(noRunOver)})`,
      unit,
      median: median(noRunNs),
      spread: Math.max(...noRunNs),
      baselineName: 'plain call',
      baseline: plainMedian,
      ratio: median(pairedRatios(noRunNs, plainNs)),
      target: '<= plain + 20 ns',
      met: noRunOver <= 20,
    },
    {
      what: `${kind}: @Profiled, profiling off (no span-sampling option; closest to sampled-out) (over plain: ${formatNs(offOver)})`,
      unit,
      median: median(offNs),
      spread: Math.max(...offNs),
      baselineName: 'plain call',
      baseline: plainMedian,
      ratio: median(pairedRatios(offNs, plainNs)),
      target: '<= plain + 20 ns',
      met: offOver <= 20,
    },
  ];
}

function formatNs(ns: number): string {
  return `${ns >= 0 ? '+' : ''}${ns.toFixed(1)} ns`;
}
