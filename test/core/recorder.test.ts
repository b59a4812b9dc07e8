import { afterEach, describe, expect, it } from 'vitest';
import type { Run } from '../../src/core/run.js';
import { init } from '../../src/init.js';
import { RecordingBackend, testOptions } from '../helpers/recording-backend.js';

let run: Run | undefined;
afterEach(async () => {
  await run?.finish();
  run = undefined;
});

describe('MetricRecorder', () => {
  it('a log() made while a call is being recorded does not change that call (its reused context is not shared)', async () => {
    let reentered = false;
    const recorder = new RecordingBackend('recorder', {
      write() {
        // The outer call filled the queue: the recorder drains mid-call, and this backend logs from there.
        if (reentered) return;
        reentered = true;
        run?.log({ inner: 1 }, { step: 50, prefix: 'in' });
      },
    });
    run = await init(testOptions({ logLevel: 'error', logging: { async: false, queueCapacity: 16 } }), {
      backends: [recorder],
    });
    const metrics: Record<string, number> = {};
    for (let i = 0; i < 20; i++) metrics[`k${i}`] = i;
    run.log(metrics, { step: 5, prefix: 'outer' });
    await run.flush();
    expect(reentered).toBe(true);
    for (let i = 0; i < 20; i++) expect(recorder.series(`outer/k${i}`)).toEqual([[5, i]]);
    expect(recorder.series('in/inner')).toEqual([[50, 1]]);
    expect(recorder.history().flatMap((r) => Object.keys(r.values))).not.toContain('in/k19');
    expect(run.step).toBe(50);
  });

  it('reuses one context across calls: options of one call do not leak into the next', async () => {
    const recorder = new RecordingBackend();
    run = await init(testOptions({ logLevel: 'error' }), { backends: [recorder] });
    run.log({ a: 1 }, { step: 7, prefix: 'p', priority: 'low', every: 7 });
    run.log({ b: 2 });
    run.log({ c: 3 }, { commit: false });
    run.log({ d: 4 });
    await run.flush();
    expect(recorder.history()).toEqual([
      { step: 7, values: { 'p/a': 1 } },
      { step: 7, values: { b: 2 } },
      { step: 8, values: { c: 3 } },
      { step: 8, values: { d: 4 } },
    ]);
    expect(run.step).toBe(9);
  });
});
