import { afterEach, describe, expect, it } from 'vitest';
import type { Run } from '../../src/core/run.js';
import { histogram } from '../../src/core/values.js';
import { init } from '../../src/init.js';
import { captureStderr, RecordingBackend, testOptions } from '../helpers/recording-backend.js';

let run: Run | undefined;
afterEach(async () => {
  await run?.finish();
  run = undefined;
});

async function start(): Promise<RecordingBackend> {
  const recorder = new RecordingBackend();
  run = await init(testOptions(), { backends: [recorder] });
  return recorder;
}

describe('run.summary', () => {
  it('update() sets summary-only values without a history row and hands them to backends in order', async () => {
    const recorder = await start();
    run?.log({ loss: 0.26 });
    run?.summary.update({ best_accuracy: 0.9, loss: 0.25, final: { note: 'ok', n: [1, 2] } });
    expect(recorder.history()).toEqual([{ step: 0, values: { loss: 0.26 } }]);
    expect(run?.step).toBe(1);
    expect(recorder.summaryUpdates).toEqual([
      {
        set: [
          { key: 'best_accuracy', value: 0.9 },
          { key: 'loss', value: 0.25 },
          { key: 'final', value: { note: 'ok', n: [1, 2] } },
        ],
      },
    ]);
    expect(run?.summary.get('best_accuracy')).toBe(0.9);
    expect(run?.summary.get('loss')).toBe(0.25);
    expect(run?.summary.get('final')).toEqual({ note: 'ok', n: [1, 2] });
    expect([...(run?.summary.keys() ?? [])]).toEqual(['loss', 'best_accuracy', 'final']);
    expect(run?.summary.size).toBe(3);
    await run?.finish();
    // Numbers reach the final summary backends get (TensorBoard's hparams metrics read it).
    expect(recorder.outcome?.summary.get('best_accuracy')).toBe(0.9);
    expect(recorder.outcome?.summary.get('loss')).toBe(0.25);
  });

  it('a value set with update() stays until the key is logged again', async () => {
    await start();
    run?.log({ status: 1 });
    run?.summary.update({ status: 'converged' });
    expect(run?.summary.get('status')).toBe('converged');
    run?.log({ status: 2 });
    await run?.flush();
    expect(run?.summary.get('status')).toBe(2);
  });

  it('plain-JavaScript misuse cannot corrupt the run (the W&B backend regression)', async () => {
    const recorder = await start();
    const summary = run?.summary as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(summary.slot).toBeUndefined();
    expect(summary.set).toBeUndefined();
    run?.summary.update({ frozen: { a: 1 } });
    const frozen = run?.summary.get('frozen') as Record<string, number>;
    expect(() => {
      frozen.a = 2;
    }).toThrow();
    run?.log({ x: 1 });
    await run?.finish();
    expect(recorder.outcome?.summary.get('x')).toBe(1);
    expect(JSON.stringify(run?.summary)).toBe('{"x":1,"frozen":{"a":1}}');
  });

  it('skips what is not JSON data with one warning, and ignores updates after finish', async () => {
    const recorder = await start();
    const stderr = captureStderr();
    try {
      run?.summary.update({ fn: () => 1, h: histogram([1, 2]), ok: true, when: new Date(0) });
      run?.summary.update({ fn2: () => 2 });
      await run?.finish();
      run?.summary.update({ late: 1 });
    } finally {
      stderr.restore();
    }
    expect(recorder.summaryUpdates).toEqual([{ set: [{ key: 'ok', value: true }] }]);
    expect(stderr.text().match(/summary\.update\(\): "/g)).toHaveLength(1);
    expect(stderr.text()).toMatch(/after run .* finished/);
    expect(run?.summary.has('late')).toBe(false);
  });
});
