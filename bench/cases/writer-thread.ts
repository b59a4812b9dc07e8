/**
 * Issue 16: a loop that never yields (as with tfjs `dataSync()`), 300,000 steps, each logging a high `loss`, a
 * medium `gradient_norm` and a low `throughput`, with TensorBoard and W&B offline — on the writer thread
 * (`logging.thread: 'worker'`, the default) and on the training thread (`'main'`), side by side, against the same
 * loop without logging.
 *
 * - values kept per priority: points TensorBoard's reader finds per tag after `finish()`;
 * - ns per call over the plain loop: the loop's wall time (what the trainer waits), minus the plain loop's;
 * - training-thread CPU per call: this thread's on-CPU time over the loop, from `/proc/thread-self/schedstat`
 *   (Linux; Node 20 has no `process.threadCpuUsage`), minus the plain loop's;
 * - process CPU per call: `process.cpuUsage()` (all threads) from the loop's start to the end of `finish()`, so
 *   the writer's encoding and writes are in it, minus the plain loop's;
 * - `init()` and `finish()` wall time, and RSS after the run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions, BenchRow } from '../bench-case.js';
import { init } from '../../src/init.js';
import { inspectLogDir } from '../../src/trackers/tensorboard/inspect-log-dir.js';
import { rssMiB } from '../lib/alternating-rounds.js';

export const name = 'writer-thread';

const KEYS = ['loss', 'gradient_norm', 'throughput'] as const;
const SCHEDSTAT = '/proc/thread-self/schedstat';

interface Measured {
  readonly loopNs: number;
  readonly threadCpuNs: number;
  readonly processCpuNs: number;
  readonly initMs: number;
  readonly finishMs: number;
  readonly rssMiB: number;
  readonly kept: readonly number[];
}

/** This thread's on-CPU time in ns (NaN where the kernel does not expose it). */
function threadCpuNs(): number {
  if (!existsSync(SCHEDSTAT)) return Number.NaN;
  return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]);
}

function processCpuNs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1000;
}

let sink = 0;
function plainLoop(steps: number): { loopNs: number; threadCpuNs: number } {
  const cpu0 = threadCpuNs();
  const t0 = process.hrtime.bigint();
  for (let step = 0; step < steps; step++) {
    const metrics = { loss: 1 / (step + 1), gradient_norm: step, throughput: step * 2 };
    sink += metrics.loss;
  }
  return { loopNs: Number(process.hrtime.bigint() - t0), threadCpuNs: threadCpuNs() - cpu0 };
}

async function loggedLoop(dir: string, thread: 'worker' | 'main', steps: number): Promise<Measured> {
  const started = performance.now();
  const run = await init({
    project: 'bench-writer',
    name: thread,
    logLevel: 'silent',
    handleExit: false,
    tensorboard: { logDir: path.join(dir, thread, 'tb') },
    wandb: { mode: 'offline', dir: path.join(dir, thread) },
    profiling: { enabled: false },
    logging: { thread },
  });
  const initMs = performance.now() - started;
  const cpu0 = threadCpuNs();
  const process0 = processCpuNs();
  const t0 = process.hrtime.bigint();
  for (let step = 0; step < steps; step++) {
    run.log({ loss: 1 / (step + 1), gradient_norm: step, throughput: step * 2 });
  }
  const loopNs = Number(process.hrtime.bigint() - t0);
  const threadCpu = threadCpuNs() - cpu0;
  const finishStarted = performance.now();
  await run.finish();
  const finishMs = performance.now() - finishStarted;
  const processCpu = processCpuNs() - process0;
  // Before reading the event files back: decoding every event would count in the run's RSS.
  const rss = rssMiB();
  const tags = Object.values(inspectLogDir(path.join(dir, thread, 'tb')).runs)[0]?.tags ?? {};
  return {
    loopNs,
    threadCpuNs: threadCpu,
    processCpuNs: processCpu,
    initMs,
    finishMs,
    rssMiB: rss,
    kept: KEYS.map((k) => tags[k]?.count ?? 0),
  };
}

export async function run({ quick }: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainscope-bench-writer-'));
  const steps = quick ? 30_000 : 300_000;
  try {
    plainLoop(steps); // warm-up
    const plain = plainLoop(steps);
    const worker = await loggedLoop(dir, 'worker', steps);
    const main = await loggedLoop(dir, 'main', steps);
    return rows(steps, plain, worker, main);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rows(
  steps: number,
  plain: { loopNs: number; threadCpuNs: number },
  worker: Measured,
  main: Measured,
): BenchRow[] {
  const out: BenchRow[] = [];
  const perCall = (ns: number) => ns / steps;
  for (const [label, m] of [
    ['writer thread', worker],
    ['training thread (logging.thread main)', main],
  ] as const) {
    const isWorker = m === worker;
    const kept = m.kept.map((n) => n.toLocaleString('en-US')).join(' / ');
    out.push(
      {
        what: `non-yielding loop, ${steps.toLocaleString('en-US')} steps x 3 priorities, ${label}: values kept high / medium / low = ${kept}`,
        unit: 'values',
        median: Math.min(...m.kept),
        spread: Math.max(...m.kept),
        baselineName: 'values logged per priority',
        baseline: steps,
        ratio: Math.min(...m.kept) / steps,
        ...(isWorker ? { target: 'all', met: m.kept.every((n) => n === steps) } : {}),
      },
      {
        what: `${label}: wall ns per log() over the plain loop (loop ${(m.loopNs / 1e6).toFixed(0)} ms, plain ${(plain.loopNs / 1e6).toFixed(0)} ms)`,
        unit: 'ns/call',
        median: perCall(m.loopNs - plain.loopNs),
        spread: perCall(m.loopNs),
        baselineName: 'plain loop, ns/step',
        baseline: perCall(plain.loopNs),
        ratio: m.loopNs / plain.loopNs,
        ...(isWorker ? { target: '<= 1,000 ns', met: perCall(m.loopNs - plain.loopNs) <= 1_000 } : {}),
      },
      {
        what: `${label}: training-thread CPU per log() of 3 scalars over the plain loop (/proc/thread-self/schedstat)`,
        unit: 'ns/call',
        median: perCall(m.threadCpuNs - plain.threadCpuNs),
        spread: perCall(m.threadCpuNs),
        baselineName: 'plain loop thread CPU, ns/step',
        baseline: perCall(plain.threadCpuNs),
        ratio: m.threadCpuNs / plain.threadCpuNs,
        ...(isWorker ? { target: '<= 500 ns', met: perCall(m.threadCpuNs - plain.threadCpuNs) <= 500 } : {}),
      },
      {
        what: `${label}: process CPU per log() (all threads, loop through finish(): encoding and writes included)`,
        unit: 'ns/call',
        median: perCall(m.processCpuNs - plain.threadCpuNs),
        spread: perCall(m.processCpuNs),
        baselineName: 'plain loop CPU, ns/step',
        baseline: perCall(plain.threadCpuNs),
        ratio: m.processCpuNs / Math.max(1, plain.threadCpuNs),
        ...(isWorker
          ? { target: '<= 3,000 ns', met: perCall(m.processCpuNs - plain.threadCpuNs) <= 3_000 }
          : {}),
      },
      {
        what: `${label}: init() and finish() wall time (finish ${m.finishMs.toFixed(0)} ms); RSS after ${m.rssMiB.toFixed(0)} MiB`,
        unit: 'ms',
        median: m.initMs,
        spread: m.finishMs,
        baselineName: 'finish() ms',
        baseline: m.finishMs,
        ratio: m.initMs / Math.max(1, m.finishMs),
      },
    );
  }
  if (sink === -1) console.log(sink);
  return out;
}
