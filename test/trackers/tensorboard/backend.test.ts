import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricRow, RunOutcome } from '../../../src/core/backend.js';
import { histogram, table, text } from '../../../src/core/values.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { scanRecords } from '../../../src/trackers/tensorboard/record.js';
import { decodeEvent } from '../../../src/trackers/tensorboard/proto.js';
import {
  createTensorBoardBackend,
  TensorBoardBackend,
} from '../../../src/trackers/tensorboard/tensorboard-backend.js';
import { recordingLogger, runInfo, tempDir, tensorBoardOptions } from '../../helpers/tensorboard.js';

const T0 = 1_796_000_100_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(overrides: Parameters<typeof tensorBoardOptions>[1] = {}, run = runInfo()) {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const logger = recordingLogger();
  const backend = new TensorBoardBackend(tensorBoardOptions(dir, overrides), run);
  return { dir, logger, backend, run, start: () => backend.start({ run, logger, summary: new Map() }) };
}

function row(
  step: number,
  metrics: Record<string, MetricRow['values'][number]>,
  channel: MetricRow['channel'] = 'history',
): MetricRow {
  return {
    step,
    time: T0 + step * 1000,
    channel,
    keys: Object.keys(metrics),
    values: Object.values(metrics),
  };
}

function outcome(summary: Record<string, number>, exitCode = 0): RunOutcome {
  return {
    exitCode,
    reason: exitCode === 0 ? 'finish' : 'exception',
    summary: new Map(Object.entries(summary)),
    endTime: T0 + 60_000,
  };
}

describe('TensorBoardBackend', () => {
  it('writes every kind of value and inspect reads each back', async () => {
    const { dir, logger, backend, run, start } = setup();
    await start();
    const weights = histogram([0.1, 0.2, 0.2, 0.9], { bins: 4 });
    for (let step = 1; step <= 3; step++) {
      backend.write([
        row(step, {
          'training/loss': 1 / step,
          'training/learning_rate': 0.001,
          'performance/gpu_memory_allocated_mb': 512 + step,
          'weights/layer0': weights,
        }),
      ]);
    }
    backend.write([
      row(3, { cpu_percent: 37.5 }, 'system'),
      row(4, {
        'profiling/bottlenecks/bottleneck_0': text('forward: 62% of profiled time'),
        'profiling/bottlenecks': table(
          ['operation', 'share'],
          [
            ['forward', 0.62],
            ['a|b', null],
          ],
        ),
        'probe/edge': Number.NaN,
      }),
      row(5, { 'probe/edge': Number.POSITIVE_INFINITY }),
      row(6, { 'probe/edge': Number.NEGATIVE_INFINITY }),
    ]);
    await backend.finish(outcome({ 'training/loss': 1 / 3, 'training/learning_rate': 0.001 }));

    const result = inspectLogDir(dir);
    expect(result.problems).toEqual([]);
    // Every value passes TensorBoard's reading rules (hparams included: no data_class, the null tensor).
    expect(result.readingProblems).toEqual([]);
    expect(result.errors + result.warnings).toBe(0);
    const tbRun = result.runs[run.name]!;
    expect(tbRun.files).toHaveLength(1);
    expect(tbRun.files[0]!.name).toMatch(
      new RegExp(`^events\\.out\\.tfevents\\.\\d{10}\\..+\\.${process.pid}\\.\\d+$`),
    );
    expect(tbRun.files[0]!.firstRecord).toEqual({
      fileVersion: 'brain.Event:2',
      wallTime: run.startTime / 1000,
    });
    const tags = tbRun.tags;
    expect(tags['training/loss']).toMatchObject({
      plugin: 'scalars',
      dataClass: 'SCALAR',
      count: 3,
      firstStep: 1,
      lastStep: 3,
      min: Math.fround(1 / 3),
      max: 1,
    });
    expect(tags['training/loss']!.points.map((p) => [p.step, p.wallTime, p.value])).toEqual([
      [1, (T0 + 1000) / 1000, 1],
      [2, (T0 + 2000) / 1000, 0.5],
      [3, (T0 + 3000) / 1000, Math.fround(1 / 3)],
    ]);
    expect(tags['performance/gpu_memory_allocated_mb']!.last).toBe(515);
    expect(tags['system/cpu_percent']).toMatchObject({
      plugin: 'scalars',
      count: 1,
      last: 37.5,
      firstStep: 3,
    });
    expect(tags['weights/layer0']).toMatchObject({ plugin: 'histograms', dataClass: 'TENSOR', count: 3 });
    // Written as a [k, 3] double tensor, so read back exactly (no float32 rounding, no dropped buckets).
    expect(tags['weights/layer0']!.last).toEqual(
      weights.counts.map((c, i) => [weights.edges[i], weights.edges[i + 1], c]),
    );
    expect(tags['profiling/bottlenecks/bottleneck_0']).toMatchObject({
      plugin: 'text',
      last: 'forward: 62% of profiled time',
    });
    expect(tags['profiling/bottlenecks']).toMatchObject({
      plugin: 'text',
      last: '| operation | share |\n|---|---|\n| forward | 0.62 |\n| a\\|b |  |',
    });
    expect(tags['probe/edge']!.points.map((p) => p.value)).toEqual([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
    // Config: a text summary at step 0 and the hparams plugin's three records.
    expect(tags.config).toMatchObject({ plugin: 'text', firstStep: 0 });
    expect(tags.config!.last).toContain('| learning_rate | 0.001 |');
    expect(tags['_hparams_/session_start_info']).toMatchObject({
      plugin: 'hparams',
      dataClass: 'TENSOR',
      count: 1,
    });
    expect(tags['_hparams_/session_start_info']!.pluginContent).toEqual({
      sessionStartInfo: {
        hparams: { learning_rate: 0.001, batch_size: 32, optimizer: 'adamw', mixed_precision: false },
        startTimeSecs: run.startTime / 1000,
      },
    });
    expect(tags['_hparams_/experiment']!.pluginContent).toEqual({
      experiment: {
        name: 'seo',
        timeCreatedSecs: run.startTime / 1000,
        hparamInfos: [
          { name: 'learning_rate', type: 'DATA_TYPE_FLOAT64' },
          { name: 'batch_size', type: 'DATA_TYPE_FLOAT64' },
          { name: 'optimizer', type: 'DATA_TYPE_STRING' },
          { name: 'mixed_precision', type: 'DATA_TYPE_BOOL' },
        ],
        metricInfos: [{ name: { tag: 'training/loss' } }, { name: { tag: 'training/learning_rate' } }],
      },
    });
    expect(tags['_hparams_/session_end_info']!.pluginContent).toEqual({
      sessionEndInfo: { status: 'STATUS_SUCCESS', endTimeSecs: (T0 + 60_000) / 1000 },
    });
    expect(logger.errors).toEqual([]);
    expect(backend.stats()).toMatchObject({ errors: 0, dropped: 0, bytesWritten: tbRun.files[0]!.sizeBytes });
    expect(backend.describe().join('\n')).toContain(tbRun.files[0]!.path);
  });

  it('writes each value under its own tag while rows repeat, change and come back to their keys', async () => {
    const { dir, backend, run, start } = setup();
    await start();
    const shared = ['a', 'b'];
    backend.write([
      { step: 1, time: T0, channel: 'history', keys: shared, values: [1, 10] },
      { step: 2, time: T0, channel: 'history', keys: shared, values: [2, 20] },
      row(3, { a: 3, c: 30 }),
      row(4, { b: 40, a: 4 }),
      { step: 5, time: T0, channel: 'history', keys: shared, values: [5, 50] },
      row(6, { cpu_percent: 60 }, 'system'),
      row(7, { a: 7 }),
    ]);
    await backend.finish(outcome({}));
    const tags = inspectLogDir(dir).runs[run.name]!.tags;
    const points = (tag: string) => tags[tag]!.points.map((p) => [p.step, p.value]);
    expect(points('a')).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [7, 7],
    ]);
    expect(points('b')).toEqual([
      [1, 10],
      [2, 20],
      [4, 40],
      [5, 50],
    ]);
    expect(points('c')).toEqual([[3, 30]]);
    expect(points('system/cpu_percent')).toEqual([[6, 60]]);
  });

  it('puts plugin metadata on the first value of each tag only, and writes ~44-byte scalar records', async () => {
    const { dir, backend, run, start } = setup();
    await start();
    for (let step = 100_000; step < 100_050; step++) backend.write([row(step, { loss: 0.25 })]);
    await backend.finish(outcome({}));
    const file = join(dir, run.name, readdirSync(join(dir, run.name))[0]!);
    const scan = scanRecords(readFileSync(file));
    const lossEvents = scan.payloads
      .map((p) => ({ size: p.length + 16, event: decodeEvent(p) }))
      .filter((e) => e.event.summary?.value?.[0]?.tag === 'loss');
    expect(lossEvents).toHaveLength(50);
    expect(lossEvents[0]!.event.summary!.value![0]!.metadata).toEqual({
      pluginData: { pluginName: 'scalars' },
      dataClass: 1,
    });
    for (const e of lossEvents.slice(1)) {
      expect(e.event.summary!.value![0]!.metadata).toBeUndefined();
      expect(e.size).toBe(44);
    }
  });

  it("writes a row's scalars as one event (a merged summary), which TensorBoard's rules read value by value", async () => {
    const { dir, backend, run, start } = setup();
    await start();
    backend.write([row(1, { loss: 1, acc: 0.5, note: text('first') })]);
    for (let step = 2; step <= 5; step++) {
      const metrics: Record<string, MetricRow['values'][number]> = { loss: 1 / step, acc: step / 10 };
      if (step >= 3) metrics.lr = step / 100;
      metrics.note = text(`at ${step}`);
      backend.write([row(step, metrics)]);
    }
    await backend.finish(outcome({}));
    const file = join(dir, run.name, readdirSync(join(dir, run.name))[0]!);
    const events = scanRecords(readFileSync(file)).payloads.map((p) => decodeEvent(p));
    const tagsAt = (step: number) =>
      events
        .filter((e) => e.step === step && e.summary !== undefined)
        .map((e) => e.summary!.value!.map((v) => v.tag));
    // A tag's first value carries its plugin metadata in an event of its own; later scalars of a row share one.
    expect(tagsAt(1)).toEqual([['loss'], ['acc'], ['note']]);
    expect(tagsAt(2)).toEqual([['note'], ['loss', 'acc']]);
    expect(tagsAt(3)).toEqual([['lr'], ['note'], ['loss', 'acc']]);
    expect(tagsAt(4)).toEqual([['note'], ['loss', 'acc', 'lr']]);
    const merged = events.find((e) => e.step === 4 && e.summary!.value!.length === 3)!;
    expect(merged.wallTime).toBe((T0 + 4000) / 1000);
    expect(merged.summary!.value!.map((v) => v.metadata)).toEqual([undefined, undefined, undefined]);
    const inspected = inspectLogDir(dir);
    expect(inspected.problems).toEqual([]);
    expect(inspected.readingProblems).toEqual([]);
    const points = (tag: string) => inspected.runs[run.name]!.tags[tag]!.points.map((p) => [p.step, p.value]);
    expect(points('loss')).toEqual([1, 2, 3, 4, 5].map((s) => [s, Math.fround(1 / s)]));
    expect(points('acc')).toEqual([[1, 0.5], ...[2, 3, 4, 5].map((s) => [s, Math.fround(s / 10)])]);
    expect(points('lr')).toEqual([3, 4, 5].map((s) => [s, Math.fround(s / 100)]));
  });

  it('sanitizes tags with a one-time warning, and warns once about a step that goes back, writing it anyway', async () => {
    const { dir, logger, backend, run, start } = setup();
    await start();
    backend.write([row(1, { 'eval/acc (top-1)': 0.5 }), row(2, { 'eval/acc (top-1)': 0.6 })]);
    backend.write([row(5, { loss: 1 }), row(3, { loss: 2 }), row(3, { loss: 3 })]);
    await backend.finish(outcome({}));
    const renames = logger.warnings.filter((w) => w.includes('eval/acc (top-1)'));
    expect(renames).toHaveLength(1);
    expect(renames[0]).toContain('"eval/acc__top-1_"');
    expect(logger.warnings.filter((w) => w.includes('not after its previous step'))).toHaveLength(1);
    const tags = inspectLogDir(dir).runs[run.name]!.tags;
    expect(tags['eval/acc__top-1_']!.count).toBe(2);
    expect(tags.loss!.points.map((p) => [p.step, p.value])).toEqual([
      [5, 1],
      [3, 2],
      [3, 3],
    ]);
  });

  it('names the run directory from runName and comment, and keeps two writers in separate files', async () => {
    const { dir } = setup();
    const run = runInfo();
    const options = tensorBoardOptions(dir, { runName: 'trial', comment: '_lr0.1', filenameSuffix: '.v2' });
    const a = createTensorBoardBackend(options, run);
    const b = createTensorBoardBackend(options, run);
    const logger = recordingLogger();
    await a.start({ run, logger, summary: new Map() });
    await b.start({ run, logger, summary: new Map() });
    a.write([row(1, { x: 1 })]);
    await a.finish(outcome({}));
    await b.finish(outcome({}));
    const files = readdirSync(join(dir, 'trial_lr0.1')).sort();
    expect(files).toHaveLength(2);
    for (const f of files) expect(f.endsWith('.v2')).toBe(true);
    expect(inspectLogDir(dir).problems).toEqual([]);
  });

  it('marks a resume with SessionLog.START at purgeStep so TensorBoard drops the stale points', async () => {
    const { dir } = setup();
    const run = runInfo();
    const logger = recordingLogger();
    const first = new TensorBoardBackend(tensorBoardOptions(dir), run);
    await first.start({ run, logger, summary: new Map() });
    for (let step = 1; step <= 10; step++) first.write([row(step, { loss: step })]);
    await first.finish(outcome({}, 1));
    const resumed = new TensorBoardBackend(tensorBoardOptions(dir, { purgeStep: 6 }), run);
    await resumed.start({ run, logger, summary: new Map() });
    for (let step = 6; step <= 8; step++) resumed.write([row(step, { loss: 100 + step })]);
    await resumed.finish(outcome({}));
    const loss = inspectLogDir(dir).runs[run.name]!.tags.loss!;
    expect(loss.points.map((p) => [p.step, p.value])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 106],
      [7, 107],
      [8, 108],
    ]);
  });

  it('flushSync makes everything written so far readable at once', async () => {
    const { dir, backend, run, start } = setup({ maxQueue: 1_000_000 });
    await start();
    for (let step = 1; step <= 100; step++) backend.write([row(step, { loss: step })]);
    backend.flushSync();
    expect(inspectLogDir(dir).runs[run.name]!.tags.loss!.count).toBe(100);
    // finish() without awaiting, then flushSync(), as the core does in process.on('exit').
    void backend.finish(outcome({ loss: 100 }));
    backend.flushSync();
    const tags = inspectLogDir(dir).runs[run.name]!.tags;
    expect(tags['_hparams_/session_end_info']).toBeDefined();
  });

  it('flush() resolves only when the records are in the file', async () => {
    const { dir, backend, run, start } = setup({ maxQueue: 1_000_000 });
    await start();
    backend.write([row(1, { a: 1 }), row(2, { a: 2 })]);
    await backend.flush();
    expect(inspectLogDir(dir).runs[run.name]!.tags.a!.count).toBe(2);
    await backend.finish(outcome({}));
  });

  it('reports one clear error when the run directory is removed, and stops writing', async () => {
    const { dir, logger, backend, run, start } = setup({ flushSecs: 0.02 });
    await start();
    backend.write([row(1, { a: 1 })]);
    await backend.flush();
    rmSync(join(dir, run.name), { recursive: true, force: true });
    for (let i = 0; i < 500 && logger.errors.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0]).toMatch(/can no longer be written \(the file or its directory was removed\)/);
    backend.write([row(2, { a: 2 }), row(3, { a: 3 })]);
    await backend.flush();
    await backend.finish(outcome({}));
    expect(logger.errors).toHaveLength(1);
    expect(backend.stats().errors).toBe(1);
    expect(backend.stats().dropped).toBeGreaterThanOrEqual(2);
  });

  it('reports one clear error when the event file cannot be created, and the run goes on', async () => {
    const { dir } = setup();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const run = runInfo();
    const logger = recordingLogger();
    const backend = new TensorBoardBackend(tensorBoardOptions(join(dir, 'not-a-dir')), run);
    await backend.start({ run, logger, summary: new Map() });
    backend.write([row(1, { a: 1 })]);
    await backend.flush();
    await backend.finish(outcome({}));
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0]).toMatch(/TensorBoard: cannot create an event file in .*not-a-dir/);
    expect(backend.stats()).toMatchObject({ errors: 1, dropped: 1 });
  });

  it('reports a write error (closed descriptor) once', async () => {
    const { backend, logger, start } = setup({ maxQueue: 1 });
    await start();
    const { closeSync } = await import('node:fs');
    closeSync((backend as unknown as { writer: { file: { fd: number } } }).writer.file.fd);
    backend.write([row(1, { a: 1 })]);
    await backend.flush();
    backend.write([row(2, { a: 2 })]);
    await backend.flush();
    await backend.finish(outcome({}));
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0]).toMatch(/can no longer be written/);
  });
});
