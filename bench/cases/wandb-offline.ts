/**
 * W&B offline: history rows per second end to end through a `WandbRunModel` feeding a `WandbLogSink`: rows handed over in drain-sized
 * batches (1,000 rows of 4 metrics each, the fixture workload's shape), merged by the step rule, encoded as
 * `wandb_internal.Record`s, framed and written, until `finish()` has closed the `.wandb` file (summary, exit,
 * final, footer included). Each round writes a fresh run into a temp directory.
 *
 * Baseline: the official Python client (wandb 0.15.12) in offline mode, about 1,500 rows/s including its finish
 * on this machine (`wandb.log` per row, then `wandb.finish()`), as stated in the issue.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MetricRow } from '../../src/core/backend.js';
import { WandbLogSink } from '../../src/trackers/wandb/offline/index.js';
import { WandbRunModel } from '../../src/trackers/wandb/run-model.js';
import { type BenchOptions, type BenchRow, median, quantile } from '../bench-case.js';
import { benchRunInfo } from '../lib/run-info.js';

export const name = 'wandb-offline';

const OFFICIAL_CLIENT_ROWS_PER_SECOND = 1_500;
const TARGET_ROWS_PER_SECOND = 100_000;
const BATCH = 1_000;
const KEYS = ['train/loss', 'train/acc', 'lr', 'epoch'] as const;

/** Builds the batches up front, so the timed part is the writer's work only. */
function makeBatches(rows: number, startTime: number): MetricRow[][] {
  const batches: MetricRow[][] = [];
  for (let start = 0; start < rows; start += BATCH) {
    const batch: MetricRow[] = [];
    for (let step = start; step < Math.min(rows, start + BATCH); step++) {
      batch.push({
        step,
        time: startTime + Math.floor(step / 10), // whole ms, as Date.now() in the core
        channel: 'history',
        keys: KEYS,
        values: [2.5 / (step + 1), step / rows, 0.0003 * (1 - step / rows), Math.floor(step / 10_000)],
      });
    }
    batches.push(batch);
  }
  return batches;
}

interface RoundResult {
  readonly rowsPerSecond: number;
  /** Rows per second of this process's CPU time (user + system): what the writer costs, whatever the load. */
  readonly rowsPerCpuSecond: number;
  readonly bytes: number;
}

async function oneRound(dir: string, round: number, rows: number): Promise<RoundResult> {
  const info = benchRunInfo({ id: `bench${String(round).padStart(4, '0')}`, project: 'bench-wandb-offline' });
  const batches = makeBatches(rows, info.startTime);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const log = WandbLogSink.create(dir, info);
  const writer = new WandbRunModel(info, [log]);
  for (const batch of batches) {
    writer.write(batch);
    // Yield between drains, as the core's background drain does, so batch writes overlap encoding.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await writer.finish(0);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (writer.counters.historyRows !== rows) {
    throw new Error(`wrote ${writer.counters.historyRows} history rows, expected ${rows}`);
  }
  return {
    rowsPerSecond: rows / seconds,
    rowsPerCpuSecond: rows / cpuSeconds,
    bytes: statSync(log.wandbPath).size,
  };
}

export async function run({ quick }: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainscope-bench-wandb-'));
  try {
    const rows = quick ? 50_000 : 300_000;
    const rounds = quick ? 3 : 7;
    await oneRound(dir, 0, 20_000); // warm-up: JIT
    const rates: number[] = [];
    const cpuRates: number[] = [];
    let bytes = 0;
    for (let round = 1; round <= rounds; round++) {
      const result = await oneRound(dir, round, rows);
      rates.push(result.rowsPerSecond);
      cpuRates.push(result.rowsPerCpuSecond);
      bytes = result.bytes;
    }
    const rate = median(rates);
    const cpuRate = median(cpuRates);
    return [
      {
        what: `W&B offline history rows/s end to end (${rows.toLocaleString('en-US')} rows of 4 metrics, to file closed)`,
        unit: 'rows/s',
        median: rate,
        spread: quantile(rates, 0),
        baselineName: 'wandb 0.15.12 offline (issue)',
        baseline: OFFICIAL_CLIENT_ROWS_PER_SECOND,
        ratio: rate / OFFICIAL_CLIENT_ROWS_PER_SECOND,
        target: `>= ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')}/s`,
        met: rate >= TARGET_ROWS_PER_SECOND,
      },
      {
        what: 'W&B offline history rows per CPU second (user + system; meaningful on a loaded machine)',
        unit: 'rows/s',
        median: cpuRate,
        spread: quantile(cpuRates, 0),
        baselineName: 'wandb 0.15.12 offline (issue)',
        baseline: OFFICIAL_CLIENT_ROWS_PER_SECOND,
        ratio: cpuRate / OFFICIAL_CLIENT_ROWS_PER_SECOND,
        target: `>= ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')}/s`,
        met: cpuRate >= TARGET_ROWS_PER_SECOND,
      },
      {
        what: 'W&B offline .wandb bytes per history row',
        unit: 'B/row',
        median: bytes / rows,
        spread: bytes / rows,
        baselineName: 'wandb 0.15.12 (fixture: ~180 B/row)',
        baseline: 180,
        ratio: bytes / rows / 180,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
