import { afterEach, describe, expect, it } from 'vitest';
import { DROPPED, MetricQueue, MUST_DRAIN, PUSHED, type QueueItem } from '../../src/core/metric-queue.js';
import { MetricSummary } from '../../src/core/metric-summary.js';
import type { MetricKey } from '../../src/core/priority-filter.js';
import { init } from '../../src/init.js';
import type { Run } from '../../src/core/run.js';
import { text } from '../../src/core/values.js';
import { captureStderr, RecordingBackend, testOptions } from '../helpers/recording-backend.js';

let run: Run | undefined;
afterEach(async () => {
  await run?.finish();
  run = undefined;
});

function asyncRun(recorder: RecordingBackend, queueCapacity: number) {
  return init(
    testOptions({ logLevel: 'warn', logging: { async: true, queueCapacity, drainIntervalMs: 60_000 } }),
    { backends: [recorder] },
  );
}

describe('queue overflow policy', () => {
  it('drops low first, medium next, never high; back-pressure drains on the caller when full of high', async () => {
    const stderr = captureStderr();
    try {
      const recorder = new RecordingBackend();
      run = await asyncRun(recorder, 16);
      let step = 0;
      const log = (key: string, priority: 'high' | 'medium' | 'low') =>
        run?.log({ [key]: step }, { priority, step: step++ });
      for (let i = 0; i < 16; i++) log(`l${i}`, 'low'); // full of low
      log('m0', 'medium'); // evicts l0
      log('l16', 'low'); // dropped on arrival
      for (let i = 0; i < 15; i++) log(`h${i}`, 'high'); // evict l1..l15
      log('m1', 'medium'); // no low left: dropped on arrival
      log('h15', 'high'); // evicts m0: the queue now holds h0..h15
      expect(recorder.rows).toHaveLength(0); // nothing drained yet: the caller never yielded
      log('h16', 'high'); // full of high: drains synchronously, right here
      expect(recorder.history().flatMap((r) => Object.keys(r.values))).toEqual(
        Array.from({ length: 16 }, (_, i) => `h${i}`),
      );
      await run.finish();
      const logged = recorder.history().flatMap((r) => Object.keys(r.values));
      expect(logged).toEqual(Array.from({ length: 17 }, (_, i) => `h${i}`));
      // 17 low (l0..l15 evicted, l16 on arrival) + 2 medium (m1 on arrival, m0 evicted)
      const dropped = recorder.series('trainscope/dropped');
      expect(dropped.at(-1)?.[1]).toBe(19);
      expect(recorder.outcome?.summary.get('trainscope/dropped')).toBe(19);
      expect(stderr.text().match(/metrics queue is full/g)).toHaveLength(1);
    } finally {
      stderr.restore();
    }
  });

  it('preserves call order across priorities when draining', async () => {
    const recorder = new RecordingBackend();
    run = await asyncRun(recorder, 64);
    const priorities = ['low', 'high', 'medium', 'high', 'low', 'medium'] as const;
    for (const [i, priority] of priorities.entries()) run.log({ [`k${i}`]: i }, { priority });
    await run.flush();
    expect(recorder.history()).toEqual(priorities.map((_, i) => ({ step: i, values: { [`k${i}`]: i } })));
  });

  it('drains in the background (setImmediate) without flush()', async () => {
    const recorder = new RecordingBackend();
    run = await asyncRun(recorder, 64);
    run.log({ loss: 1 });
    expect(recorder.rows).toHaveLength(0);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorder.series('loss')).toEqual([[0, 1]]);
  });
});

describe('synchronous mode', () => {
  it('logging.async: false never drops: a call larger than the queue is drained as it goes', async () => {
    const recorder = new RecordingBackend();
    run = await init(testOptions({ logging: { async: false, queueCapacity: 16 } }), { backends: [recorder] });
    const big = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    run.log(big, { priority: 'low' });
    expect(recorder.history().flatMap((r) => Object.values(r.values))).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
    expect(recorder.history().every((r) => r.step === 0)).toBe(true);
    await run.finish();
    expect(run.summary.get('trainscope/dropped')).toBeUndefined();
  });
});

describe('copying', () => {
  it('mutating the metrics object after log() does not change what was logged', async () => {
    const recorder = new RecordingBackend();
    run = await asyncRun(recorder, 64);
    const metrics: Record<string, unknown> = { loss: 1, nested: { x: 1 }, label: text('a') };
    run.log(metrics);
    metrics.loss = 2;
    (metrics.nested as { x: number }).x = 2;
    metrics.label = text('b');
    run.log(metrics);
    metrics.loss = 3;
    await run.flush();
    expect(recorder.series('loss')).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(recorder.series('nested/x')).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(recorder.series('label').map(([, v]) => v)).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'text', text: 'b' },
    ]);
  });
});

describe('MetricQueue', () => {
  const key = (name: string): MetricKey => ({
    key: name,
    prefix: '',
    slot: new MetricSummary().slot(name),
    priority: 1,
    interval: 1,
    lastExplicitStep: -1,
  });

  it('grows past its initial rings and wraps around, keeping order and values', () => {
    const queue = new MetricQueue(5000);
    const k = key('v');
    const item: QueueItem = {
      key: undefined,
      isNumber: true,
      num: 0,
      value: undefined,
      step: 0,
      time: 0,
      call: 0,
      priority: 0,
    };
    let next = 0;
    const seen: number[] = [];
    let pushed = 0;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3000; i++) {
        if (queue.push(k, next, (next % 3) as 0 | 1 | 2, { step: next, time: 0, call: next }) === PUSHED)
          pushed++;
        next++;
      }
      while (queue.shift(item)) seen.push(item.isNumber ? item.num : Number.NaN);
    }
    expect(pushed).toBe(9000);
    expect(seen).toEqual(Array.from({ length: 9000 }, (_, i) => i));
    expect(queue.dropped).toBe(0);
  });

  it('reports DROPPED for low when full and MUST_DRAIN for high when full of high', () => {
    const queue = new MetricQueue(16);
    const k = key('v');
    for (let i = 0; i < 16; i++) expect(queue.push(k, i, 0, { step: 0, time: 0, call: i })).toBe(PUSHED);
    expect(queue.push(k, 1, 2, { step: 0, time: 0, call: 99 })).toBe(DROPPED);
    expect(queue.push(k, 1, 1, { step: 0, time: 0, call: 99 })).toBe(DROPPED);
    expect(queue.push(k, 1, 0, { step: 0, time: 0, call: 99 })).toBe(MUST_DRAIN);
    expect(queue.droppedByPriority).toEqual([0, 1, 1]);
  });
});
