import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCurrentHandle } from '../../src/core/current.js';
import { instrument, profileOperation, profiled } from '../../src/decorators/index.js';
import { FakeRun } from '../helpers/fake-run.js';

let run: FakeRun;

beforeEach(() => {
  run = new FakeRun();
  setCurrentHandle(run);
});

afterEach(() => setCurrentHandle(null));

describe('profiled()', () => {
  it('wraps a sync function: same result, same this, name and length, one span', () => {
    function tokenize(this: { sep: string } | undefined, text: string, limit: number): string[] {
      return text.split(this?.sep ?? ' ').slice(0, limit);
    }
    const wrapped = profiled(tokenize, { category: 'data' });
    expect(wrapped.name).toBe('tokenize');
    expect(wrapped.length).toBe(2);
    expect(wrapped.call({ sep: ',' }, 'a,b,c', 2)).toEqual(['a', 'b']);
    expect(run.spans.map((s) => [s.operation, s.category, s.failed])).toEqual([['tokenize', 'data', false]]);
  });

  it('wraps async and generator functions and an anonymous arrow', async () => {
    const load = profiled(async (n: number) => n * 2, { name: 'load' });
    const gen = profiled(function* count() {
      yield 1;
      yield 2;
    });
    expect(await load(4)).toBe(8);
    expect([...gen()]).toEqual([1, 2]);
    expect(profiled(() => 5)()).toBe(5);
    expect(run.spanNames()).toEqual(['load', 'count', 'anonymous']);
  });

  it('rethrows the identical error and marks the span failed', () => {
    const error = new TypeError('shape mismatch');
    const wrapped = profiled(
      () => {
        throw error;
      },
      { name: 'matmul' },
    );
    expect(() => wrapped()).toThrow(error);
    expect(run.spans[0]).toMatchObject({ operation: 'matmul', failed: true });
  });
});

describe('instrument()', () => {
  class Model {
    weight = 3;
    predict(x: number): number {
      return x * this.weight;
    }
    async trainStep(): Promise<{ loss: number }> {
      return { loss: 1 / this.weight };
    }
    static build(): Model {
      return new Model();
    }
  }

  it('wraps a prototype method for all instances and restores it', () => {
    const original = Model.prototype.predict;
    const restore = instrument(Model.prototype, 'predict', { category: 'compute' });
    expect(new Model().predict(2)).toBe(6);
    expect(Model.prototype.predict).not.toBe(original);
    restore();
    expect(Model.prototype.predict).toBe(original);
    new Model().predict(1);
    expect(run.spans.map((s) => [s.operation, s.category])).toEqual([['Model.predict', 'compute']]);
  });

  it('wraps one instance only, with tracking and priority', async () => {
    const model = new Model();
    const restore = instrument(model, 'trainStep', {
      name: 'train_step',
      track: { prefix: 'training' },
      priority: 'high',
    });
    expect(await model.trainStep()).toEqual({ loss: 1 / 3 });
    await new Model().trainStep();
    expect(run.spanNames()).toEqual(['train_step']);
    expect(run.logs).toEqual([
      { metrics: { loss: 1 / 3 }, options: { prefix: 'training', priority: 'high' } },
    ]);
    restore();
    expect(Object.hasOwn(model, 'trainStep')).toBe(false);
  });

  it('wraps static methods', () => {
    const restore = instrument(Model, 'build');
    expect(Model.build()).toBeInstanceOf(Model);
    restore();
    expect(run.spanNames()).toEqual(['Model.build']);
  });

  it('refuses to instrument the same method twice until restored', () => {
    const restore = instrument(Model.prototype, 'predict');
    expect(() => instrument(Model.prototype, 'predict')).toThrow(/already instrumented/);
    expect(() => instrument(new Model(), 'predict')).toThrow(/already instrumented/);
    restore();
    instrument(Model.prototype, 'predict')();
  });

  it('throws a clear error for a missing method or bad options', () => {
    expect(() => instrument(new Model(), 'weight')).toThrow(
      /instrument\(Model, weight\): weight is not a method/,
    );
    expect(() => instrument(Model.prototype, 'predict', { track: { every: -1 } })).toThrow(
      /every must be an integer/,
    );
  });
});

describe('profileOperation()', () => {
  it('records a span around a sync block and returns its result', () => {
    expect(profileOperation('data_loading', 'io', () => 42)).toBe(42);
    expect(profileOperation('data_loading', 'io', () => 43)).toBe(43);
    expect(run.spans.map((s) => [s.operation, s.category, s.failed])).toEqual([
      ['data_loading', 'io', false],
      ['data_loading', 'io', false],
    ]);
  });

  it('times an async block to settlement and passes rejections through', async () => {
    expect(await profileOperation('forward', 'compute', async () => 'logits')).toBe('logits');
    const error = new Error('oom');
    await expect(
      profileOperation('backward', 'compute', async () => {
        throw error;
      }),
    ).rejects.toBe(error);
    expect(run.spans.map((s) => [s.operation, s.failed])).toEqual([
      ['forward', false],
      ['backward', true],
    ]);
  });

  it('rethrows a sync error and without a run just calls fn', () => {
    const error = new Error('x');
    expect(() =>
      profileOperation('step', 'default', () => {
        throw error;
      }),
    ).toThrow(error);
    expect(run.spans[0]).toMatchObject({ operation: 'step', failed: true });
    setCurrentHandle(null);
    expect(profileOperation('step', 'default', () => 1)).toBe(1);
    expect(run.spans).toHaveLength(1);
  });
});
