import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetricRow } from '../../../../src/core/backend.js';
import { histogram, type MetricValue, table, text } from '../../../../src/core/values.js';
import {
  readWandbFile,
  WandbLogReader,
  type WandbRecord,
} from '../../../../src/trackers/wandb/offline/index.js';
import { parseWandbJson } from '../../../../src/trackers/wandb/wandb-json.js';
import { MemoryLogger } from '../../../helpers/memory-logger.js';
import { OfflineRun } from '../../../helpers/wandb-offline-run.js';
import { testRunInfo } from '../../../helpers/run-info.js';

const tmp = mkdtempSync(join(tmpdir(), 'wandb-offline-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function row(
  step: number,
  metrics: Record<string, MetricValue>,
  channel: 'history' | 'system' = 'history',
): MetricRow {
  return {
    step,
    time: testRunInfo().startTime + 100 + step * 10,
    channel,
    keys: Object.keys(metrics),
    values: Object.values(metrics),
  };
}

function items(
  record: WandbRecord | undefined,
  field: 'history' | 'summary' | 'config',
): Record<string, unknown> {
  const list = field === 'history' ? record?.history?.item : record?.[field]?.update;
  return Object.fromEntries((list ?? []).map((i) => [i.key, parseWandbJson(i.value_json as string)]));
}

describe('an offline run: WandbRunModel into WandbLogSink', () => {
  it('writes a run that reads back in the order wandb sync accepts, with the files beside it', async () => {
    const run = testRunInfo();
    const logger = new MemoryLogger();
    const writer = OfflineRun.create(tmp, run, { logger });
    expect(writer.directory).toMatch(/[/\\]wandb[/\\]offline-run-\d{8}_\d{6}-ab12cd34$/);
    for (let i = 0; i < 10; i++) {
      writer.write([row(i, { 'train/loss': 2.5 / (i + 1), lr: 0.0003 })]);
      if (i === 4) writer.write([row(i, { 'val/loss': 1.1, note: text('half way') })]);
    }
    writer.write([
      row(
        9,
        { cpu_percent: 93.5, memory_rss_mb: 80, 'gpu.0.memory_used_mb': 512, 'gpu.0.memory_total_mb': 1024 },
        'system',
      ),
    ]);
    const bottlenecks = table(
      ['op', 'share'],
      [
        ['forward', 0.61],
        ['backward', Number.NaN],
      ],
    );
    writer.write([
      row(10, { 'profiling/bottlenecks': bottlenecks, weights: histogram([1, 2, 3], { bins: 2 }) }),
    ]);
    writer.write([row(3, { late: 1 })]);
    const summary = new Map<string, MetricValue>([
      ['best_val_loss', 0.42],
      ['train/loss', 0.25],
      ['lr', 0.0003],
      ['profiling/bottlenecks', bottlenecks],
    ]);
    await writer.finish(3, summary, run.startTime + 12_345);

    const contents = readWandbFile(writer.wandbPath);
    expect(contents.errors).toEqual([]);
    expect(contents.warnings).toEqual([]);
    const types = contents.records.map((r) => r.type);
    expect(types).toEqual([
      'header',
      'run',
      'files',
      ...Array(10).fill('history'),
      'files',
      'history',
      'summary',
      'exit',
      // The run's one system aggregate is its last stats record: after `exit`, as the official client writes it.
      'stats',
      'final',
      'footer',
    ]);
    expect(contents.records.map((r) => r.num)).toEqual(contents.records.map((_, i) => i + 1));

    const runRecord = contents.records[1]?.run;
    expect(runRecord).toMatchObject({
      run_id: 'ab12cd34',
      project: 'trainscope-fixtures',
      run_group: 'exp-1',
      job_type: 'train',
      display_name: 'fixture-basic',
      notes: 'Reference run',
      tags: ['baseline', 'fixture'],
      host: 'vm',
      start_time: { seconds: Math.floor(run.startTime / 1000), nanos: 615_000_000 },
    });
    expect(runRecord?.entity).toBeUndefined();
    expect(items(contents.records[1], 'config' as never)).toEqual({});
    const config = Object.fromEntries((runRecord?.config?.update ?? []).map((i) => [i.key, i.value_json]));
    expect(config).toEqual({
      lr: '0.0003',
      batch_size: '32',
      optimizer: '{"name":"adamw","betas":[0.9,0.999],"weight_decay":0.01}',
      use_amp: 'false',
      bad: 'null',
      _wandb: '{}',
    });
    expect(contents.records[2]?.files?.files).toEqual([{ path: 'wandb-metadata.json' }]);

    // Row 4 merged its two log calls; every row ends with _timestamp, _runtime, _step.
    const row4 = contents.records[7];
    expect(row4?.history?.item?.map((i) => i.key)).toEqual([
      'train/loss',
      'lr',
      'val/loss',
      'note',
      '_timestamp',
      '_runtime',
      '_step',
    ]);
    expect(items(row4, 'history')).toMatchObject({ note: 'half way', _step: 4, _runtime: 0.14 });
    expect(row4?.history?.step).toEqual({ num: 4 });
    expect(contents.records[3]?.history?.step).toEqual({});

    const stats = contents.records[17]?.stats;
    expect(Object.fromEntries((stats?.item ?? []).map((i) => [i.key, Number(i.value_json)]))).toEqual({
      cpu: 93.5,
      'proc.memory.rssMB': 80,
      'gpu.0.memoryAllocatedBytes': 512 * 1024 * 1024,
      'gpu.0.memoryAllocated': 50,
    });

    const tableFiles = contents.records[13]?.files?.files ?? [];
    expect(tableFiles).toHaveLength(1);
    const tablePath = tableFiles[0]?.path as string;
    expect(tablePath).toMatch(/^media\/table\/profiling\/bottlenecks_10_[0-9a-f]{20}\.table\.json$/);
    const tableText = readFileSync(join(writer.filesDirectory, tablePath), 'utf8');
    expect(tableText).toBe('{"columns": ["op", "share"], "data": [["forward", 0.61], ["backward", NaN]]}');
    const row10 = items(contents.records[14], 'history');
    expect(row10['profiling/bottlenecks']).toMatchObject({
      _type: 'table-file',
      path: tablePath,
      ncols: 2,
      nrows: 2,
    });
    expect(row10.weights).toEqual({ _type: 'histogram', values: [1, 2], bins: [1, 2, 3] });

    const finalSummary = items(contents.records[15], 'summary');
    expect(finalSummary).toMatchObject({
      'train/loss': 0.25,
      lr: 0.0003,
      'val/loss': 1.1,
      note: 'half way',
      best_val_loss: 0.42,
      _step: 10,
      'profiling/bottlenecks': row10['profiling/bottlenecks'],
    });
    expect(finalSummary.late).toBeUndefined();
    expect(contents.records[16]?.exit).toEqual({ exit_code: 3, runtime: 12 });
    expect(writer.counters).toMatchObject({
      historyRows: 11,
      statsRows: 1,
      tableFiles: 1,
      droppedRows: 1,
      errors: 0,
    });
    expect(logger.messages('warn').join('\n')).toContain('step 3');

    const files = readdirSync(writer.filesDirectory).sort();
    expect(files).toEqual([
      'config.yaml',
      'media',
      'requirements.txt',
      'wandb-metadata.json',
      'wandb-summary.json',
    ]);
    const summaryFile = JSON.parse(readFileSync(join(writer.filesDirectory, 'wandb-summary.json'), 'utf8'));
    expect(summaryFile).toMatchObject({ 'train/loss': 0.25, best_val_loss: 0.42, _wandb: { runtime: 12 } });
    const yaml = readFileSync(join(writer.filesDirectory, 'config.yaml'), 'utf8');
    expect(yaml).toMatch(/^wandb_version: 1\n/);
    expect(yaml).toContain('lr:\n  desc: null\n  value: 0.0003\n');
    const metadata = JSON.parse(readFileSync(join(writer.filesDirectory, 'wandb-metadata.json'), 'utf8'));
    expect(metadata).toMatchObject({ program: 'train.ts', host: 'vm', state: 'running' });
    expect(readlinkSync(join(tmp, 'wandb', 'latest-run'))).toBe(writer.directory.split(/[/\\]/).at(-1));
    // wandb sync skips a directory with a top-level wandb-metadata.json (pre-0.10 runs).
    expect(existsSync(join(writer.directory, 'wandb-metadata.json'))).toBe(false);
    expect(readdirSync(writer.directory).filter((f) => f.endsWith('.wandb'))).toEqual(['run-ab12cd34.wandb']);
  });

  it('makes every logged row durable on flush and writes the summary when it changed', async () => {
    const writer = OfflineRun.create(tmp, testRunInfo({ id: 'flush001' }), { prefix: 'run' });
    expect(writer.directory).toMatch(/[/\\]run-\d{8}_\d{6}-flush001$/);
    writer.write([row(0, { a: 1 }), row(1, { a: 2 })]);
    await writer.flush();
    let contents = readWandbFile(writer.wandbPath);
    expect(contents.records.map((r) => r.type)).toEqual([
      'header',
      'run',
      'files',
      'history',
      'history',
      'summary',
    ]);
    expect(items(contents.records[5], 'summary')).toMatchObject({ a: 2, _step: 1 });
    writer.write([row(2, { b: Number.POSITIVE_INFINITY })]);
    writer.flushSync();
    contents = readWandbFile(writer.wandbPath);
    expect(contents.records.at(-1)?.type).toBe('summary');
    // Every summary record holds the whole summary (W&B merges them key by key).
    expect(contents.records.at(-1)?.summary?.update?.map((i) => [i.key, i.value_json])).toEqual([
      ['a', '2'],
      ['_timestamp', String((testRunInfo().startTime + 120) / 1000)],
      ['_runtime', '0.12'],
      ['_step', '2'],
      ['b', 'Infinity'],
    ]);
    await writer.finish(0);
    contents = readWandbFile(writer.wandbPath);
    expect(contents.records.slice(-4).map((r) => r.type)).toEqual(['summary', 'exit', 'final', 'footer']);
    expect(contents.records.at(-3)?.exit?.exit_code).toBeUndefined();
  });

  it('never reuses a directory that already holds a run log', async () => {
    const run = testRunInfo({ id: 'same0001' });
    const first = OfflineRun.create(tmp, run);
    await first.finish(0);
    const second = OfflineRun.create(tmp, run);
    await second.finish(0);
    expect(second.directory).toBe(`${first.directory}-1`);
    expect(readWandbFile(first.wandbPath).records.map((r) => r.type)).toEqual([
      'header',
      'run',
      'files',
      'exit',
      'final',
      'footer',
    ]);
  });

  it('round-trips records larger than a block (a 100 KB history row, a big table, a 70 KB config value)', async () => {
    const longText = 'é'.repeat(50_000); // 100,000 UTF-8 bytes
    const prompt = 'p'.repeat(70_000);
    const writer = OfflineRun.create(
      tmp,
      testRunInfo({ id: 'multi001', config: { prompt_template: prompt } }),
    );
    const rows = Array.from({ length: 2_000 }, (_, i) => [`op-${i}`, i, i / 7] as const);
    const big = table(
      ['op', 'calls', 'ms'],
      rows.map((r) => [...r]),
    );
    for (let step = 0; step < 300; step++) writer.write([row(step, { v: step })]);
    writer.write([row(300, { sample_text: text(longText), samples: big })]);
    for (let step = 301; step < 600; step++) writer.write([row(step, { v: step })]);
    await writer.finish(0);

    const chunkTypes = new Set(WandbLogReader.readFile(writer.wandbPath).chunks.map((c) => c.type));
    expect([...chunkTypes].sort()).toEqual([1, 2, 3, 4]);
    const contents = readWandbFile(writer.wandbPath);
    expect(contents.errors).toEqual([]);
    expect(contents.warnings).toEqual([]);
    expect(contents.records[1]?.run?.config?.update?.[0]).toEqual({
      key: 'prompt_template',
      value_json: `"${prompt}"`,
    });
    const history = contents.records.filter((r) => r.type === 'history');
    expect(history.map((r) => r.history?.step?.num ?? 0)).toEqual(Array.from({ length: 600 }, (_, i) => i));
    const bigRow = items(history[300], 'history');
    expect(bigRow.sample_text).toBe(longText);
    const ref = bigRow.samples as { path: string; nrows: number; size: number };
    expect(ref.nrows).toBe(2_000);
    const tableText = readFileSync(join(writer.filesDirectory, ref.path));
    expect(tableText.length).toBe(ref.size);
    expect(JSON.parse(tableText.toString('utf8')).data[1999]).toEqual(['op-1999', 1999, 1999 / 7]);
    expect(
      items(
        contents.records.find((r) => r.type === 'summary'),
        'summary',
      ).sample_text,
    ).toBe(longText);
  });
});
