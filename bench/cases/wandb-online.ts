/**
 * W&B online against a local W&B stand-in (the tests' fake server on 127.0.0.1), through `WandbBackend`:
 * 1. rows/s end to end: `write` of every row until `finish` has W&B's acknowledgement of the final message
 *    (the local transaction log is written too, as in every online run);
 * 2. data requests per batching interval while the trainer logs as fast as it can (target: at most one);
 * 3. retries with 5 % of file_stream POSTs failing with HTTP 500: every row must still arrive exactly once.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricRow, RunInfo } from '../../src/core/backend.js';
import { WandbOptionsSchema } from '../../src/core/options.js';
import { WandbBackend } from '../../src/trackers/wandb/wandb-backend.js';
import { type FakeWandbServer, startFakeWandbServer } from '../../test/helpers/fake-wandb-server.js';
import { type BenchOptions, type BenchRow, median } from '../bench-case.js';
import { benchRunInfo, silentLogger } from '../lib/run-info.js';

export const name = 'wandb-online';

const KEY = 'b'.repeat(40);
/** The official client's end-to-end rate from the issue (offline, including its finish). */
const OFFICIAL_ROWS_PER_SECOND = 1_500;

function runInfo(id: string): RunInfo {
  return benchRunInfo({
    id,
    name: `bench-${id}`,
    project: 'bench',
    entity: 'bench',
    config: { lr: 0.001 },
    host: 'bench',
  });
}

/** Rows as the core's drain hands them over: batches of 100, four scalars each. */
function batches(rows: number, startStep = 0): MetricRow[][] {
  const out: MetricRow[][] = [];
  const keys = ['train/loss', 'train/acc', 'lr', 'epoch'];
  for (let start = 0; start < rows; start += 100) {
    const batch: MetricRow[] = [];
    for (let i = start; i < Math.min(rows, start + 100); i++) {
      const step = startStep + i;
      batch.push({
        step,
        time: Date.now(),
        channel: 'history',
        keys,
        values: [1 / (step + 1), step / rows, 0.001, 0],
      });
    }
    out.push(batch);
  }
  return out;
}

async function onlineRun(
  server: FakeWandbServer,
  id: string,
  rows: number,
  intervalMs: number,
  pace: boolean,
): Promise<{ seconds: number; backend: WandbBackend; dataRequests: number; intervals: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'ts-bench-wandb-online-'));
  const backend = new WandbBackend(
    WandbOptionsSchema.parse({
      mode: 'online',
      dir,
      baseUrl: server.url,
      apiKey: KEY,
      retryBudgetMs: 60_000,
    }),
    runInfo(id),
    {
      env: {},
      schedule: () => intervalMs,
      backoff: { file_stream: { initialDelayMs: 20, maxDelayMs: 200, jitter: 0.25 } },
      finishBudgetMs: 120_000,
    },
  );
  try {
    const started = performance.now();
    await backend.start({ run: runInfo(id), logger: silentLogger, summary: new Map() });
    const all = batches(rows);
    for (let b = 0; b < all.length; b++) {
      backend.write(all[b] as MetricRow[]);
      if (pace && b % 10 === 9) await new Promise((r) => setTimeout(r, 5));
    }
    const loggedFor = performance.now() - started;
    await backend.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
    const seconds = (performance.now() - started) / 1000;
    const posts = server.requestsOf('file_stream').filter((r) => r.path.includes(`/${id}/`));
    const dataRequests = posts.filter(
      (r) => (r.json as { files?: unknown } | undefined)?.files !== undefined,
    ).length;
    return { seconds, backend, dataRequests, intervals: Math.max(1, Math.ceil(loggedFor / intervalMs)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run({ quick }: BenchOptions): Promise<BenchRow[]> {
  const rounds = quick ? 2 : 5;
  const rows = quick ? 20_000 : 100_000;
  const out: BenchRow[] = [];

  const server = await startFakeWandbServer({ apiKey: KEY });
  try {
    const rates: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const id = `rate${r}`;
      const result = await onlineRun(server, id, rows, 2_000, false);
      if (server.historyLines(id).length !== rows) throw new Error(`run ${id}: rows lost`);
      rates.push(rows / result.seconds);
    }
    const rate = median(rates);
    out.push({
      what: 'W&B online rows/s end to end (write → final message acknowledged, local log included)',
      unit: 'rows/s',
      median: rate,
      spread: Math.min(...rates),
      baselineName: 'wandb 0.15.12 offline incl. finish (issue)',
      baseline: OFFICIAL_ROWS_PER_SECOND,
      ratio: rate / OFFICIAL_ROWS_PER_SECOND,
    });

    const perInterval: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const id = `pace${r}`;
      const result = await onlineRun(server, id, quick ? 20_000 : 60_000, 100, true);
      // The finish drain adds one data request of its own.
      perInterval.push(Math.max(0, result.dataRequests - 1) / result.intervals);
    }
    const worst = Math.max(...perInterval);
    out.push({
      what: 'W&B data requests per batching interval (100 ms interval, logging flat out)',
      unit: 'requests',
      median: median(perInterval),
      spread: worst,
      baselineName: 'wandb 0.15.12 rate limit',
      baseline: 1,
      ratio: median(perInterval),
      target: '<= 1 per interval',
      met: worst <= 1,
    });
  } finally {
    await server.close();
  }

  const flaky = await startFakeWandbServer({ apiKey: KEY, fileStreamFailureRate: 0.05 });
  try {
    const retryShares: number[] = [];
    let exact = true;
    for (let r = 0; r < rounds; r++) {
      const id = `flaky${r}`;
      const result = await onlineRun(flaky, id, quick ? 10_000 : 40_000, 20, true);
      const lines = flaky.historyLines(id);
      exact &&= lines.length === (quick ? 10_000 : 40_000);
      const stats = result.backend.stats();
      retryShares.push(stats.requests === 0 ? 0 : (100 * stats.retries) / stats.requests);
    }
    out.push({
      what: 'W&B retries with 5 % of file_stream POSTs failing (every row exactly once)',
      unit: '% of requests',
      median: median(retryShares),
      spread: Math.max(...retryShares),
      baselineName: 'injected failure rate',
      baseline: 5,
      ratio: median(retryShares) / 5,
      target: 'no row lost or doubled',
      met: exact,
    });
  } finally {
    await flaky.close();
  }
  return out;
}
