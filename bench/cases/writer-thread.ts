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
 * - `init()` and `finish()` wall time, and RSS after the run;
 * - beside process CPU: the median process's page faults and what one cost in it after the run (`faultProbe`),
 *   the range of a compute probe taken in each process before its loops (`machineProbe`), and of the slower of the
 *   two vCPUs probed at once after the run (`bothCpusProbe`).
 *
 * Each mode runs in a fresh process (`bench/lib/writer-thread-loop.ts`, with this process's Node and loader), its
 * own plain loop first: process CPU counts every thread of a process, so it must hold this run alone. Measured in
 * the runner's process after the other cases, it carried their leftovers (1.3 GiB RSS by then, their heaps' GC).
 * Five processes per mode (one with `--quick`): the one of median process CPU gives every row of its mode, and
 * the process CPU row names the range of the five.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchOptions, BenchRow } from '../bench-case.js';
import type { LoggedLoop, MachineProbes, PlainLoop } from '../lib/writer-thread-loop.js';

export const name = 'writer-thread';

/**
 * Fresh processes per mode: process CPU varies by a third from one run to the next on this 2-core VM, and single
 * processes read 20-30 % high now and then (about one in five to ten here, the writer thread alone slower): with
 * three, two such in one bench run made the median (2026-12-05, 04:54 UTC). Five take about 15 s more.
 */
const ROUNDS = 5;

const LOOP_SCRIPT = fileURLToPath(new URL('../lib/writer-thread-loop.ts', import.meta.url));

type Measured = LoggedLoop;

/**
 * One mode's loops in a fresh process (the same Node and loader as this one): the plain loop, then the logged
 * loop, as `writer-thread-loop.ts` prints them.
 */
async function inFreshProcess(thread: 'worker' | 'main', steps: number, dir: string): Promise<Round> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, LOOP_SCRIPT, thread, String(steps), dir],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Round;
}

export async function run({ quick }: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainscope-bench-writer-'));
  const steps = quick ? 30_000 : 300_000;
  const rounds = quick ? 1 : ROUNDS;
  try {
    const out: BenchRow[] = [];
    for (const thread of ['worker', 'main'] as const) {
      const runs: Round[] = [];
      for (let round = 0; round < rounds; round++)
        runs.push(await inFreshProcess(thread, steps, path.join(dir, `round-${round}`)));
      // The round of median process CPU is reported, each logged loop against the plain loop of its process.
      const sorted = runs.sort((a, b) => excessCpuNs(a) - excessCpuNs(b));
      const middle = sorted[(sorted.length - 1) >> 1] as Round;
      const range = { least: excessCpuNs(sorted[0] as Round), most: excessCpuNs(sorted.at(-1) as Round) };
      const probes = runs.map((round) => round.machine.computeNs);
      // Per process, the slower of the two vCPUs measured at once after its run.
      const slowerCpu = runs.map((round) => Math.max(...round.machine.bothCpusNs));
      const machine = {
        least: Math.min(...probes),
        most: Math.max(...probes),
        faults: middle.logged.pageFaults,
        faultUs: middle.machine.faultNs / 1000,
        slowerCpu: { least: Math.min(...slowerCpu), most: Math.max(...slowerCpu) },
      };
      out.push(...rows(steps, middle.plain, middle.logged, thread === 'worker', rounds, range, machine));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One fresh process's loops. */
interface Round {
  readonly plain: PlainLoop;
  readonly logged: LoggedLoop;
  readonly machine: MachineProbes;
}

/** Process CPU of the logged loop through `finish()` over the plain loop's CPU (ns, all calls). */
function excessCpuNs(round: Round): number {
  return round.logged.processCpuNs - round.plain.threadCpuNs;
}

function rows(
  steps: number,
  plain: PlainLoop,
  m: Measured,
  isWorker: boolean,
  rounds: number,
  cpuRange: { readonly least: number; readonly most: number },
  machine: {
    readonly least: number;
    readonly most: number;
    readonly faults: number;
    readonly faultUs: number;
    readonly slowerCpu: { readonly least: number; readonly most: number };
  },
): BenchRow[] {
  const out: BenchRow[] = [];
  const perCall = (ns: number) => ns / steps;
  const label = isWorker ? 'writer thread' : 'training thread (logging.thread main)';
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
    overPlain(
      `${label}: wall ns per log() over the plain loop (loop ${(m.loopNs / 1e6).toFixed(0)} ms, plain ${(plain.loopNs / 1e6).toFixed(0)} ms)`,
      { steps, logged: m.loopNs, plain: plain.loopNs, spread: m.loopNs },
      'plain loop, ns/step',
      isWorker ? 1_000 : undefined,
    ),
    overPlain(
      `${label}: training-thread CPU per log() of 3 scalars over the plain loop (/proc/thread-self/schedstat)`,
      { steps, logged: m.threadCpuNs, plain: plain.threadCpuNs, spread: m.threadCpuNs },
      'plain loop thread CPU, ns/step',
      isWorker ? 500 : undefined,
    ),
    overPlain(
      `${label}: process CPU per log() (all threads, loop through finish(): encoding and writes included; median of ${rounds} fresh processes, range ${Math.round(perCall(cpuRange.least)).toLocaleString('en-US')}..${Math.round(perCall(cpuRange.most)).toLocaleString('en-US')}; ${machine.faults.toLocaleString('en-US')} page faults, ${machine.faultUs.toFixed(1)} µs each after the run; machine probe ${machine.least.toFixed(2)}..${machine.most.toFixed(2)} ns/iteration before, the slower vCPU ${machine.slowerCpu.least.toFixed(2)}..${machine.slowerCpu.most.toFixed(2)} after)`,
      { steps, logged: m.processCpuNs, plain: plain.threadCpuNs, spread: cpuRange.most },
      'plain loop CPU, ns/step',
      isWorker ? 3_000 : undefined,
    ),
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
  return out;
}

/**
 * A per-call row of the logged loop over the plain loop (ns per call; `spread` is what the p99/max column shows,
 * per call), with the target where it sets one.
 */
function overPlain(
  what: string,
  ns: { readonly steps: number; readonly logged: number; readonly plain: number; readonly spread: number },
  baselineName: string,
  targetNs: number | undefined,
): BenchRow {
  const perCall = (total: number) => total / ns.steps;
  const over = perCall(ns.logged - ns.plain);
  return {
    what,
    unit: 'ns/call',
    median: over,
    spread: perCall(ns.spread),
    baselineName,
    baseline: perCall(ns.plain),
    ratio: ns.logged / Math.max(1, ns.plain),
    ...(targetNs === undefined
      ? {}
      : { target: `<= ${targetNs.toLocaleString('en-US')} ns`, met: over <= targetNs }),
  };
}
