import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { readEventFile } from '../../../src/trackers/tensorboard/event-file-reader.js';
import { tempRoot } from '../../helpers/child-process.js';

const { dir, cleanup } = tempRoot('trainscope-wake-');
afterAll(() => cleanup());

/** Steps of `tag` in the run's event file so far (each record is written as soon as the writer drains it). */
function stepsOf(logDir: string, tag: string): number[] {
  const file = readdirSync(logDir, { recursive: true, encoding: 'utf8' }).find((f) =>
    f.includes('events.out.tfevents.'),
  );
  if (file === undefined) return [];
  const steps: number[] = [];
  for (const event of readEventFile(join(logDir, file)).events) {
    if (event.summary?.value?.some((v) => v.tag === tag)) steps.push(Number(event.step ?? 0));
  }
  return steps;
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(10);
  }
  return Date.now() - started;
}

describe('writer thread: when the writer reads the ring', () => {
  it('not after every turn of a yielding trainer: within drainIntervalMs, or at once for a batch', {
    timeout: 40_000,
  }, async () => {
    const logDir = join(dir, 'tb');
    const run = await init({
      project: 'wake',
      logLevel: 'silent',
      handleExit: false,
      // maxQueue 1: every event the writer drains is written to the file right away.
      tensorboard: { logDir, maxQueue: 1 },
      wandb: false,
      profiling: { enabled: false },
      logging: { thread: 'worker', drainIntervalMs: 4000 },
    });
    // The first log() wakes the writer at once.
    run.log({ loss: 0 }, { step: 0 });
    await waitFor(() => stepsOf(logDir, 'loss').length === 1, 10_000);
    // Time for the writer to go back to sleep with nothing to read (on a loaded machine it can be descheduled
    // between reading step 0 and checking for more; what it finds then, it reads after a 2 ms gather).
    await sleep(300);

    // A trainer that yields after every step: the writer, asleep with nothing to read, is not woken per turn.
    const logged = Date.now();
    for (let step = 1; step <= 5; step++) {
      run.log({ loss: step }, { step });
      await nextTurn();
    }
    await sleep(300);
    expect(stepsOf(logDir, 'loss')).toEqual([0]);
    // It reads them when its interval is up (4 s after it went to sleep, which was before they were logged).
    await waitFor(() => stepsOf(logDir, 'loss').length === 6, 15_000);
    expect(Date.now() - logged).toBeLessThan(4000 + 3000);
    expect(stepsOf(logDir, 'loss')).toEqual([0, 1, 2, 3, 4, 5]);

    // A batch (256 entries or more) wakes it at once, long before the interval.
    const wide: Record<string, number> = {};
    for (let i = 0; i < 300; i++) wide[`w${i}`] = i;
    run.log(wide, { step: 6 });
    const tookMs = await waitFor(() => stepsOf(logDir, 'w299').length === 1, 10_000);
    expect(tookMs).toBeLessThan(1000);
    await run.finish();
  });
});
