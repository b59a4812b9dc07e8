/**
 * `trainscope view`: how fast the dashboard indexes event files and draws a large series, and what it holds.
 *
 * - a 1,000,000-scalar event file (10 tags, as tensorboardX writes them) indexed: `ViewIndex.refresh()` from cold,
 *   next to the floor of reading the file and checking both CRCs of every record (`scanRecords`);
 * - a logdir of 100 runs × 20 tags × 10,000 points (20,000,000 points, one 200,000-record file per run) indexed,
 *   end to end: generated once into a temp dir, then timed from creating the `ViewServer` until its `/api/runs`
 *   answers with all 100 runs and their 20 tags each (the first index lists every file on worker threads, one
 *   per core, when the logdir is large), and on until every column is built (`columnsBuilt`: every point held,
 *   the series API answers);
 * - memory: bytes held after indexing (heap + array buffers over the start, after GC) against the numeric data
 *   (24 bytes a point: step, wall time, value as float64);
 * - first chart of a 1,000,000-point tag drawn in headless Chromium, from navigation to uPlot holding the data
 *   (skipped without Chromium).
 *
 * Quick mode: 200,000 scalars, 10 runs × 20 tags × 1,000 points, one round.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { encodeEvent } from '../../src/trackers/tensorboard/proto.js';
import { frameRecord, scanRecords } from '../../src/trackers/tensorboard/record.js';
import { ViewIndex } from '../../src/view/view-index.js';
import { ViewServer } from '../../src/view/view-server.js';
import { type BenchOptions, type BenchRow, median } from '../bench-case.js';

export const name = 'view';

const EVENT_FILE = 'events.out.tfevents.1800000000.bench';

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** Full collections until the heap stops shrinking (array buffers are released a tick after their owners). */
async function gc(): Promise<void> {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
    const now = heldBytes();
    if (now >= last - 1024 * 1024) return;
    last = now;
  }
}

function heldBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** An event file of `points` scalars spread over `tags` tags (step-major, as a trainer logs them). */
function writeScalarFile(file: string, tags: number, points: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const names = Array.from({ length: tags }, (_, i) => `metric/${String(i).padStart(2, '0')}`);
  const parts: Buffer[] = [];
  for (let i = 0; i < points; i++) {
    const step = Math.floor(i / tags);
    const value = Math.sin(step / 1000) + (i % tags);
    parts.push(
      frameRecord(
        encodeEvent({
          wallTime: 1_800_000_000 + step / 100,
          step,
          summary: { value: [{ tag: names[i % tags]!, simpleValue: value }] },
        }),
      ),
    );
  }
  writeFileSync(file, Buffer.concat(parts));
}

async function timeIndex(
  dir: string,
): Promise<{ ms: number; points: number; heldOverData: number; dataBytes: number }> {
  await gc();
  const before = heldBytes();
  const started = performance.now();
  const index = new ViewIndex([dir]);
  index.refresh();
  const ms = performance.now() - started;
  await gc();
  const held = heldBytes() - before;
  const { data } = index.numericBytes();
  return { ms, points: data / 24, heldOverData: held / data, dataBytes: data };
}

interface RunsJson {
  runs: { counts: { scalars: number } }[];
}

/** The logdir through the server: from `new ViewServer` to `/api/runs` listing every run with its tags. */
async function timeServer(
  dir: string,
  runs: number,
  tags: number,
): Promise<{ ms: number; builtMs: number; points: number; heldOverData: number; dataBytes: number }> {
  await gc();
  // Columns read on worker threads were allocated there: the main isolate's heap and array-buffer counters do not
  // see them after the transfer, so this row counts the growth of the resident set (an upper bound: it includes
  // the workers' freed heaps that the allocator kept).
  const rssBefore = process.memoryUsage().rss;
  const heldBefore = heldBytes();
  const started = performance.now();
  const server = new ViewServer({ paths: [dir], port: 0 });
  try {
    const url = await server.start();
    const body = (await (await fetch(new URL('api/runs', url))).json()) as RunsJson;
    const ms = performance.now() - started;
    if (body.runs.length !== runs || body.runs.some((r) => r.counts.scalars !== tags))
      throw new Error(`/api/runs listed ${body.runs.length} of ${runs} runs, or not all their tags`);
    await server.index.columnsBuilt;
    const builtMs = performance.now() - started;
    await gc();
    const held = Math.max(process.memoryUsage().rss - rssBefore, heldBytes() - heldBefore);
    const { data } = server.index.numericBytes();
    return { ms, builtMs, points: data / 24, heldOverData: held / data, dataBytes: data };
  } finally {
    await server.stop();
  }
}

function floorMs(files: readonly string[]): number {
  const started = performance.now();
  for (const file of files) scanRecords(readFileSync(file));
  return performance.now() - started;
}

function row(
  what: string,
  unit: string,
  values: number[],
  baselineName: string,
  baseline: number,
  target: string,
  met: boolean,
): BenchRow {
  const m = median(values);
  return {
    what,
    unit,
    median: m,
    spread: Math.max(...values),
    baselineName,
    baseline,
    ratio: m / baseline,
    target,
    met,
  };
}

async function indexRows(dir: string, quick: boolean): Promise<BenchRow[]> {
  const scalars = quick ? 200_000 : 1_000_000;
  const single = path.join(dir, 'single', 'run', EVENT_FILE);
  writeScalarFile(single, 10, scalars);
  const rounds = quick ? 1 : 3;
  const times: number[] = [];
  const ratios: number[] = [];
  const floors: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const result = await timeIndex(path.join(dir, 'single'));
    if (result.points !== scalars) throw new Error(`indexed ${result.points} of ${scalars} points`);
    times.push(result.ms);
    ratios.push(result.heldOverData);
    floors.push(floorMs([single]));
  }
  const runs = quick ? 10 : 100;
  const perRun = (quick ? 1_000 : 10_000) * 20;
  const template = path.join(dir, 'template', EVENT_FILE);
  writeScalarFile(template, 20, perRun);
  const files: string[] = [];
  for (let r = 0; r < runs; r++) {
    const file = path.join(dir, 'logdir', `run-${String(r).padStart(3, '0')}`, EVENT_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(template, file);
    files.push(file);
  }
  const logdir = await timeServer(path.join(dir, 'logdir'), runs, 20);
  if (logdir.points !== runs * perRun) throw new Error(`indexed ${logdir.points} of ${runs * perRun} points`);
  const logdirFloor = floorMs(files);
  return [
    row(
      `${scalars.toLocaleString('en-US')}-scalar event file indexed`,
      'ms',
      times,
      'read + CRC scan only',
      median(floors),
      '<= 2,000 ms (1M)',
      median(times) <= 2000,
    ),
    row(
      `logdir ${runs} runs x 20 tags x ${(perRun / 20).toLocaleString('en-US')} points indexed (server start to /api/runs)`,
      'ms',
      [logdir.ms],
      'read + CRC scan only',
      logdirFloor,
      '<= 3,000 ms (100 runs)',
      logdir.ms <= 3000,
    ),
    row(
      `logdir ${runs} runs: every point held (server start to the last column built)`,
      'ms',
      [logdir.builtMs],
      'read + CRC scan only',
      logdirFloor,
      'none (series asked earlier wait for it)',
      true,
    ),
    row(
      'memory held / numeric data (1M-scalar file)',
      'x',
      ratios,
      'numeric data (24 B/point)',
      1,
      '<= 2x',
      median(ratios) <= 2,
    ),
    row(
      `memory held (RSS growth) / numeric data (logdir, ${(logdir.dataBytes / 2 ** 20).toFixed(0)} MiB data)`,
      'x',
      [logdir.heldOverData],
      'numeric data (24 B/point)',
      1,
      '<= 2x',
      logdir.heldOverData <= 2,
    ),
  ];
}

function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => p !== undefined && p !== '' && existsSync(p),
  );
}

async function firstChartRow(dir: string, quick: boolean): Promise<BenchRow[]> {
  const chromiumPath = findChromium();
  if (chromiumPath === undefined) {
    console.error('view: first-chart row skipped (no Chromium; apt-get install chromium)');
    return [];
  }
  const points = quick ? 200_000 : 1_000_000;
  writeScalarFile(path.join(dir, 'chart', 'big', EVENT_FILE), 1, points);
  const { chromium } = await import('playwright-core');
  const server = new ViewServer({ paths: [path.join(dir, 'chart')], port: 0 });
  const url = await server.start();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const times: number[] = [];
  try {
    for (let r = 0; r < (quick ? 1 : 5); r++) {
      const page = await browser.newPage();
      const started = performance.now();
      await page.goto(`${url}#/scalars`);
      await page.waitForFunction(() => {
        const charts = (globalThis as { __trainscopeCharts?: Record<string, { data: unknown[][] }> })
          .__trainscopeCharts;
        return (charts?.['metric/00']?.data[0]?.length ?? 0) > 0;
      });
      times.push(performance.now() - started);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return [
    row(
      `first chart of a ${points.toLocaleString('en-US')}-point tag drawn (headless Chromium)`,
      'ms',
      times,
      'target',
      1500,
      '<= 1,500 ms',
      median(times) <= 1500,
    ),
  ];
}

export async function run({ quick }: BenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainscope-bench-view-'));
  try {
    return [...(await indexRows(dir, quick)), ...(await firstChartRow(dir, quick))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
