import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeEvent, SessionLogStatus } from '../../src/trackers/tensorboard/proto.js';
import { frameRecord } from '../../src/trackers/tensorboard/record.js';
import { indexOnWorkers } from '../../src/view/index-worker-pool.js';
import { ViewIndex } from '../../src/view/view-index.js';
import type { ViewRun } from '../../src/view/view-run.js';
import { graphDefBytes, SMALL_GRAPH } from '../helpers/graph-def.js';
import { getJson, startView, tempDir, writeTrainscopeRun } from '../helpers/view.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

function record(event: Parameters<typeof encodeEvent>[0]): Buffer {
  return frameRecord(encodeEvent(event));
}

/** Everything the API can serve about a run, as plain data. */
function contents(run: ViewRun): unknown {
  const columns = (map: ViewRun['scalars']) =>
    [...map].map(([tag, c]) => [tag, [...c.steps], [...c.wallTimes], [...c.values], c.min, c.max]);
  return {
    summary: run.toSummaryJson(0),
    scalars: columns(run.scalars),
    system: columns(run.system),
    histograms: [...run.histograms],
    texts: [...run.texts],
    tables: [...run.tables],
    graphs: run.graphs,
    hparams: run.hparams,
  };
}

function allContents(index: ViewIndex): unknown {
  return index.list().map((run) => [run.id, contents(run)]);
}

describe('the first index on worker threads', () => {
  it('holds exactly what indexing on the main thread holds, and tails on from where the workers stopped', async () => {
    const root = tempDir();
    cpSync(join(FIXTURES, 'tensorboard'), join(root, 'tb'), { recursive: true });
    await writeTrainscopeRun(root, { name: 'ours', steps: 50 });
    const restarted = join(root, 'runs', 'restarted', 'events.out.tfevents.1800000000.host');
    mkdirSync(join(root, 'runs', 'restarted'), { recursive: true });
    const scalar = (step: number, value: number) =>
      record({
        wallTime: 1_800_000_000 + step,
        step,
        summary: { value: [{ tag: 'loss', simpleValue: value }] },
      });
    writeFileSync(
      restarted,
      Buffer.concat([
        record({ wallTime: 1_800_000_000, sessionLog: { status: SessionLogStatus.START } }),
        ...[0, 1, 2, 3, 4, 5].map((s) => scalar(s, s)),
        record({ wallTime: 1_800_000_010, step: 3, sessionLog: { status: SessionLogStatus.START } }),
        scalar(3, 30),
        record({ wallTime: 1_800_000_011, step: 0, graphDef: graphDefBytes(SMALL_GRAPH) }),
      ]),
    );
    const paths = [join(root, 'tb'), join(root, 'runs'), join(root, 'wandb')];
    const parallel = new ViewIndex(paths);
    const serial = new ViewIndex(paths);
    const parallelChanged = await parallel.load(0);
    expect(parallelChanged.sort()).toEqual(serial.refresh().sort());
    expect(parallel.list().length).toBeGreaterThan(8);
    // Listed first: the runs list (tags, counts, times, status, problems) is already what a full index says.
    const summaries = (index: ViewIndex) => index.list().map((run) => run.toSummaryJson(0));
    expect(summaries(parallel)).toEqual(summaries(serial));
    expect(parallel.columnsBuilt).toBeDefined();
    expect((await parallel.columnsBuilt)!.sort()).toEqual(
      parallel
        .list()
        .filter((run) => run.source === 'tensorboard')
        .map((run) => run.id)
        .sort(),
    );
    expect(parallel.columnsBuilt).toBeUndefined();
    expect(allContents(parallel)).toEqual(allContents(serial));
    expect([...parallel.runs.get('tb:restarted')!.scalars.get('loss')!.values]).toEqual([0, 1, 2, 30]);
    expect(parallel.runs.get('tb:crc-mismatch')!.problems[0]).toMatch(/data CRC mismatch at byte \d+/);

    appendFileSync(restarted, scalar(4, 40));
    expect(parallel.refresh()).toEqual(['tb:restarted']);
    serial.refresh();
    expect([...parallel.runs.get('tb:restarted')!.scalars.get('loss')!.values]).toEqual([0, 1, 2, 30, 40]);
    expect(allContents(parallel)).toEqual(allContents(serial));
  });

  it("answers each job with its snapshot (a missing file is the run's problem), a job that throws with undefined", async () => {
    const results = await indexOnWorkers(
      [
        {
          dir: join(FIXTURES, 'tensorboard', 'scalars'),
          files: [join(FIXTURES, 'tensorboard', 'scalars', 'missing')],
        },
        { dir: join(FIXTURES, 'tensorboard', 'two-files'), files: [] },
        { dir: 'broken', files: null as unknown as string[] },
        {
          dir: join(FIXTURES, 'tensorboard', 'scalars'),
          files: [join(FIXTURES, 'tensorboard', 'scalars', 'events.out.tfevents.1796000221.vm')],
          listOnly: true,
        },
      ],
      2,
    );
    expect(results).toHaveLength(4);
    // A listing names every scalar tag, with its times, and keeps no point.
    const listing = results[3]!.run;
    expect(listing.scalars.length).toBeGreaterThan(0);
    expect(listing.scalars.every(([, data]) => data.steps.length === 0)).toBe(true);
    expect(listing.startTime).toBeGreaterThan(0);
    // A missing file is a problem the run shows, not a failure.
    expect(results[0]!.run.problems[0]).toMatch(/^cannot read .*missing/);
    expect(results[1]!.run.scalars).toEqual([]);
    expect(results[2]).toBeUndefined();
  });
});

describe('the server while the first index builds the columns of the runs it listed', () => {
  it('lists every run and tag first; a series or download asked right after returns every point', async () => {
    const root = tempDir();
    const steps = 20_000;
    for (const name of ['a', 'b', 'c']) {
      const file = join(root, 'logs', name, 'events.out.tfevents.1800000000.host');
      mkdirSync(join(root, 'logs', name), { recursive: true });
      const records: Buffer[] = [];
      for (let step = 0; step < steps; step++)
        for (const tag of ['loss', 'acc'])
          records.push(
            record({
              wallTime: 1_800_000_000 + step,
              step,
              summary: { value: [{ tag, simpleValue: tag === 'loss' ? step : -step }] },
            }),
          );
      writeFileSync(file, Buffer.concat(records));
    }
    const { server, base } = await startView({ paths: [join(root, 'logs')], parallelMinBytes: 0 });
    try {
      expect(server.index.columnsBuilt).toBeDefined();
      // Asked at once, while the columns are still being built.
      const [runsBody, csv, tags] = await Promise.all([
        getJson<{ runs: { id: string; counts: { scalars: number } }[] }>(`${base}/api/runs`),
        fetch(`${base}/api/download?run=tb:b&tag=loss&format=csv`).then((r) => r.text()),
        getJson<{ scalars: { tag: string; count: number; min: number; max: number }[] }>(
          `${base}/api/tags?run=tb:c`,
        ),
      ]);
      expect(runsBody.runs.map((r) => [r.id, r.counts.scalars])).toEqual([
        ['tb:a', 2],
        ['tb:b', 2],
        ['tb:c', 2],
      ]);
      const lines = csv.trim().split('\n');
      expect(lines).toHaveLength(steps + 1);
      expect(lines[steps]).toBe(`${steps - 1},${1_800_000_000 + steps - 1},${steps - 1}`);
      expect(tags.scalars).toEqual([
        { tag: 'acc', count: steps, min: -(steps - 1), max: 0 },
        { tag: 'loss', count: steps, min: 0, max: steps - 1 },
      ]);
      expect(server.index.columnsBuilt).toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});
