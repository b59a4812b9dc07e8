import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCurrentHandle } from '../../src/core/current.js';
import { Profiled, TRAINSCOPE_METADATA, decorationsOf } from '../../src/decorators/index.js';
import { FakeRun, type RecordedSpan } from '../helpers/fake-run.js';

function activate(run = new FakeRun()): FakeRun {
  setCurrentHandle(run);
  return run;
}

afterEach(() => setCurrentHandle(null));

class Trainer {
  scale = 2;
  readonly seen: unknown[] = [];

  @Profiled()
  forward(x: number): number {
    this.seen.push(this);
    return x * this.scale;
  }

  @Profiled('backward-pass', { category: 'compute' })
  backward(): string {
    return 'grads';
  }

  @Profiled({ category: 'io' })
  async loadBatch(n: number): Promise<number[]> {
    await new Promise((resolve) => setImmediate(resolve));
    return [n, n + 1];
  }

  @Profiled
  bare(): number {
    return 7;
  }

  @Profiled()
  promiseReturning(): Promise<string> {
    return Promise.resolve('plain promise');
  }

  @Profiled()
  fails(error: Error): number {
    throw error;
  }

  @Profiled()
  async rejects(error: Error): Promise<number> {
    await Promise.resolve();
    throw error;
  }

  @Profiled()
  async *batches(n: number): AsyncGenerator<number, string> {
    for (let i = 0; i < n; i++) {
      await Promise.resolve();
      yield i * this.scale;
    }
    return 'done';
  }

  @Profiled()
  async *brokenBatches(error: Error): AsyncGenerator<number> {
    yield 1;
    throw error;
  }

  @Profiled()
  *tokens(): Generator<string, number> {
    yield 'a';
    yield 'b';
    return 2;
  }

  @Profiled()
  list(): number[] {
    return this.fixedList;
  }
  readonly fixedList = [1, 2, 3];

  @Profiled()
  static create<T>(this: new () => T): T {
    return new this();
  }

  static selfOfStatic(): unknown {
    // biome-ignore lint/complexity/noThisInStatic: naming the class here would make esbuild rename it (`_Trainer`)
    return this.staticThis();
  }

  @Profiled()
  static staticThis(this: unknown): unknown {
    // biome-ignore lint/complexity/noThisInStatic: the test checks what `this` a static method receives
    return this;
  }

  @Profiled()
  #secret(x: number): number {
    return x + this.scale;
  }

  callSecret(x: number): number {
    return this.#secret(x);
  }

  @Profiled()
  onBatch = (x: number): number => x * this.scale;
}

class FineTuner extends Trainer {
  override scale = 3;
}

describe('@Profiled (standard decorators)', () => {
  it('records one span per sync call, keeps the call sync, `this` and the return value', () => {
    const run = activate();
    const trainer = new Trainer();
    const result = trainer.forward(21);
    expect(result).toBe(42);
    expect(trainer.seen[0]).toBe(trainer);
    expect(run.spans).toHaveLength(1);
    const span = run.spans[0]!;
    expect(span).toMatchObject({ operation: 'Trainer.forward', category: 'default', failed: false });
    expect(span.durationNs).toBeGreaterThanOrEqual(0n);
    expect(span.startNs).toBeGreaterThan(0n);
  });

  it('uses an explicit name, category and the bare form', () => {
    const run = activate();
    const trainer = new Trainer();
    expect(trainer.backward()).toBe('grads');
    expect(trainer.bare()).toBe(7);
    expect(run.spans.map((s) => [s.operation, s.category])).toEqual([
      ['backward-pass', 'compute'],
      ['Trainer.bare', 'default'],
    ]);
  });

  it('keeps name and length of the method', () => {
    // esbuild renames self-referencing classes (`_Trainer`) unless keepNames is on: this one must not be renamed.
    expect(Trainer.name).toBe('Trainer');
    expect(Trainer.prototype.forward.name).toBe('forward');
    expect(Trainer.prototype.forward.length).toBe(1);
  });

  it('times an async method to its settlement', async () => {
    const run = activate();
    const pending = new Trainer().loadBatch(5);
    expect(pending).toBeInstanceOf(Promise);
    expect(run.spans).toHaveLength(0);
    expect(await pending).toEqual([5, 6]);
    expect(run.spans).toHaveLength(1);
    expect(run.spans[0]).toMatchObject({ operation: 'Trainer.loadBatch', category: 'io', failed: false });
  });

  it('records one span per call for overlapping async calls', async () => {
    const run = activate();
    const trainer = new Trainer();
    const results = await Promise.all([trainer.loadBatch(1), trainer.loadBatch(3)]);
    expect(results).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(run.spanNames()).toEqual(['Trainer.loadBatch', 'Trainer.loadBatch']);
    // Both calls started before either ended: each span covers its own call only.
    const [a, b] = run.spans as [RecordedSpan, RecordedSpan];
    const [aEnd, bEnd] = [a.startNs + a.durationNs, b.startNs + b.durationNs];
    expect(a.startNs).toBeLessThan(bEnd);
    expect(b.startNs).toBeLessThan(aEnd);
    expect(a.startNs).not.toBe(b.startNs);
  });

  it('times a promise-returning non-async method (detected by result)', async () => {
    const run = activate();
    await expect(new Trainer().promiseReturning()).resolves.toBe('plain promise');
    expect(run.spanNames()).toEqual(['Trainer.promiseReturning']);
  });

  it('marks a throwing call failed and rethrows the identical error', () => {
    const run = activate();
    const error = new RangeError('bad batch');
    let caught: unknown;
    try {
      new Trainer().fails(error);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(error);
    expect(run.spans).toHaveLength(1);
    expect(run.spans[0]).toMatchObject({ operation: 'Trainer.fails', failed: true });
  });

  it('marks a rejected promise failed and rejects with the identical error', async () => {
    const run = activate();
    const error = new Error('nan loss');
    const caught = await new Trainer().rejects(error).catch((e: unknown) => e);
    expect(caught).toBe(error);
    expect(run.spans[0]).toMatchObject({ operation: 'Trainer.rejects', failed: true });
  });

  it('times an async generator over its whole iteration', async () => {
    const run = activate();
    const iterator = new Trainer().batches(3);
    expect(run.spans).toHaveLength(0);
    const values: number[] = [];
    let result = await iterator.next();
    while (!result.done) {
      values.push(result.value);
      expect(run.spans).toHaveLength(0);
      result = await iterator.next();
    }
    expect(values).toEqual([0, 2, 4]);
    expect(result.value).toBe('done');
    expect(run.spans).toHaveLength(1);
    expect(run.spans[0]).toMatchObject({ operation: 'Trainer.batches', failed: false });
  });

  it('ends an async generator span on early break, and marks a throwing one failed', async () => {
    const run = activate();
    for await (const value of new Trainer().batches(10)) {
      if (value >= 2) break;
    }
    expect(run.spans.map((s) => [s.operation, s.failed])).toEqual([['Trainer.batches', false]]);
    const error = new Error('corrupt shard');
    const seen: number[] = [];
    const caught = await (async () => {
      for await (const value of new Trainer().brokenBatches(error)) seen.push(value);
    })().catch((e: unknown) => e);
    expect(caught).toBe(error);
    expect(seen).toEqual([1]);
    expect(run.spans[1]).toMatchObject({ operation: 'Trainer.brokenBatches', failed: true });
  });

  it('times a sync generator over its iteration and keeps its return value', () => {
    const run = activate();
    const iterator = new Trainer().tokens();
    expect(iterator.next()).toEqual({ value: 'a', done: false });
    expect(iterator.next()).toEqual({ value: 'b', done: false });
    expect(run.spans).toHaveLength(0);
    expect(iterator.next()).toEqual({ value: 2, done: true });
    expect(run.spanNames()).toEqual(['Trainer.tokens']);
  });

  it('returns iterables that are not generators (arrays) unchanged', () => {
    const run = activate();
    const trainer = new Trainer();
    expect(trainer.list()).toBe(trainer.fixedList);
    expect(run.spanNames()).toEqual(['Trainer.list']);
  });

  it('profiles static methods with the class as `this`', () => {
    const run = activate();
    expect(Trainer.create()).toBeInstanceOf(Trainer);
    expect(Trainer.selfOfStatic()).toBe(Trainer);
    expect(run.spanNames()).toEqual(['Trainer.create', 'Trainer.staticThis']);
  });

  it('profiles #private methods and arrow-function fields', () => {
    const run = activate();
    const trainer = new Trainer();
    expect(trainer.callSecret(1)).toBe(3);
    const { onBatch } = trainer;
    expect(onBatch(5)).toBe(10);
    expect(run.spanNames()).toEqual(['Trainer.#secret', 'Trainer.onBatch']);
  });

  it('names inherited methods after the declaring class', () => {
    const run = activate();
    const tuner = new FineTuner();
    expect(tuner.forward(2)).toBe(6);
    expect(tuner.onBatch(2)).toBe(6);
    expect(run.spanNames()).toEqual(['Trainer.forward', 'Trainer.onBatch']);
  });

  it('samples the heap on every memorySampleEvery-th call only', () => {
    const run = activate(new FakeRun({ memorySampleEvery: 3 }));
    const trainer = new Trainer();
    for (let i = 0; i < 7; i++) trainer.bare();
    expect(run.spans.map((s) => Number.isFinite(s.heapDelta))).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('calls straight through, reading no clock, without an active run or without a profiler', () => {
    const trainer = new Trainer();
    const clock = vi.spyOn(process.hrtime, 'bigint');
    try {
      setCurrentHandle(null);
      expect(trainer.forward(1)).toBe(2);
      const run = activate(new FakeRun({ profiler: false }));
      expect(trainer.forward(2)).toBe(4);
      expect(run.spans).toHaveLength(0);
      expect(run.logs).toHaveLength(0);
      expect(clock).not.toHaveBeenCalled();
    } finally {
      clock.mockRestore();
    }
  });

  it('warns once (before any run: through the process logger on stderr) and leaves getters undecorated', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      class Model {
        // @ts-expect-error getters are rejected by the decorator's type too
        @Profiled()
        get size(): number {
          return 3;
        }
      }
      class Other {
        // @ts-expect-error getters are rejected by the decorator's type too
        @Profiled()
        get size(): number {
          return 4;
        }
      }
      const run = activate();
      expect(new Model().size + new Other().size).toBe(7);
      expect(run.spans).toHaveLength(0);
      expect(stderr.mock.calls.map((c) => c[0])).toEqual([
        'trainscope: warning: @Profiled on a getter is ignored: decorate methods or function-valued fields\n',
      ]);
      expect(run.output).toEqual([]);
    } finally {
      stderr.mockRestore();
    }
  });

  it('mirrors its options into the class decorator metadata', () => {
    const table = decorationsOf(Trainer);
    expect(table?.backward).toEqual({ profiled: { name: 'backward-pass', category: 'compute' } });
    expect(table?.forward).toEqual({ profiled: { name: undefined, category: 'default' } });
    const metadata = (Trainer as unknown as Record<symbol, Record<symbol, unknown>>)[
      Symbol.for('Symbol.metadata')
    ];
    expect(metadata?.[TRAINSCOPE_METADATA]).toBe(table);
  });

  it('rejects bad options when the class is defined', () => {
    expect(() => Profiled({ category: '' })).toThrow(/@Profiled: category must be a non-empty string/);
    expect(() => Profiled('')).toThrow(/@Profiled: name must be a non-empty string/);
  });
});

describe('a profiled span never includes trainscope’s own logging (issue 12)', () => {
  /** A run whose log() takes 20 ms: any span that includes it is at least that long. */
  function slowLoggingRun(): FakeRun {
    const slow = new FakeRun();
    const log = slow.log.bind(slow);
    slow.log = (metrics, options) => {
      const until = performance.now() + 20;
      while (performance.now() < until) {
        // busy: the cost of logging as the caller pays it
      }
      log(metrics, options);
    };
    setCurrentHandle(slow);
    return slow;
  }

  it('@Profiled written above @TrackMetrics times the method only; the metrics are still logged', async () => {
    const { TrackMetrics } = await import('../../src/decorators/index.js');
    class Trainer {
      @Profiled('outer')
      @TrackMetrics()
      step(): { loss: number } {
        return { loss: 1 };
      }
    }
    const slow = slowLoggingRun();
    expect(new Trainer().step()).toEqual({ loss: 1 });
    expect(slow.logs.map((l) => l.metrics)).toEqual([{ loss: 1 }]);
    expect(slow.spans.map((s) => s.operation)).toEqual(['outer']);
    expect(slow.spans[0]!.durationNs).toBeLessThan(10_000_000n);
  });

  it('instrument(obj, m, {track}) times the method only', async () => {
    const { instrument } = await import('../../src/decorators/index.js');
    const trainer = { step: (): { loss: number } => ({ loss: 2 }) };
    const slow = slowLoggingRun();
    instrument(trainer, 'step', { name: 'instrumented', track: {} });
    expect(trainer.step()).toEqual({ loss: 2 });
    expect(slow.logs.map((l) => l.metrics)).toEqual([{ loss: 2 }]);
    expect(slow.spans.map((s) => s.operation)).toEqual(['instrumented']);
    expect(slow.spans[0]!.durationNs).toBeLessThan(10_000_000n);
  });
});
