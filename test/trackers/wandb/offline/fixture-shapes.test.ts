import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetricRow } from '../../../../src/core/backend.js';
import { type MetricValue, type TableCell, table } from '../../../../src/core/values.js';
import { readWandbFile, type WandbRecord } from '../../../../src/trackers/wandb/offline/index.js';
import { parseWandbJson } from '../../../../src/trackers/wandb/wandb-json.js';
import { OfflineRun } from '../../../helpers/wandb-offline-run.js';
import { testRunInfo } from '../../../helpers/run-info.js';
import { FIXTURES } from '../../../helpers/paths.js';

const WANDB_FIXTURES = join(FIXTURES, 'wandb');
const tmp = mkdtempSync(join(tmpdir(), 'wandb-shapes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface FixtureItem {
  key: string;
  value_json: string;
}
interface FixtureRecord {
  _type: string;
  record: {
    run?: Record<string, unknown> & { config: { update: FixtureItem[] }; start_time: string };
    history?: { item: FixtureItem[]; step: { num?: string } };
    summary?: { update: FixtureItem[] };
  };
}

const expected = JSON.parse(
  readFileSync(join(WANDB_FIXTURES, 'offline-basic.records.json'), 'utf8'),
) as FixtureRecord[];
const runDir = join(
  WANDB_FIXTURES,
  'offline-basic',
  readdirSync(join(WANDB_FIXTURES, 'offline-basic'))[0] as string,
);

function parsedItems(
  list: readonly { key?: string; value_json?: string }[] | undefined,
): [string, unknown][] {
  return (list ?? []).map((i) => [i.key as string, parseWandbJson(i.value_json as string)]);
}

/** The fixture workload, replayed through the run model and the log sink with the official client's own values and times. */
async function replayFixture(): Promise<WandbRecord[]> {
  const fixtureRun = expected[1]?.record.run;
  if (fixtureRun === undefined) throw new Error('fixture has no run record');
  const config = Object.fromEntries(
    fixtureRun.config.update.filter((i) => i.key !== '_wandb').map((i) => [i.key, JSON.parse(i.value_json)]),
  );
  const startTime = Date.parse(fixtureRun.start_time);
  const writer = OfflineRun.create(
    tmp,
    testRunInfo({
      id: 'uso9872i',
      name: 'fixture-basic',
      notes: fixtureRun.notes as string,
      config,
      startTime,
    }),
  );
  const tableText = readFileSync(
    join(
      runDir,
      'files/media/table/profiling',
      readdirSync(join(runDir, 'files/media/table/profiling'))[0] as string,
    ),
    'utf8',
  );
  const tableJson = JSON.parse(tableText) as { columns: string[]; data: TableCell[][] };
  for (const record of expected.filter((r) => r._type === 'history')) {
    const items = record.record.history?.item ?? [];
    const values = new Map(items.map((i) => [i.key, parseWandbJson(i.value_json)]));
    const keys = items.map((i) => i.key).filter((k) => !k.startsWith('_'));
    const row: MetricRow = {
      step: values.get('_step') as number,
      time: (values.get('_timestamp') as number) * 1000,
      channel: 'history',
      keys,
      values: keys.map((k) =>
        k === 'profiling/bottlenecks'
          ? table(tableJson.columns, tableJson.data)
          : (values.get(k) as MetricValue),
      ),
    };
    writer.write([row]);
  }
  const summary = new Map<string, MetricValue>([
    ['best_val_loss', 0.42],
    ['train/loss', 0.25],
  ]);
  await writer.finish(0, summary, startTime + 114);
  return readWandbFile(writer.wandbPath).records;
}

describe('our offline run next to the official client run of the same workload', () => {
  it('has the same record shapes: run, history rows, table reference, summary, exit', async () => {
    const records = await replayFixture();
    const ignored = new Set(['telemetry', 'output_raw', 'artifact', 'stats']);
    const fixtureTypes = expected.map((r) => r._type).filter((t) => !ignored.has(t));
    // The official order puts exit before summary; the portable order (both syncs) puts summary first.
    const portable = fixtureTypes.filter((t) => t !== 'exit');
    portable.splice(portable.indexOf('summary') + 1, 0, 'exit');
    expect(records.map((r) => r.type)).toEqual(portable);

    const fixtureRun = expected[1]?.record.run as Record<string, unknown>;
    const ourRun = records[1]?.run as Record<string, unknown>;
    // `git` only when the program runs in a repository (the fixture's did not; these tests run in one).
    expect(
      Object.keys(ourRun)
        .filter((k) => k !== 'git')
        .sort(),
    ).toEqual(
      Object.keys(fixtureRun)
        .filter((k) => k !== 'telemetry')
        .sort(),
    );
    const fixtureConfig = (fixtureRun.config as { update: FixtureItem[] }).update;
    expect(parsedItems(records[1]?.run?.config?.update)).toEqual(parsedItems(fixtureConfig));

    const fixtureHistory = expected.filter((r) => r._type === 'history');
    const ourHistory = records.filter((r) => r.type === 'history');
    expect(ourHistory).toHaveLength(fixtureHistory.length);
    for (let i = 0; i < ourHistory.length; i++) {
      const want = parsedItems(fixtureHistory[i]?.record.history?.item);
      const got = parsedItems(ourHistory[i]?.history?.item);
      expect(
        got.map(([k]) => k),
        `row ${i} keys`,
      ).toEqual(want.map(([k]) => k));
      for (let k = 0; k < got.length; k++) {
        const [key, value] = got[k] as [string, unknown];
        const wantValue = (want[k] as [string, unknown])[1];
        // The Python client's _runtime counts from its own start, a fraction of a millisecond off start_time.
        if (key === '_timestamp') expect(value as number).toBeCloseTo(wantValue as number, 5);
        else if (key === '_runtime') expect(value as number).toBeCloseTo(wantValue as number, 2);
        else if (key === 'profiling/bottlenecks') {
          // The same reference shape; sha/size differ only because JSON has no float type (120.0 vs 120).
          expect(Object.keys(value as object)).toEqual(Object.keys(wantValue as object));
          expect(value).toMatchObject({ _type: 'table-file', ncols: 4, nrows: 3 });
        } else expect(value, `row ${i} ${key}`).toEqual(wantValue);
      }
      expect(ourHistory[i]?.history?.step?.num ?? 0).toBe(
        Number(fixtureHistory[i]?.record.history?.step.num ?? 0),
      );
    }

    const wantSummary = parsedItems(expected.find((r) => r._type === 'summary')?.record.summary?.update);
    const gotSummary = parsedItems(records.find((r) => r.type === 'summary')?.summary?.update);
    expect(gotSummary.map(([k]) => k)).toEqual(wantSummary.map(([k]) => k));
    const summaryOf = (items: [string, unknown][]) =>
      Object.fromEntries(items.filter(([k]) => !k.startsWith('_') && k !== 'profiling/bottlenecks'));
    expect(summaryOf(gotSummary)).toEqual(summaryOf(wantSummary));
    expect(records.find((r) => r.type === 'exit')?.exit?.exit_code).toBeUndefined();
  });
});
