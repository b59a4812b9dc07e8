import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../src/init.js';
import type { Run } from '../../src/core/run.js';
import { RankZeroOnly, rankZeroOnly, resetProcessRankForTests } from '../../src/decorators/rank-zero-only.js';
import { clearLauncherEnv } from '../helpers/launcher-env.js';

// The runner's own launcher variables (a CI job under SLURM) must not leak into these tests.
let restoreEnv: () => void = () => undefined;
beforeAll(() => {
  restoreEnv = clearLauncherEnv();
});
afterAll(() => restoreEnv());

let run: Run | undefined;
const savedRank = process.env.RANK;
afterEach(async () => {
  await run?.finish();
  run = undefined;
  if (savedRank === undefined) delete process.env.RANK;
  else process.env.RANK = savedRank;
  resetProcessRankForTests();
});

async function startRank(rank: number): Promise<void> {
  run = await init({
    project: 'rzo',
    rank,
    worldSize: 2,
    tensorboard: false,
    wandb: false,
    profiling: { enabled: false },
    handleExit: false,
    logLevel: 'silent',
  });
}

describe('rankZeroOnly', () => {
  it("calls fn with this and arguments on rank 0 and returns fn's result", async () => {
    await startRank(0);
    const calls: unknown[][] = [];
    const target = { base: 10 };
    const add = rankZeroOnly(function (this: { base: number }, a: number, b: number) {
      calls.push([a, b]);
      return this.base + a + b;
    });
    expect(add.call(target, 1, 2)).toBe(13);
    expect(calls).toEqual([[1, 2]]);
  });

  it('does not call fn on another rank and returns undefined', async () => {
    await startRank(1);
    let called = 0;
    const fn = rankZeroOnly(() => ++called);
    expect(fn()).toBeUndefined();
    expect(called).toBe(0);
  });

  it("keeps fn's name and length", () => {
    const fn = rankZeroOnly(function saveCheckpoint(_path: string, _step: number) {
      return 1;
    });
    expect(fn.name).toBe('saveCheckpoint');
    expect(fn.length).toBe(2);
  });

  it('without a run, follows the launcher environment', () => {
    process.env.RANK = '3';
    resetProcessRankForTests();
    expect(rankZeroOnly(() => 'ran')()).toBeUndefined();
    process.env.RANK = '0';
    resetProcessRankForTests();
    expect(rankZeroOnly(() => 'ran')()).toBe('ran');
  });
});

describe('@RankZeroOnly', () => {
  class Trainer {
    saved: number[] = [];
    @RankZeroOnly
    save(step: number): string {
      this.saved.push(step);
      return `saved ${step}`;
    }
    @RankZeroOnly()
    report(): number {
      return this.saved.length;
    }
  }

  it('standard decorators (bare and called): runs on rank 0 only', async () => {
    await startRank(0);
    const t = new Trainer();
    expect(t.save(5)).toBe('saved 5');
    expect(t.report()).toBe(1);
    await run?.finish();
    await startRank(1);
    expect(t.save(6)).toBeUndefined();
    expect(t.report()).toBeUndefined();
    expect(t.saved).toEqual([5]);
  });

  it('legacy decorators (target, key, descriptor): replaces descriptor.value', async () => {
    await startRank(1);
    class Legacy {
      count = 0;
      bump(): number {
        return ++this.count;
      }
    }
    const descriptor = Object.getOwnPropertyDescriptor(Legacy.prototype, 'bump') as PropertyDescriptor;
    const result = (RankZeroOnly as (t: object, k: string, d: PropertyDescriptor) => PropertyDescriptor)(
      Legacy.prototype,
      'bump',
      descriptor,
    );
    Object.defineProperty(Legacy.prototype, 'bump', result);
    const instance = new Legacy();
    expect(instance.bump()).toBeUndefined();
    expect(instance.count).toBe(0);
    await run?.finish();
    await startRank(0);
    expect(instance.bump()).toBe(1);
  });

  it('refuses fields and getters with a clear error', () => {
    expect(() => RankZeroOnly(undefined as never, { kind: 'field', name: 'x' } as never)).toThrow(
      /@RankZeroOnly decorates methods; it was applied to a field/,
    );
  });
});
