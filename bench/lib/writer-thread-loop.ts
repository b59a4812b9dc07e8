/**
 * The measured loops of the `writer-thread` case, run in a fresh process per logging mode (see that case):
 * `tsx bench/lib/writer-thread-loop.ts <worker|main> <steps> <dir>` prints one JSON line with the plain loop's and
 * the logged loop's figures. `process.cpuUsage()` counts every thread of the process, so the process must hold
 * nothing but this run: in the bench runner's own process, the heaps, workers and timers that earlier cases leave
 * behind (1.3 GiB RSS by then) were counted as logging's cost.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { init } from '../../src/init.js';
import { inspectLogDir } from '../../src/trackers/tensorboard/inspect-log-dir.js';
import { rssMiB } from './alternating-rounds.js';

export const KEYS = ['loss', 'gradient_norm', 'throughput'] as const;
const SCHEDSTAT = '/proc/thread-self/schedstat';

export interface PlainLoop {
  readonly loopNs: number;
  readonly threadCpuNs: number;
}

export interface LoggedLoop extends PlainLoop {
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
function plainLoop(steps: number): PlainLoop {
  const cpu0 = threadCpuNs();
  const t0 = process.hrtime.bigint();
  for (let step = 0; step < steps; step++) {
    const metrics = { loss: 1 / (step + 1), gradient_norm: step, throughput: step * 2 };
    sink += metrics.loss;
  }
  return { loopNs: Number(process.hrtime.bigint() - t0), threadCpuNs: threadCpuNs() - cpu0 };
}

async function loggedLoop(dir: string, thread: 'worker' | 'main', steps: number): Promise<LoggedLoop> {
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

async function main(): Promise<void> {
  const [thread, steps, dir] = process.argv.slice(2);
  if ((thread !== 'worker' && thread !== 'main') || steps === undefined || dir === undefined) {
    throw new Error('usage: writer-thread-loop.ts <worker|main> <steps> <dir>');
  }
  const n = Number(steps);
  plainLoop(n); // warm-up
  const plain = plainLoop(n);
  const logged = await loggedLoop(dir, thread, n);
  if (sink === -1) console.error(sink);
  process.stdout.write(`${JSON.stringify({ plain, logged })}\n`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
