/**
 * Measurement 2: `Run.log()` latency on the calling thread with TensorBoard and W&B offline both writing (into a
 * temp directory), under a sustained 100,000 calls/s.
 *
 * Pacing: bursts of 1,000 calls, each burst due 10 ms after the previous one; between bursts the loop yields
 * (setImmediate, or a timer when it is ahead of schedule), so the background drain encodes and writes while the
 * load goes on, as in a trainer. Every call is timed on its own with two `process.hrtime.bigint()` reads; the same
 * two reads around nothing, taken in every burst, are the clock overhead and the baseline (the latencies are
 * reported raw, clock included).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions, BenchRow } from '../bench-case.js';
import { init } from '../../src/init.js';
import { rssMiB, sleep, yieldToEventLoop } from '../lib/alternating-rounds.js';

export const name = 'run-log';

const CALLS_PER_SECOND = 100_000;
const BURST = 1_000;
const BURST_INTERVAL_MS = (BURST / CALLS_PER_SECOND) * 1000;
const CLOCK_SAMPLES_PER_BURST = 100;

interface PacedResult {
  readonly calls: number;
  readonly elapsedMs: number;
  readonly latencies: Float64Array;
  readonly clock: Float64Array;
  /** CPU time of the whole process (user + system, all threads) over the load, ms. */
  readonly cpuMs: number;
}

export async function run({ quick }: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainscope-bench-log-'));
  try {
    return await measure(dir, quick);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(dir: string, quick: boolean): Promise<BenchRow[]> {
  const tensorboardDir = path.join(dir, 'tensorboard');
  const wandbDir = path.join(dir, 'wandb-root');
  const run = await init({
    project: 'bench-log',
    logLevel: 'silent',
    handleExit: false,
    tensorboard: { logDir: tensorboardDir },
    wandb: { mode: 'offline', dir: wandbDir },
    profiling: { gpu: 'off' },
  });

  await pacedLoad(run, quick ? 300 : 1_000); // warm-up: JIT, file creation, first flushes
  const rssBefore = rssMiB();
  const seconds = quick ? 1 : 6;
  const result = await pacedLoad(run, seconds * 1000);
  const rssAfter = rssMiB();
  await run.finish();
  const rssAfterFinish = rssMiB();
  const dropped = run.summary.get('trainscope/dropped');
  if (typeof dropped !== 'number') throw new Error('the run reported no trainscope/dropped count');

  const wrote = {
    tensorboard: existsSync(tensorboardDir) && readdirSync(tensorboardDir).length > 0,
    wandb: existsSync(path.join(wandbDir, 'wandb')),
  };
  if (!wrote.tensorboard) throw new Error('the TensorBoard backend wrote nothing');
  const backends = wrote.wandb
    ? 'TensorBoard + W&B offline'
    : 'TensorBoard only: W&B backend not wired into init() yet';

  const latencies = result.latencies.sort();
  const clock = result.clock.sort();
  const p50 = sortedQuantile(latencies, 0.5);
  const p99 = sortedQuantile(latencies, 0.99);
  const clockP50 = sortedQuantile(clock, 0.5);
  const clockP99 = sortedQuantile(clock, 0.99);
  const cpuNsPerCall = (result.cpuMs * 1e6) / result.calls;
  const rate = (result.calls / result.elapsedMs) * 1000;
  const values = result.calls * METRICS_PER_CALL;
  return [
    {
      what: `log() p50, 4 scalars/call, ${backends} (clock read ${clockP50.toFixed(0)} ns included)`,
      unit: 'ns',
      median: p50,
      spread: p99,
      baselineName: 'clock: 2 hrtime reads, empty',
      baseline: clockP50,
      ratio: p50 / clockP50,
      target: '<= 1,000 ns',
      met: p50 <= 1_000,
    },
    {
      what: `log() p99 (max ${Math.round(sortedQuantile(latencies, 1)).toLocaleString('en-US')} ns)`,
      unit: 'ns',
      median: p99,
      spread: sortedQuantile(latencies, 0.999),
      baselineName: 'clock p99',
      baseline: clockP99,
      ratio: p99 / clockP99,
      target: '<= 10,000 ns',
      met: p99 <= 10_000,
    },
    {
      what: `log() rate paced at 100,000/s: ${result.calls.toLocaleString('en-US')} calls in ${(result.elapsedMs / 1000).toFixed(1)} s (planned ${seconds} s)`,
      unit: 'calls/s',
      median: rate,
      spread: rate,
      baselineName: 'paced target',
      baseline: CALLS_PER_SECOND,
      ratio: rate / CALLS_PER_SECOND,
      target: '>= 99,000/s',
      met: rate >= CALLS_PER_SECOND * 0.99,
    },
    {
      what: `process CPU per log() call: caller + background drain + both backends' encoding and writes (${((result.cpuMs / result.elapsedMs) * 100).toFixed(0)} % of one core during the load)`,
      unit: 'ns',
      median: cpuNsPerCall,
      spread: cpuNsPerCall,
      baselineName: 'log() p50 on the calling thread',
      baseline: p50,
      ratio: cpuNsPerCall / p50,
    },
    {
      what: `RSS after the load (after finish(): ${rssAfterFinish.toFixed(1)} MiB)`,
      unit: 'MiB',
      median: rssAfter,
      spread: Math.max(rssAfter, rssAfterFinish),
      baselineName: 'RSS before the load',
      baseline: rssBefore,
      ratio: rssAfter / rssBefore,
    },
    {
      what: 'values dropped by the queue (trainscope/dropped)',
      unit: 'values',
      median: dropped,
      spread: dropped,
      baselineName: 'values logged',
      baseline: values,
      ratio: dropped / values,
      target: '0',
      met: dropped === 0,
    },
  ];
}

const METRICS_PER_CALL = 4;

async function pacedLoad(
  run: { log(metrics: Readonly<Record<string, unknown>>): void },
  durationMs: number,
): Promise<PacedResult> {
  const bursts = Math.max(1, Math.round(durationMs / BURST_INTERVAL_MS));
  // When the machine cannot keep the pace, the load stops at twice its planned length; the rate row shows it.
  const deadline = performance.now() + 2 * durationMs;
  const latencies = new Float64Array(bursts * BURST);
  const clock = new Float64Array(bursts * CLOCK_SAMPLES_PER_BURST);
  let call = 0;
  let clockIndex = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (let b = 0; b < bursts && performance.now() < deadline; b++) {
    for (let i = 0; i < BURST; i++) {
      const x = call * 1e-6;
      const metrics = {
        'train/loss': 2.5 - x,
        'train/accuracy': x,
        'train/learning_rate': 3e-4,
        'train/grad_norm': 1 + x,
      };
      const t0 = process.hrtime.bigint();
      run.log(metrics);
      const t1 = process.hrtime.bigint();
      latencies[call++] = Number(t1 - t0);
    }
    for (let i = 0; i < CLOCK_SAMPLES_PER_BURST; i++) {
      const t0 = process.hrtime.bigint();
      const t1 = process.hrtime.bigint();
      clock[clockIndex++] = Number(t1 - t0);
    }
    await yieldToEventLoop();
    const due = started + (b + 1) * BURST_INTERVAL_MS;
    let ahead = due - performance.now();
    while (ahead > 0) {
      if (ahead > 1.5) await sleep(ahead - 1);
      else await yieldToEventLoop();
      ahead = due - performance.now();
    }
  }
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  return {
    calls: call,
    elapsedMs,
    latencies: latencies.subarray(0, call),
    clock: clock.subarray(0, clockIndex),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

/** Quantile of samples sorted in place (a typed array sorts numerically, natively). */
function sortedQuantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] as number;
}
