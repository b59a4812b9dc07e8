import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChromeTraceWriter } from '../../src/profiler/chrome-trace-writer.js';
import { registerOperation } from '../../src/profiler/operations.js';
import { Profiler } from '../../src/profiler/profiler.js';
import { TraceLaneAssigner } from '../../src/profiler/trace-lanes.js';
import { FakeHost, seededRandom } from '../helpers/fake-profiler-host.js';
import { profilingOptions } from '../helpers/profiling-options.js';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts?: number;
  dur?: number;
  pid: number;
  tid: number;
  args: Record<string, unknown>;
}

const options = profilingOptions();

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'trainscope-trace-'));
}

/** Every pair of X events on one tid is disjoint or nested. */
function assertLanesNest(events: readonly TraceEvent[]): void {
  const byTid = new Map<number, TraceEvent[]>();
  for (const e of events) if (e.ph === 'X') byTid.set(e.tid, [...(byTid.get(e.tid) ?? []), e]);
  for (const [tid, list] of byTid) {
    const sorted = [...list].sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
    const stack: number[] = [];
    for (const e of sorted) {
      const end = e.ts! + e.dur!;
      while (stack.length > 0 && stack.at(-1)! <= e.ts!) stack.pop();
      if (stack.length > 0 && end > stack.at(-1)! + 1e-9) {
        throw new Error(`tid ${tid}: ${e.name} [${e.ts}, ${end}] overlaps its parent ending ${stack.at(-1)}`);
      }
      stack.push(end);
    }
  }
}

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

describe('Chrome trace', () => {
  it('writes valid JSON with X events in µs, counters, metadata and nesting lanes', async () => {
    const dir = tempDir();
    const path = join(dir, 'nested', 'run.pt.trace.json');
    const host = new FakeHost({ rank: 2, worldSize: 4, name: 'trace-run' });
    const profiler = new Profiler(
      { ...options, systemMetricsSecs: 15, trace: { path } },
      { foldIntervalMs: 5 },
    );
    const step = registerOperation('Trainer.trainStep', 'train');
    const forward = registerOperation('Trainer.forward', 'model');
    const load = registerOperation('Loader.next', 'data');
    profiler.start(host);
    const t0 = process.hrtime.bigint();
    // Synchronous stack: forward (1–3 ms) inside trainStep (0–5 ms), recorded inner first.
    profiler.spans.record(forward, t0 + 1_000_000n, 2_000_000n, Number.NaN, false);
    profiler.spans.record(step, t0, 5_000_000n, 1024, false);
    profiler.onStep(1);
    // Two overlapping async loads (6–10 ms and 7–12 ms), the second one failing.
    profiler.spans.record(load, t0 + 6_000_000n, 4_000_000n, Number.NaN, false);
    profiler.spans.record(load, t0 + 7_000_000n, 5_000_000n, Number.NaN, true);
    await new Promise((resolve) => setTimeout(resolve, 20)); // a background fold writes the first chunk
    profiler.spans.record(step, t0 + 13_000_000n, 1_500n, Number.NaN, false);
    await profiler.finish();

    const trace = JSON.parse(readFileSync(path, 'utf8')) as {
      traceEvents: TraceEvent[];
      displayTimeUnit: string;
    };
    expect(trace.displayTimeUnit).toBe('ms');
    const events = trace.traceEvents;
    expect(events.filter((e) => e.ph === 'M' && e.name === 'process_name')).toEqual([
      { name: 'process_name', ph: 'M', pid: 2, tid: 0, args: { name: 'trace-run (rank 2)' } },
    ]);
    const x = events.filter((e) => e.ph === 'X');
    expect(x).toHaveLength(5);
    for (const e of events) expect(e.pid).toBe(2);
    const origin = x.find((e) => e.name === 'Trainer.trainStep')!.ts!;
    const rel = x.map((e) => [e.name, e.cat, round(e.ts! - origin), e.dur, e.tid, e.args]);
    expect(rel).toEqual([
      ['Trainer.forward', 'model', 1000, 2000, 0, { step: 0 }],
      ['Trainer.trainStep', 'train', 0, 5000, 0, { step: 0 }],
      ['Loader.next', 'data', 6000, 4000, 0, { step: 1 }],
      ['Loader.next', 'data', 7000, 5000, 1, { step: 1, failed: true }],
      ['Trainer.trainStep', 'train', 13000, 1.5, 0, { step: 1 }],
    ]);
    expect(x[1]!.ts!).toBeGreaterThanOrEqual(0);
    const threads = events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name')
      .map((e) => [e.tid, e.args.name]);
    expect(threads).toEqual([
      [0, 'main'],
      [1, 'async 1'],
    ]);
    const counters = events.filter((e) => e.ph === 'C');
    expect(counters.length).toBeGreaterThanOrEqual(1);
    expect(counters[0]!.name).toBe('memory');
    expect(counters[0]!.args.heap_used_mb).toBeGreaterThan(1);
    expect(counters[0]!.args.rss_mb).toBeGreaterThan(counters[0]!.args.heap_used_mb as number);
    assertLanesNest(events);
    expect(profiler.describe().at(-1)).toBe(
      `Chrome trace: ${path} — open in https://ui.perfetto.dev or chrome://tracing`,
    );
  });

  it('names the file traces/<run name>.<unix ms>.pt.trace.json for trace: true', async () => {
    const dir = tempDir();
    process.chdir(dir);
    const host = new FakeHost({ name: 'my run/1' });
    const profiler = new Profiler({ ...options, trace: true }, { now: () => 1_700_000_123_456 });
    profiler.start(host);
    await profiler.finish();
    expect(profiler.tracePath).toBe(join('traces', 'my_run_1.1700000123456.pt.trace.json'));
    expect(readdirSync(join(dir, 'traces'))).toEqual(['my_run_1.1700000123456.pt.trace.json']);
    const trace = JSON.parse(
      readFileSync(join(dir, 'traces', 'my_run_1.1700000123456.pt.trace.json'), 'utf8'),
    );
    expect(trace.traceEvents.map((e: TraceEvent) => e.ph)).toEqual(['M', 'M']);
  });

  it('puts the rank in the file name when several ranks write traces', async () => {
    process.chdir(tempDir());
    const profiler = new Profiler({ ...options, trace: true }, { now: () => 42 });
    profiler.start(new FakeHost({ name: 'ddp', rank: 3, worldSize: 4 }));
    await profiler.finish();
    expect(profiler.tracePath).toBe(join('traces', 'ddp.rank3.42.pt.trace.json'));
  });

  it('keeps random overlapping async spans properly nested per lane', () => {
    const random = seededRandom(3);
    const spans: [number, number][] = [];
    for (let i = 0; i < 3000; i++) {
      const start = random() * 10_000;
      spans.push([start, start + random() * random() * 500]);
    }
    spans.sort((a, b) => a[1] - b[1]); // arrival order = end order
    const lanes = new TraceLaneAssigner();
    const events: TraceEvent[] = spans.map(([s, e], i) => ({
      name: `s${i}`,
      ph: 'X',
      ts: s,
      dur: e - s,
      pid: 0,
      tid: lanes.assign(s, e),
      args: {},
    }));
    assertLanesNest(events);
    expect(lanes.laneCount).toBeGreaterThan(1);
    expect(lanes.laneCount).toBeLessThan(100);
  });

  it('keeps a synchronous call stack on lane 0', () => {
    const lanes = new TraceLaneAssigner();
    // step(0-100){ load(0-10) forward(10-60){ matmul(20-30) matmul(30-50) } backward(60-95) }, in end order.
    const order: [number, number][] = [
      [0, 10],
      [20, 30],
      [30, 50],
      [10, 60],
      [60, 95],
      [0, 100],
      [100, 200],
    ];
    expect(order.map(([s, e]) => lanes.assign(s, e))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('drops events (counted, one warning) instead of queueing without bound when the file falls behind', async () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const writer = new ChromeTraceWriter(join(dir, 't.json'), {
      pid: 0,
      processName: 'p',
      originNs: 0,
      maxPendingBytes: 0,
      warn: (m) => warnings.push(m),
    });
    writer.open();
    const op = { id: 0, name: 'op', category: 'c' };
    writer.flush(); // header and metadata are already pending in the stream
    writer.span(op, 1000, 1000, 0, false);
    writer.flush();
    writer.span(op, 3000, 1000, 0, false);
    writer.flush();
    await writer.close();
    expect(writer.dropped).toBe(2);
    expect(warnings).toHaveLength(1);
    const trace = JSON.parse(readFileSync(join(dir, 't.json'), 'utf8'));
    expect(trace.traceEvents.map((e: TraceEvent) => `${e.ph}:${e.name}`)).toEqual([
      'M:process_name',
      'M:process_sort_index',
    ]);
  });

  it('warns once and keeps profiling when the trace file cannot be created', async () => {
    const host = new FakeHost();
    const profiler = new Profiler({ ...options, trace: { path: '/dev/null/x/trace.json' } });
    profiler.start(host);
    const op = registerOperation('trace.unwritable', 'test');
    profiler.spans.record(op, 0n, 10n, Number.NaN, false);
    await profiler.finish();
    expect(host.warnings.filter((w) => w.includes('Chrome trace'))).toHaveLength(1);
    expect(profiler.statistics()[0]?.count).toBe(1);
  });
});

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
