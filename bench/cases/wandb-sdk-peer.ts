/**
 * Measurement 7: the JS peer on npm, `@wandb/sdk` 0.5.1, against the same local fake W&B server (127.0.0.1,
 * started here) as trainscope's `Run.log` with W&B online.
 *
 * The SDK is pointed at the server with `wandb.init({settings: {baseUrl, apiKey}})` (it also reads
 * `WANDB_BASE_URL`/`WANDB_API_KEY`). Its `run.log()` posts each row over a `MessageChannel` to a sender that runs
 * on the same thread (its worker mode is opt-in); the sender folds rows into JSON lines and a file stream posts
 * them every 2 s, at most 10,000 lines per request. `wandb.log()` (module level) adds a promise hop before
 * `run.log()`; the per-call figure here is `run.log()`.
 *
 * - Per-call cost: both runs active at once; batches of calls to each, alternated every round (ABAB), ns/call.
 * - Rows/s end to end: one library at a time, alternating; rows logged in bursts of 1,000 with a yield between,
 *   then `finish()`; rows/s = rows the server holds / (first log → finish resolved). Rows the server never got
 *   are reported in the row's name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import wandb from '@wandb/sdk';
import { type BenchOptions, type BenchRow, median } from '../bench-case.js';
import { init } from '../../src/init.js';
import { type FakeWandbServer, startFakeWandbServer } from '../../test/helpers/fake-wandb-server.js';
import {
  alternatingRounds,
  pairedRatios,
  type Variant,
  yieldToEventLoop,
} from '../lib/alternating-rounds.js';
import { withQuietConsole } from '../lib/quiet-console.js';

export const name = 'wandb-sdk-peer';

/** A well-formed dummy key: the fake server accepts any. */
const API_KEY = 'benchbenchbenchbenchbenchbenchbenchbench';
const BURST = 1_000;

interface Logger {
  log(metrics: Record<string, unknown>): void;
}

function row(i: number): Record<string, unknown> {
  const x = i * 1e-6;
  return {
    'train/loss': 2.5 - x,
    'train/accuracy': x,
    'train/learning_rate': 3e-4,
    'train/grad_norm': 1 + x,
  };
}

/** ns per `log()` call over a batch (fresh row object each call, as user code writes them). */
function timeBatch(target: Logger, n: number, offset: number): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) target.log(row(offset + i));
  return Number(process.hrtime.bigint() - t0) / n;
}

interface Session {
  readonly logger: Logger;
  readonly runId: string;
  finish(): Promise<void>;
}

async function startSdkRun(server: FakeWandbServer): Promise<Session> {
  const run = await wandb.init({
    project: 'bench-peer',
    settings: { baseUrl: server.url, apiKey: API_KEY, silent: true },
  });
  return { logger: run, runId: run.id, finish: () => wandb.finish() };
}

async function startOurRun(server: FakeWandbServer, dir: string): Promise<Session> {
  const run = await init({
    project: 'bench-peer',
    logLevel: 'silent',
    handleExit: false,
    tensorboard: false,
    profiling: { enabled: false },
    wandb: { mode: 'online', baseUrl: server.url, apiKey: API_KEY, dir },
  });
  return { logger: run, runId: run.id, finish: () => run.finish() };
}

interface Throughput {
  readonly rowsPerSecond: number;
  readonly delivered: number;
}

async function endToEnd(session: Session, server: FakeWandbServer, rows: number): Promise<Throughput> {
  const started = performance.now();
  for (let logged = 0; logged < rows; logged += BURST) {
    const n = Math.min(BURST, rows - logged);
    for (let i = 0; i < n; i++) session.logger.log(row(logged + i));
    await yieldToEventLoop();
  }
  await session.finish();
  const elapsedMs = performance.now() - started;
  const delivered = deliveredRows(server, session.runId);
  return { rowsPerSecond: (delivered / elapsedMs) * 1000, delivered };
}

/** History lines the server holds for the run (holes left by a lost batch are not counted). */
function deliveredRows(server: FakeWandbServer, runId: string): number {
  const lines = server.runs.get(runId)?.files.get('wandb-history.jsonl') ?? [];
  let n = 0;
  for (const line of lines) if (line !== undefined) n++;
  return n;
}

export async function run({ quick }: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainscope-bench-peer-'));
  const server = await startFakeWandbServer();
  try {
    return await withQuietConsole(() => measure(server, dir, quick));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(server: FakeWandbServer, dir: string, quick: boolean): Promise<BenchRow[]> {
  // Per-call cost, both runs active.
  const [sdk, ours] = await Promise.all([startSdkRun(server), startOurRun(server, dir)]);
  // The W&B backend creates the run in the background (init() does not wait for the network): give it 5 s.
  for (let waited = 0; !server.runs.has(ours.runId) && waited < 5_000; waited += 50) await sleep(50);
  const oursWired = server.runs.has(ours.runId);
  let offset = 0;
  const batch = 1_000;
  const measureBatch = (logger: Logger) => () => {
    offset += batch;
    return timeBatch(logger, batch, offset);
  };
  const variants: Variant[] = [
    { name: 'sdk', measure: measureBatch(sdk.logger) },
    { name: 'ours', measure: measureBatch(ours.logger) },
  ];
  const perCall = await alternatingRounds(variants, { rounds: quick ? 5 : 15, warmupRounds: 2 });
  await Promise.all([sdk.finish(), ours.finish()]);

  // Rows/s end to end, one library at a time.
  const rows = quick ? 5_000 : 20_000;
  const pairs = quick ? 1 : 3;
  const sdkRuns: Throughput[] = [];
  const ourRuns: Throughput[] = [];
  for (let p = 0; p < pairs; p++) {
    const order = p % 2 === 0 ? ['sdk', 'ours'] : ['ours', 'sdk'];
    for (const which of order) {
      if (which === 'sdk') sdkRuns.push(await endToEnd(await startSdkRun(server), server, rows));
      else if (oursWired) ourRuns.push(await endToEnd(await startOurRun(server, dir), server, rows));
    }
  }

  const sdkNs = perCall.get('sdk') ?? [];
  const ourNs = perCall.get('ours') ?? [];
  const sdkRate = median(sdkRuns.map((r) => r.rowsPerSecond));
  const ourRate = oursWired ? median(ourRuns.map((r) => r.rowsPerSecond)) : Number.NaN;
  const sdkDelivered = Math.min(...sdkRuns.map((r) => r.delivered));
  const ourDelivered = oursWired ? Math.min(...ourRuns.map((r) => r.delivered)) : 0;
  const ourLabel = oursWired
    ? 'trainscope Run.log, W&B online'
    : 'trainscope Run.log (W&B backend not wired into init(): no backend, nothing sent)';
  const perCallRatio = median(pairedRatios(sdkNs, ourNs));
  return [
    {
      what: '@wandb/sdk 0.5.1 run.log() per call, local fake server',
      unit: 'ns/call',
      median: median(sdkNs),
      spread: Math.max(...sdkNs),
      baselineName: ourLabel,
      baseline: median(ourNs),
      ratio: perCallRatio,
    },
    {
      what: `${ourLabel} per call, same server`,
      unit: 'ns/call',
      median: median(ourNs),
      spread: Math.max(...ourNs),
      baselineName: '@wandb/sdk run.log()',
      baseline: median(sdkNs),
      ratio: 1 / perCallRatio,
    },
    {
      what: `@wandb/sdk rows/s end to end (server got ${sdkDelivered.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows)`,
      unit: 'rows/s',
      median: sdkRate,
      spread: Math.min(...sdkRuns.map((r) => r.rowsPerSecond)),
      baselineName: 'trainscope W&B online rows/s',
      baseline: ourRate,
      ratio: sdkRate / ourRate,
    },
    {
      what: oursWired
        ? `trainscope W&B online rows/s end to end (server got ${ourDelivered.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows)`
        : 'trainscope W&B online rows/s: not measurable, W&B backend not wired into init()',
      unit: 'rows/s',
      median: ourRate,
      spread: oursWired ? Math.min(...ourRuns.map((r) => r.rowsPerSecond)) : Number.NaN,
      baselineName: '@wandb/sdk rows/s',
      baseline: sdkRate,
      ratio: ourRate / sdkRate,
    },
  ];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
