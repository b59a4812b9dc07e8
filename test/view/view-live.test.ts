import { appendFileSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent } from '../../src/trackers/tensorboard/proto.js';
import { frameRecord } from '../../src/trackers/tensorboard/record.js';
import { downsampleMinMax } from '../../src/view/downsample.js';
import type { EventMessage } from '../../src/trackers/tensorboard/proto.js';
import { EventFileTailer } from '../../src/view/event-file-tailer.js';
import { decodeScalarEvent } from '../../src/view/scalar-event-decoder.js';
import { SeriesColumn } from '../../src/view/series-column.js';
import { ViewIndex } from '../../src/view/view-index.js';
import type { ViewServer } from '../../src/view/view-server.js';
import { getJson, startView, tempDir } from '../helpers/view.js';

function scalarRecord(tag: string, step: number, value: number): Buffer {
  return frameRecord(
    encodeEvent({ wallTime: 1_800_000_000 + step, step, summary: { value: [{ tag, simpleValue: value }] } }),
  );
}

/** Resolves with the first `changed` event's run ids from the server's event stream. */
async function nextChange(url: string, signal: AbortSignal): Promise<string[]> {
  const response = await fetch(url, { signal });
  const reader = response.body!.getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('event stream ended');
    text += Buffer.from(value).toString();
    const match = /event: changed\ndata: (.*)\n\n/.exec(text);
    if (match) return (JSON.parse(match[1]!) as { runs: string[] }).runs;
  }
}

describe('SeriesColumn and downsampling', () => {
  it('keeps every point in typed arrays, at most twice the data in memory', () => {
    const column = new SeriesColumn();
    for (let i = 0; i < 100_001; i++) column.push(i, i / 10, Math.sin(i));
    expect(column.length).toBe(100_001);
    expect(column.values[12_345]).toBe(Math.sin(12_345));
    expect(column.byteLength).toBeLessThanOrEqual(2 * 24 * 100_001);
  });

  it('appends in blocks and joins them for reading, in order, again after more points', () => {
    const column = new SeriesColumn();
    for (let i = 0; i < 5000; i++) column.push(i, 2 * i, i % 7);
    expect(column.lastValue).toBe(4999 % 7);
    expect([...column.steps.subarray(60, 70)]).toEqual([60, 61, 62, 63, 64, 65, 66, 67, 68, 69]);
    for (let i = 5000; i < 6500; i++) column.push(i, 2 * i, -i);
    expect(column.lastValue).toBe(-6499);
    const steps = column.steps;
    expect(steps.length).toBe(6500);
    expect(steps.every((s, i) => s === i)).toBe(true);
    expect(column.wallTimes[6499]).toBe(12_998);
    expect(column.min).toBe(-6499);
    // One block of slack at most over the 24 bytes a point.
    expect(column.byteLength).toBeLessThanOrEqual(24 * 6500 + 24 * 1024);
    column.purgeFrom(100);
    expect(column.length).toBe(100);
    expect(column.lastValue).toBe(99 % 7);
  });

  it('keeps the extremes of every bucket (min/max preserved)', () => {
    const column = new SeriesColumn();
    for (let i = 0; i < 1_000_000; i++)
      column.push(i, i, i === 777_777 ? 50 : i === 123_457 ? -50 : Math.sin(i / 1000));
    const drawn = downsampleMinMax(column, 500);
    expect(drawn.values.length).toBeLessThanOrEqual(2000);
    expect(Math.max(...(drawn.values as number[]))).toBe(50);
    expect(Math.min(...(drawn.values as number[]))).toBe(-50);
    expect(drawn.steps).toContain(777_777);
    expect(drawn.steps[0]).toBe(0);
    expect(drawn.steps[drawn.steps.length - 1]).toBe(999_999);
  });

  it('purges points from a restart step on', () => {
    const column = new SeriesColumn();
    for (let i = 0; i < 10; i++) column.push(i, i, i);
    column.purgeFrom(5);
    expect([...column.steps]).toEqual([0, 1, 2, 3, 4]);
    expect(column.max).toBe(4);
  });
});

/** Every event a poll hands over, fast-path scalars turned back into `EventMessage`s. */
function pollEvents(tailer: EventFileTailer): { events: EventMessage[]; problem: string | undefined } {
  const events: EventMessage[] = [];
  const { problem } = tailer.poll({
    scalars: (batch) => {
      for (let i = 0; i < batch.length; i++)
        events.push({
          wallTime: batch.wallTimes[i]!,
          step: batch.steps[i]!,
          summary: { value: [{ tag: batch.tags[i]!, simpleValue: batch.values[i]! }] },
        });
    },
    event: (e) => events.push(e),
  });
  return { events, problem };
}

describe('decodeScalarEvent', () => {
  it('decodes plain scalar events exactly as protobufjs does, and declines anything else', () => {
    const out = { wallTime: 0, step: 0, tag: '', tagId: 0, value: 0 };
    for (const event of [
      { wallTime: 1_800_000_000.25, step: 0, summary: { value: [{ tag: 'a', simpleValue: 0.1 }] } },
      { wallTime: 1.5, step: 2 ** 40, summary: { value: [{ tag: 'ünï/cødé ✓', simpleValue: -3e38 }] } },
      { step: 7, summary: { value: [{ tag: 'x'.repeat(300), simpleValue: Number.NaN }] } },
    ]) {
      const bytes = encodeEvent(event);
      expect(decodeScalarEvent(bytes, out)).toBe(true);
      const reference = decodeEvent(bytes);
      expect({ ...out, tagId: 0 }).toEqual({
        tagId: 0,
        wallTime: reference.wallTime ?? 0,
        step: reference.step ?? 0,
        tag: reference.summary!.value![0]!.tag,
        value: reference.summary!.value![0]!.simpleValue,
      });
    }
    const declined = [
      {
        wallTime: 1,
        step: 1,
        summary: {
          value: [{ tag: 'a', simpleValue: 1, metadata: { pluginData: { pluginName: 'scalars' } } }],
        },
      },
      {
        wallTime: 1,
        step: 1,
        summary: {
          value: [
            { tag: 'a', simpleValue: 1 },
            { tag: 'b', simpleValue: 2 },
          ],
        },
      },
      { wallTime: 1, step: -1, summary: { value: [{ tag: 'a', simpleValue: 1 }] } },
      { wallTime: 1, fileVersion: 'brain.Event:2' },
    ];
    for (const event of declined)
      expect(decodeScalarEvent(encodeEvent(event), out), JSON.stringify(event)).toBe(false);
  });
});

describe('EventFileTailer', () => {
  it('reads only new records and waits out a record cut short', () => {
    const dir = tempDir();
    const file = join(dir, 'events.out.tfevents.1.test');
    writeFileSync(file, Buffer.concat([scalarRecord('x', 0, 1), scalarRecord('x', 1, 2)]));
    const tailer = new EventFileTailer(file);
    expect(pollEvents(tailer).events.map((e) => e.step ?? 0)).toEqual([0, 1]);
    const next = scalarRecord('x', 2, 3);
    appendFileSync(file, next.subarray(0, 10));
    expect(pollEvents(tailer)).toEqual({ events: [], problem: undefined });
    appendFileSync(file, next.subarray(10));
    const events = pollEvents(tailer).events;
    expect(events.map((e) => e.summary?.value?.[0]?.simpleValue)).toEqual([3]);
    expect(tailer.bytesRead).toBe(statSync(file).size);
  });
});

describe('EventFileTailer in chunks', () => {
  it('reads a file in chunks smaller than its records, growing the chunk for a long record', () => {
    const file = join(tempDir(), 'events.out.tfevents.2.test');
    const records = [scalarRecord('a', 1, 1), scalarRecord('t'.repeat(700), 2, 2), scalarRecord('b', 3, 3)];
    writeFileSync(file, Buffer.concat(records));
    const tailer = new EventFileTailer(file, 64);
    const { events, problem } = pollEvents(tailer);
    expect(problem).toBeUndefined();
    expect(events.map((e) => e.step)).toEqual([1, 2, 3]);
    expect(tailer.bytesRead).toBe(statSync(file).size);
    appendFileSync(file, scalarRecord('c', 4, 4).subarray(0, 20));
    expect(pollEvents(tailer).events).toEqual([]);
  });
});

describe('EventFileTailer on damaged files', () => {
  it('keeps the records before a CRC mismatch, names its byte and reads no further (any chunk size)', () => {
    for (const chunk of [64, 1 << 20]) {
      for (const [corrupt, what] of [
        [2, 'data CRC mismatch'],
        [9, 'length CRC mismatch'],
      ] as const) {
        const file = join(tempDir(), 'events.out.tfevents.3.test');
        const records = [0, 1, 2, 3].map((i) => scalarRecord(i === 2 ? 'b' : 'a', i, i));
        const damaged = Buffer.concat(records);
        const at = records[0]!.length + records[1]!.length;
        damaged[at + (corrupt === 9 ? 0 : 12 + corrupt)]! ^= 0xff;
        writeFileSync(file, damaged);
        const tailer = new EventFileTailer(file, chunk);
        const { events, problem } = pollEvents(tailer);
        expect(events.map((e) => e.step)).toEqual([0, 1]);
        expect(problem).toBe(`${file}: ${what} at byte ${at}; TensorBoard stops reading this file there`);
        appendFileSync(file, scalarRecord('a', 4, 4));
        expect(pollEvents(tailer)).toEqual({ events: [], problem: undefined });
      }
    }
  });

  it('gives equal tags one tag id and different tags different ids', () => {
    const out = { wallTime: 0, step: 0, tag: '', tagId: 0, value: 0 };
    const idOf = (tag: string): number => {
      const bytes = encodeEvent({ step: 1, summary: { value: [{ tag, simpleValue: 1 }] } });
      expect(decodeScalarEvent(bytes, out)).toBe(true);
      return out.tagId;
    };
    const first = idOf('loss/train');
    expect(idOf('loss/train')).toBe(first);
    expect(idOf('loss/trail')).not.toBe(first);
  });
});

describe('run status', () => {
  it('a W&B run that stopped growing without an exit record is crashed; a growing one is running', () => {
    const fixture = join(
      import.meta.dirname,
      '../fixtures/wandb/offline-basic/offline-run-20261130_004344-uso9872i/run-uso9872i.wandb',
    );
    const root = tempDir();
    mkdirSync(join(root, 'killed'));
    const file = join(root, 'killed', 'run-killed.wandb');
    writeFileSync(file, readFileSync(fixture).subarray(0, 1500));
    const index = new ViewIndex([root]);
    index.refresh();
    const run = [...index.runs.values()][0]!;
    expect(run.toSummaryJson().status).toBe('running');
    utimesSync(file, new Date('2026-01-01'), new Date('2026-01-01'));
    appendFileSync(file, Buffer.alloc(0));
    run.lastGrowthMs = statSync(file).mtimeMs;
    expect(run.toSummaryJson()).toMatchObject({ status: 'crashed', exitCode: null, name: 'fixture-basic' });
  });
});

describe('live updates', () => {
  let server: ViewServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('a point appended to a live file, and a new run, reach the API and the event stream within 2 s', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'live'));
    const file = join(root, 'live', 'events.out.tfevents.1.test');
    writeFileSync(file, scalarRecord('loss', 0, 1));
    const started = await startView({ paths: [root] });
    server = started.server;
    const controller = new AbortController();
    const changed = nextChange(`${started.base}/api/events`, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const t0 = Date.now();
    appendFileSync(file, scalarRecord('loss', 1, 0.25));
    expect(await changed).toEqual(['tb:live']);
    const series = await getJson<{ values: number[] }>(`${started.base}/api/scalars?run=tb:live&tag=loss`);
    expect(series.values).toEqual([1, 0.25]);
    expect(Date.now() - t0).toBeLessThan(2000);
    const second = nextChange(`${started.base}/api/events`, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 100));
    mkdirSync(join(root, 'new-run'));
    writeFileSync(join(root, 'new-run', 'events.out.tfevents.2.test'), scalarRecord('acc', 0, 0.5));
    expect(await second).toEqual(['tb:new-run']);
    controller.abort();
  });
});
