/**
 * The measured loops of the `writer-thread` case, run in a fresh process per logging mode (see that case):
 * `tsx bench/lib/writer-thread-loop.ts <worker|main> <steps> <dir>` prints one JSON line with the plain loop's and
 * the logged loop's figures. `process.cpuUsage()` counts every thread of the process, so the process must hold
 * nothing but this run: in the bench runner's own process, the heaps, workers and timers that earlier cases leave
 * behind (1.3 GiB RSS by then) were counted as logging's cost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
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
  /** Minor page faults of the whole process from the loop's start to the end of `finish()`. */
  readonly pageFaults: number;
}

/** How the machine ran around this process's loops (the probes below). */
export interface MachineProbes {
  /** `machineProbe` just before the loops (ns per iteration). */
  readonly computeNs: number;
  /** `faultProbe` after the run's figures were taken (ns per page). */
  readonly faultNs: number;
  /** `bothCpusProbe` after the run: `machineProbe` on this thread and on another one at the same time (ns). */
  readonly bothCpusNs: readonly number[];
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

/**
 * How fast one thread computes now: the time per iteration of a fixed integer loop (no allocation, no system call,
 * no memory beyond registers), the least of five rounds of 2 million (wall time: the thread's CPU counter advances
 * in scheduler ticks; the least round is one no other thread preempted). This VM runs the same code much slower in
 * some minutes than in others (the decorators' floor read 116 and 70 ns in two full runs ten minutes apart on
 * 2026-12-05), and this case's processes split into a fast and a slow group: the probe, taken in each fresh process
 * right before its loops, tells whether a slow process ran on a slower vCPU. It touches no memory, so it leaves
 * the loops' page faults as they are.
 */
function machineProbe(): number {
  const iterations = 2_000_000;
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    let x = (0x9e3779b9 + round) | 0;
    for (let i = 0; i < iterations; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
    }
    const ns = Number(process.hrtime.bigint() - t0) / iterations;
    sink += x & 1;
    if (ns < best) best = ns;
  }
  return best;
}

/**
 * `machineProbe` on this thread and, at the same moment, on another thread: with two threads busy, each holds one
 * of this VM's two vCPUs, so a vCPU slower than the other shows (a writer thread on it takes longer for the same
 * rows). After the run: the probe thread's heap, freed, must not serve the run's allocations.
 */
async function bothCpusProbe(): Promise<readonly number[]> {
  const start = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     let sink = 0;
     const machineProbe = ${machineProbe.toString()};
     parentPort.postMessage('ready');
     Atomics.wait(workerData, 0, 0);
     parentPort.postMessage(machineProbe());`,
    { eval: true, workerData: start },
  );
  const answers: number[] = [];
  const other = new Promise<number>((resolve, reject) => {
    worker.on('message', (message: unknown) => {
      if (message === 'ready') {
        Atomics.store(start, 0, 1);
        Atomics.notify(start, 0);
        answers.push(machineProbe());
      } else resolve(message as number);
    });
    worker.once('error', reject);
  });
  answers.push(await other);
  await worker.terminate();
  return answers;
}

/**
 * What a first-touch page fault costs now: the time per page of writing one byte into each of the first 2,048
 * pages (4 KiB) of a fresh 40 MiB buffer — above glibc's largest mmap threshold (32 MiB), so its memory is always
 * newly mapped, never memory the process freed before. Taken after the logged loop's figures, which it cannot
 * change then. A run's page faults are a large part of its process CPU on this VM.
 */
function faultProbe(): number {
  const pages = 2048;
  const t0 = process.hrtime.bigint();
  const bytes = new Uint8Array(40 * 1024 * 1024);
  for (let page = 0; page < pages; page++) bytes[page * 4096] = 1;
  const ns = Number(process.hrtime.bigint() - t0) / pages;
  sink += bytes[4096] as number;
  return ns;
}

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
  const faults0 = process.resourceUsage().minorPageFault;
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
  const pageFaults = process.resourceUsage().minorPageFault - faults0;
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
    pageFaults,
  };
}

async function main(): Promise<void> {
  const [thread, steps, dir] = process.argv.slice(2);
  if ((thread !== 'worker' && thread !== 'main') || steps === undefined || dir === undefined) {
    throw new Error('usage: writer-thread-loop.ts <worker|main> <steps> <dir>');
  }
  const n = Number(steps);
  plainLoop(n); // warm-up
  const computeNs = machineProbe();
  const plain = plainLoop(n);
  const logged = await loggedLoop(dir, thread, n);
  const machine: MachineProbes = { computeNs, faultNs: faultProbe(), bothCpusNs: await bothCpusProbe() };
  if (sink === -1) console.error(sink);
  process.stdout.write(`${JSON.stringify({ plain, logged, machine })}\n`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
