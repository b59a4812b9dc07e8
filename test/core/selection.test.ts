import { afterEach, describe, expect, it } from 'vitest';
import { init } from '../../src/init.js';
import type { Run } from '../../src/core/run.js';
import { RecordingBackend, testOptions } from '../helpers/recording-backend.js';

let run: Run | undefined;
afterEach(async () => {
  await run?.finish();
  run = undefined;
});

async function start(logging: Record<string, unknown>): Promise<RecordingBackend> {
  const recorder = new RecordingBackend();
  run = await init(testOptions({ logging: logging as never }), { backends: [recorder] });
  return recorder;
}

const ALL = {
  loss: 1,
  accuracy: 2,
  learning_rate: 3,
  gradient_norm: 4,
  weight_norm: 5,
  memory_usage: 6,
  cpu_usage: 7,
  other: 8,
};

describe('priority selection', () => {
  it('level all logs everything; unknown names get logging.defaultPriority', async () => {
    const recorder = await start({ level: 'all' });
    run?.log(ALL);
    expect(recorder.history()).toEqual([{ step: 0, values: ALL }]);
  });

  it('level medium drops low-priority defaults (memory_usage, cpu_usage) and keeps default-medium names', async () => {
    const recorder = await start({ level: 'medium' });
    run?.log(ALL);
    expect(Object.keys(recorder.history()[0]?.values ?? {})).toEqual([
      'loss',
      'accuracy',
      'learning_rate',
      'gradient_norm',
      'weight_norm',
      'other',
    ]);
  });

  it('level high keeps only high-priority metrics', async () => {
    const recorder = await start({ level: 'high' });
    run?.log(ALL);
    run?.log({ other: 1 });
    expect(recorder.history()).toEqual([{ step: 0, values: { loss: 1, accuracy: 2, learning_rate: 3 } }]);
  });

  it('logging.defaultPriority low hides unknown names at level medium', async () => {
    const recorder = await start({ level: 'medium', defaultPriority: 'low' });
    run?.log({ other: 1, loss: 2 });
    expect(recorder.history()).toEqual([{ step: 0, values: { loss: 2 } }]);
  });

  it('configured priorities: full tag wins over bare name, bare name over the defaults', async () => {
    const recorder = await start({
      level: 'high',
      priorities: { memory_usage: 'high', loss: 'low', 'eval/loss': 'high' },
    });
    run?.log({ loss: 1, memory_usage: 2 }, { prefix: 'train' });
    run?.log({ loss: 3 }, { prefix: 'eval' });
    run?.log({ 'eval/loss': 4, 'train/loss': 5 });
    expect(recorder.history()).toEqual([
      { step: 0, values: { 'train/memory_usage': 2 } },
      { step: 1, values: { 'eval/loss': 3 } },
      { step: 2, values: { 'eval/loss': 4 } },
    ]);
  });

  it("log()'s priority option overrides the configuration for the whole call", async () => {
    const recorder = await start({ level: 'high' });
    run?.log({ cpu_usage: 1, other: 2 }, { priority: 'high' });
    run?.log({ loss: 3 }, { priority: 'low' });
    expect(recorder.history()).toEqual([{ step: 0, values: { cpu_usage: 1, other: 2 } }]);
  });
});

describe('intervals', () => {
  it('metrics under an interval prefix are emitted only at multiples of logging.interval', async () => {
    const recorder = await start({ interval: 3, intervalPrefixes: ['training'] });
    for (let step = 0; step < 7; step++) {
      run?.log({ loss: step }, { prefix: 'training', step });
      run?.log({ 'training/acc': step, 'eval/loss': step }, { step });
    }
    expect(recorder.series('training/loss').map(([s]) => s)).toEqual([0, 3, 6]);
    expect(recorder.series('training/acc').map(([s]) => s)).toEqual([0, 3, 6]);
    expect(recorder.series('eval/loss').map(([s]) => s)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('every overrides the interval, for any prefix', async () => {
    const recorder = await start({ interval: 3, intervalPrefixes: ['training'] });
    for (let step = 0; step < 5; step++) {
      run?.log({ loss: step }, { prefix: 'training', every: 2 });
      run?.log({ x: step }, { every: 4, commit: false });
    }
    expect(recorder.series('training/loss')).toEqual([
      [0, 0],
      [2, 2],
      [4, 4],
    ]);
    // x is logged (commit: false) at steps 1..5 with values 0..4; only step 4 is a multiple of 4.
    expect(recorder.series('x')).toEqual([[4, 3]]);
    expect(run?.step).toBe(5);
  });
});
