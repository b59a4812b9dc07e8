import { afterEach, describe, expect, it } from 'vitest';
import { init } from '../../src/init.js';
import type { Run } from '../../src/core/run.js';
import { captureStderr, RecordingBackend, testOptions } from '../helpers/recording-backend.js';

let run: Run | undefined;
afterEach(async () => {
  await run?.finish();
  run = undefined;
});

describe('backend isolation', () => {
  it('a backend that throws in write is disabled and reported once; the others receive everything', async () => {
    const stderr = captureStderr();
    try {
      let calls = 0;
      const broken = new RecordingBackend('broken', {
        write() {
          calls++;
          throw new Error('disk on fire');
        },
      });
      const healthy = new RecordingBackend('healthy');
      run = await init(testOptions({ logLevel: 'info' }), { backends: [broken, healthy] });
      for (let i = 0; i < 5; i++) run.log({ loss: i });
      await run.finish({ exitCode: 0 });
      expect(calls).toBe(1);
      expect(healthy.series('loss')).toEqual([0, 1, 2, 3, 4].map((i) => [i, i]));
      expect(healthy.outcome?.exitCode).toBe(0);
      expect(broken.outcome).toBeUndefined();
      const errors = stderr.text().match(/error: backend "broken" failed in write\(\): disk on fire/g);
      expect(errors).toHaveLength(1);
      expect(stderr.text()).toMatch(/broken: .*\[disabled after an error\]/);
    } finally {
      stderr.restore();
    }
  });

  it('a backend that rejects in finish or start does not stop the others', async () => {
    const stderr = captureStderr();
    try {
      const failsFinish = new RecordingBackend('fails-finish', {
        async finish() {
          throw new Error('server said no');
        },
      });
      const failsStart = new RecordingBackend('fails-start');
      failsStart.start = async () => {
        throw new Error('cannot open');
      };
      const healthy = new RecordingBackend('healthy');
      run = await init(testOptions(), { backends: [failsFinish, failsStart, healthy] });
      run.log({ a: 1 });
      run.log({ a: 2 });
      await run.finish();
      expect(healthy.series('a')).toEqual([
        [0, 1],
        [1, 2],
      ]);
      expect(healthy.outcome?.reason).toBe('finish');
      expect(failsFinish.series('a')).toHaveLength(2);
      expect(failsStart.rows).toHaveLength(0);
      const out = stderr.text();
      expect(out.match(/backend "fails-finish" failed in finish\(\): server said no/g)).toHaveLength(1);
      expect(out.match(/backend "fails-start" failed in start\(\): cannot open/g)).toHaveLength(1);
    } finally {
      stderr.restore();
    }
  });

  it('finish() returns at its timeout when a backend never resolves, naming it', async () => {
    const stderr = captureStderr();
    try {
      const stuck = new RecordingBackend('stuck', {
        flush: () => new Promise<void>(() => {}),
      });
      const healthy = new RecordingBackend('healthy');
      run = await init(testOptions(), { backends: [stuck, healthy] });
      run.log({ a: 1 });
      await run.finish({ timeoutMs: 150 });
      expect(healthy.outcome?.exitCode).toBe(0);
      expect(stuck.outcome).toBeUndefined();
      expect(stuck.series('a')).toEqual([[0, 1]]);
      expect(stderr.text()).toMatch(
        /backend "stuck" was still pending when finish\(\) reached its 150 ms timeout/,
      );
    } finally {
      stderr.restore();
    }
  });

  it('never prints the API key, even when a backend error echoes it', async () => {
    const stderr = captureStderr();
    try {
      const key = 'sk-test-0123456789abcdef';
      const leaky = new RecordingBackend('leaky', {
        write() {
          throw new Error(`401 for key ${key}`);
        },
      });
      run = await init(testOptions({ wandb: { mode: 'disabled', apiKey: key } }), { backends: [leaky] });
      run.log({ a: 1 });
      await run.finish();
      expect(stderr.text()).toMatch(/backend "leaky" failed in write\(\): 401 for key \*\*\*/);
      expect(stderr.text()).not.toContain(key);
    } finally {
      stderr.restore();
    }
  });
});
