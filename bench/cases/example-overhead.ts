/**
 * Measurement 6: what tracking costs the example trainer (`examples/seo-llm-trainer/`), per training step.
 *
 * One process, one model: the example's `SeoTrainer` (decorated with `@Profiled`, `@TrackMetrics`, `@Priority`)
 * is built the way `runTraining` builds it, with a small config. Blocks of steps alternate (ABAB, the order
 * rotating every round) between
 * - tracking on: an active run set up as the example's `trainscope.config.json` (its logging priorities and
 *   interval, profiling with the Chrome trace and system metrics), TensorBoard and W&B offline writing into a
 *   temp directory;
 * - tracking off: no active run (so the decorators pass straight through and nothing is logged).
 * A step is what `runTraining`'s loop does per step: `trainStep()`, `memoryStats()`, then a yield to the event
 * loop, where trainscope's drain and the backends' writes run, so their cost lands in the step that caused it.
 * Evaluation and parameter histograms are left out: they run every 50 steps and would land in one variant's
 * block only (their logging cost is a few ms per 50 steps; computing the histograms is the trainer's own work).
 *
 * The overhead is the median over rounds of (mean step time on / mean step time off) - 1, for the process's CPU
 * time (user + system, every thread: what tracking costs, least disturbed by other processes on a shared machine)
 * and for wall time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchOptions, type BenchRow, median, quantile } from '../bench-case.js';
import { setCurrentHandle } from '../../src/core/current.js';
import { init } from '../../src/init.js';
import {
  alternatingRounds,
  pairedRatios,
  type Variant,
  yieldToEventLoop,
} from '../lib/alternating-rounds.js';

export const name = 'example-overhead';

const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/seo-llm-trainer/', import.meta.url));

/** The example's config, smaller: a step of a few to a few tens of ms on 2 cores. */
const SMALL_CONFIG = {
  batch_size: 8,
  seq_len: 32,
  d_model: 32,
  n_heads: 2,
  n_layers: 1,
  d_ff: 128,
  max_train_records: 800,
  eval_batches: 1,
  eval_samples: 1,
  histogram_every: 0,
  backend: 'wasm',
} as const;

interface ExampleConfigFile {
  readonly config: Record<string, unknown>;
  readonly logging: Record<string, unknown>;
  readonly profiling: Record<string, unknown>;
}

export async function run({ quick }: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainscope-bench-example-'));
  try {
    return await measure(dir, quick);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(dir: string, quick: boolean): Promise<BenchRow[]> {
  // Loaded here, not at the top: tfjs takes seconds to import, and `--only` other cases should not pay for it.
  const [
    { loadCorpus },
    { BatchSampler },
    { selectTfBackend },
    { buildModel },
    { SeoTrainer },
    { parseTrainerConfig },
  ] = await Promise.all([
    import('../../examples/seo-llm-trainer/corpus/corpus-file.js'),
    import('../../examples/seo-llm-trainer/model/examples.js'),
    import('../../examples/seo-llm-trainer/model/tf-backend.js'),
    import('../../examples/seo-llm-trainer/run-training.js'),
    import('../../examples/seo-llm-trainer/trainer.js'),
    import('../../examples/seo-llm-trainer/trainer-config.js'),
  ]);
  const file = JSON.parse(
    readFileSync(path.join(EXAMPLE_DIR, 'trainscope.config.json'), 'utf8'),
  ) as ExampleConfigFile;
  const config = parseTrainerConfig({ ...file.config, ...SMALL_CONFIG });
  const tfBackend = await selectTfBackend(config.backend === 'auto' ? undefined : config.backend);

  const corpus = await loadCorpus();
  const records = corpus.train.slice(0, config.max_train_records);
  const { encode, network, model, optimizer } = buildModel(config, records);
  const trainer = new SeoTrainer(
    {
      model,
      optimizer,
      sampler: new BatchSampler(records.map(encode), config.batch_size, config.seq_len, config.seed),
      validationExamples: corpus.validation.slice(0, config.batch_size).map(encode),
      samplePages: corpus.validation.slice(0, 1),
      checkpointDir: path.join(dir, 'checkpoint'),
    },
    config,
    1_000_000,
  );

  const run = await init({
    project: 'bench-example',
    logLevel: 'silent',
    handleExit: false,
    config: { ...config },
    logging: file.logging,
    profiling: { ...file.profiling, trace: { path: path.join(dir, 'trace.pt.trace.json') }, gpu: 'off' },
    tensorboard: { logDir: path.join(dir, 'runs') },
    wandb: { mode: 'offline', dir },
  });

  const stepsPerBlock = quick ? 2 : 4;
  const warmupRounds = quick ? 1 : 3;
  const cpuMs = new Map<string, number[]>([
    ['on', []],
    ['off', []],
  ]);
  /** Wall ms per step (returned) and CPU ms per step of this process, all threads (recorded). */
  const timeBlock = (variant: string) => async (): Promise<number> => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < stepsPerBlock; i++) {
      trainer.trainStep();
      trainer.memoryStats();
      await yieldToEventLoop();
    }
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuMs.get(variant)?.push((cpu.user + cpu.system) / 1000 / stepsPerBlock);
    return wall / stepsPerBlock;
  };
  const variants: Variant[] = [
    { name: 'on', between: () => setCurrentHandle(run), measure: timeBlock('on') },
    { name: 'off', between: () => setCurrentHandle(null), measure: timeBlock('off') },
  ];
  let results: Map<string, number[]>;
  try {
    results = await alternatingRounds(variants, { rounds: quick ? 2 : 600, warmupRounds });
  } finally {
    setCurrentHandle(run);
    await run.finish();
    network.dispose();
    optimizer.dispose();
  }
  const logged = run.summary.get('training/loss');
  if (typeof logged !== 'number')
    throw new Error('tracking on logged no training/loss: nothing was measured');

  const label = `d_model ${config.d_model}, batch ${config.batch_size}, seq ${config.seq_len}, tfjs ${tfBackend.name}`;
  return [
    overheadRow(`example trainer step CPU time (process, all threads), tracking on vs off (${label})`, {
      on: (cpuMs.get('on') ?? []).slice(warmupRounds),
      off: (cpuMs.get('off') ?? []).slice(warmupRounds),
    }),
    overheadRow('example trainer step wall time, tracking on vs off (same blocks)', {
      on: results.get('on') ?? [],
      off: results.get('off') ?? [],
    }),
  ];
}

function overheadRow(what: string, { on, off }: { on: number[]; off: number[] }): BenchRow {
  const ratios = pairedRatios(on, off);
  const overheadPercent = (median(ratios) - 1) * 100;
  return {
    what: `${what}: overhead ${percent(median(ratios))} (round ratios p10..p90 ${percent(quantile(ratios, 0.1))}..${percent(quantile(ratios, 0.9))})`,
    unit: 'ms/step',
    median: median(on),
    spread: Math.max(...on),
    baselineName: 'tracking off (no active run)',
    baseline: median(off),
    ratio: median(ratios),
    target: '< 1 % overhead',
    met: overheadPercent < 1,
  };
}

function percent(ratio: number): string {
  const p = (ratio - 1) * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)} %`;
}
