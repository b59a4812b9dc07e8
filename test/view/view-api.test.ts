import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewServer } from '../../src/view/view-server.js';
import { getJson, startView, tempDir, writeTrainscopeRun } from '../helpers/view.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

interface RunJson {
  id: string;
  name: string;
  source: string;
  status: string;
  exitCode: number | null;
  startTime: number | null;
  config: Record<string, unknown>;
  tags: string[];
  problems: string[];
}

interface SeriesJson {
  steps: number[];
  values: (number | null)[];
  total: number;
  min: number;
  max: number;
}

describe('trainscope view API on tensorboardX, official W&B client and trainscope runs', () => {
  let server: ViewServer;
  let base: string;
  let runs: RunJson[];
  const root = tempDir();

  beforeAll(async () => {
    await writeTrainscopeRun(root, { name: 'ours', steps: 30 });
    ({ server, base } = await startView({
      paths: [
        join(FIXTURES, 'tensorboard'),
        join(FIXTURES, 'wandb'),
        join(root, 'runs'),
        join(root, 'wandb'),
      ],
    }));
    runs = (await getJson<{ runs: RunJson[] }>(`${base}/api/runs`)).runs;
  });
  afterAll(async () => {
    await server.stop();
  });

  const byId = (id: string): RunJson => {
    const run = runs.find((r) => r.id === id);
    if (run === undefined) throw new Error(`no run ${id} in ${runs.map((r) => r.id).join(', ')}`);
    return run;
  };

  it('lists the runs of every source with name, status, config and tags', () => {
    expect(byId('tb:scalars').source).toBe('tensorboard');
    const official = runs.find((r) => r.name === 'fixture-basic')!;
    expect(official).toMatchObject({
      source: 'wandb',
      status: 'finished',
      exitCode: 0,
      tags: ['baseline', 'fixture'],
    });
    expect(official.config).toMatchObject({ lr: 0.0003, batch_size: 32, optimizer: { name: 'adamw' } });
    expect(official.config).not.toHaveProperty('_wandb');
    expect(official.startTime).toBeCloseTo(Date.parse('2026-11-30T00:43:44.615Z') / 1000, 2);
    const ours = runs.filter((r) => r.name === 'ours');
    expect(ours.map((r) => r.source).sort()).toEqual(['tensorboard', 'wandb']);
    for (const run of ours) expect(run).toMatchObject({ status: 'finished', exitCode: 0 });
    expect(byId('tb:crc-mismatch').problems[0]).toMatch(/data CRC mismatch at byte \d+/);
  });

  it('serves every scalar point as TensorBoard reads it (tensorboardX fixture)', async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'tensorboard/scalars/expected.json'), 'utf8'));
    for (const tag of ['train/loss', 'probe/edge']) {
      const points = expected.runs['.'].tags[tag].points as [number, number, number][];
      const series = await getJson<SeriesJson>(
        `${base}/api/scalars?run=tb:scalars&tag=${encodeURIComponent(tag)}&buckets=1000`,
      );
      expect(series.total).toBe(points.length);
      expect(series.steps).toEqual(points.map((p) => p[0]));
      expect(series.values).toEqual(points.map((p) => (Number.isFinite(p[2]) ? p[2] : null)));
    }
  });

  it('downloads every point as CSV and JSON', async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'tensorboard/scalars/expected.json'), 'utf8'));
    const points = expected.runs['.'].tags['train/loss'].points as [number, number, number][];
    const csv = await (await fetch(`${base}/api/download?run=tb:scalars&tag=train%2Floss&format=csv`)).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('step,wall_time,value');
    expect(lines.slice(1).map((l) => l.split(',').map(Number))).toEqual(points);
    const json = await getJson<{ points: [number, number, number][] }>(
      `${base}/api/download?run=tb:scalars&tag=train%2Floss&format=json`,
    );
    expect(json.points).toEqual(points);
  });

  it('reads the official client W&B run: history, tables, console, system metrics, summary', async () => {
    const official = runs.find((r) => r.name === 'fixture-basic')!;
    const q = `run=${encodeURIComponent(official.id)}`;
    const loss = await getJson<SeriesJson>(`${base}/api/scalars?${q}&tag=train%2Floss`);
    expect(loss.values.slice(0, 3)).toEqual([2.5, 1.947002, 1.516327]);
    expect(loss.total).toBe(10);
    const texts = await getJson<{ tables: Record<string, { columns: string[]; rows: unknown[][] }[]> }>(
      `${base}/api/texts?${q}`,
    );
    expect(texts.tables['profiling/bottlenecks']![0]).toMatchObject({
      columns: ['op', 'calls', 'total_ms', 'share'],
      rows: [
        ['forward', 10, 812.5, 0.61],
        ['backward', 10, 401.25, 0.3],
        ['optimizer.step', 10, 120.0, 0.09],
      ],
    });
    const console = await getJson<{ lines: { line: string }[] }>(`${base}/api/console?${q}`);
    expect(console.lines.map((l) => l.line).join('')).toBe('training started\ntraining done\n');
    const tags = await getJson<{ system: { tag: string }[] }>(`${base}/api/tags?${q}`);
    expect(tags.system.map((t) => t.tag)).toContain('cpu.0.cpu_percent');
    const profiler = await getJson<{ tables: Record<string, unknown> }>(`${base}/api/profiler?${q}`);
    expect(Object.keys(profiler.tables)).toEqual(['profiling/bottlenecks']);
  });

  it('reads histograms and hparams from tensorboardX fixtures', async () => {
    const tags = await getJson<{ histograms: { tag: string; count: number }[] }>(
      `${base}/api/tags?run=tb:histogram`,
    );
    expect(tags.histograms.length).toBeGreaterThan(0);
    const first = tags.histograms[0]!;
    const body = await getJson<{ points: { buckets: number[][] }[] }>(
      `${base}/api/histograms?run=tb:histogram&tag=${encodeURIComponent(first.tag)}`,
    );
    expect(body.points).toHaveLength(first.count);
    expect(body.points[0]!.buckets[0]).toHaveLength(3);
    const hparams = await getJson<{
      hparams: string[];
      rows: { run: string; hparams: Record<string, unknown> }[];
    }>(`${base}/api/hparams`);
    expect(hparams.rows.find((r) => r.run === 'tb:hparams/trial-0')!.hparams).toMatchObject({
      lr: 0.001,
      use_amp: true,
    });
    expect(hparams.hparams).toContain('lr');
  });

  it('shows what trainscope wrote to both backends the same way', async () => {
    for (const run of runs.filter((r) => r.name === 'ours')) {
      const q = `run=${encodeURIComponent(run.id)}`;
      const loss = await getJson<SeriesJson>(`${base}/api/scalars?${q}&tag=train%2Floss`);
      expect(loss.total).toBe(30);
      expect(loss.max).toBe(1);
      expect(loss.min).toBeCloseTo(1 / 30, 6);
      const texts = await getJson<{
        texts: Record<string, { text: string }[]>;
        tables: Record<string, { columns: string[]; rows: unknown[][] }[]>;
      }>(`${base}/api/texts?${q}`);
      expect(texts.texts.notes![0]!.text).toBe('# Notes\n**bold** and `code`');
      expect(texts.tables['eval/table']![0]).toMatchObject({
        columns: ['name', 'value'],
        rows: [
          ['a', 1],
          ['b', 2],
        ],
      });
      const tags = await getJson<{ histograms: { tag: string; count: number }[] }>(`${base}/api/tags?${q}`);
      expect(tags.histograms).toEqual([{ tag: 'weights', count: 1 }]);
    }
  });

  it('answers unknown runs and tags with 404 and a message', async () => {
    const response = await fetch(`${base}/api/scalars?run=nope&tag=x`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/no run/);
  });
});
