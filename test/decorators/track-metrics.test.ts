import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCurrentHandle } from '../../src/core/current.js';
import { histogram } from '../../src/core/values.js';
import { Priority, Profiled, TrackMetrics, decorationsOf } from '../../src/decorators/index.js';
import { FakeRun } from '../helpers/fake-run.js';

let run: FakeRun;

beforeEach(() => {
  run = new FakeRun();
  setCurrentHandle(run);
});

afterEach(() => {
  setCurrentHandle(null);
});

/** What the decorators warned through the run's logger. */
function warnings(): string[] {
  return run.output;
}

class Trainer {
  globalStep = 10;
  epoch = 2;
  private readonly loss = 0.25;

  @TrackMetrics()
  plain(): { loss: number; accuracy: number } {
    return { loss: this.loss, accuracy: 0.5 };
  }

  @TrackMetrics({ prefix: 'training', every: 5, step: 'globalStep' })
  stepped(): Record<string, number> {
    this.globalStep++;
    return { loss: this.loss };
  }

  @TrackMetrics({ prefix: 'eval', step: (t: Trainer) => t.epoch * 100 })
  evaluate(): Record<string, number> {
    return { accuracy: 0.75 };
  }

  @TrackMetrics({ step: 'missingStep' })
  noSuchStep(): Record<string, number> {
    return { loss: 1 };
  }

  @TrackMetrics({ prefix: 'training' })
  async asyncStep(): Promise<Record<string, number>> {
    await new Promise((resolve) => setImmediate(resolve));
    return { loss: 0.125 };
  }

  @TrackMetrics()
  async failingStep(error: Error): Promise<Record<string, number>> {
    await Promise.resolve();
    throw error;
  }

  @TrackMetrics()
  mixed(): object {
    return {
      loss: 0.5,
      predictions: [1, 2],
      label: 'cat',
      nested: { grad_norm: 3, tensor: new Map() },
      done: true,
    };
  }

  @TrackMetrics()
  rich(): object {
    return { weights: histogram([1, 2, 3], { bins: 2 }), steps: 3n };
  }

  @TrackMetrics()
  nothing(value: unknown): unknown {
    return value;
  }

  @Priority('high')
  @TrackMetrics({ prefix: 'training' })
  priorityAbove(): Record<string, number> {
    return { loss: 1 };
  }

  @TrackMetrics({ prefix: 'training' })
  @Priority('low')
  priorityBelow(): Record<string, number> {
    return { memory: 2 };
  }

  @Priority('medium')
  @Profiled()
  @TrackMetrics()
  allThree(): Record<string, number> {
    return { loss: 3 };
  }

  @Priority('high')
  priorityAlone(): Record<string, number> {
    return { loss: 4 };
  }

  @TrackMetrics({ prefix: 'io' })
  @Priority('low')
  onMetrics = (loss: number): Record<string, number> => ({ loss });

  @TrackMetrics({ step: 'globalStep' })
  detachedMetrics = (loss: number): Record<string, number> => ({ loss });
}

describe('@TrackMetrics', () => {
  it('logs the returned metrics and returns the identical object', () => {
    const trainer = new Trainer();
    const result = trainer.plain();
    expect(result).toEqual({ loss: 0.25, accuracy: 0.5 });
    expect(run.logs).toEqual([{ metrics: { loss: 0.25, accuracy: 0.5 }, options: {} }]);
    expect(trainer.plain()).not.toBe(result);
    expect(run.step).toBe(2);
  });

  it('passes prefix and every, and reads the step from a property after the call', () => {
    const trainer = new Trainer();
    trainer.stepped();
    expect(run.logs).toEqual([
      { metrics: { loss: 0.25 }, options: { prefix: 'training', every: 5, step: 11 } },
    ]);
  });

  it('reads the step from a function of this', () => {
    new Trainer().evaluate();
    expect(run.logs[0]).toEqual({ metrics: { accuracy: 0.75 }, options: { prefix: 'eval', step: 200 } });
  });

  it('logs at the run step and warns once when the step property is not a number', () => {
    const trainer = new Trainer();
    trainer.noSuchStep();
    trainer.noSuchStep();
    expect(run.logs.map((l) => l.options)).toEqual([{}, {}]);
    expect(warnings().filter((w) => w.includes('this.missingStep is undefined'))).toHaveLength(1);
  });

  it('reads the step of an arrow-function field from its instance, even when called detached', () => {
    const trainer = new Trainer();
    const { detachedMetrics } = trainer;
    detachedMetrics(0.75);
    expect(run.logs).toEqual([{ metrics: { loss: 0.75 }, options: { step: 10 } }]);
  });

  it('logs what an async method resolves to, after it resolved', async () => {
    const pending = new Trainer().asyncStep();
    expect(run.logs).toHaveLength(0);
    expect(await pending).toEqual({ loss: 0.125 });
    expect(run.logs).toEqual([{ metrics: { loss: 0.125 }, options: { prefix: 'training' } }]);
  });

  it('passes a rejection through untouched and logs nothing', async () => {
    const error = new Error('diverged');
    await expect(new Trainer().failingStep(error)).rejects.toBe(error);
    expect(run.logs).toHaveLength(0);
  });

  it('logs only the metric fields of a mixed object and warns once naming the others', () => {
    const trainer = new Trainer();
    const result = trainer.mixed();
    trainer.mixed();
    expect((result as { predictions: number[] }).predictions).toEqual([1, 2]);
    expect(run.logs[0]?.metrics).toEqual({ loss: 0.5, nested: { grad_norm: 3 }, done: true });
    const skipped = warnings().filter((w) => w.includes('not metrics'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toContain('predictions (Array), label (string), nested/tensor (Map)');
    expect(skipped[0]).toMatch(/^trainscope: warning: @TrackMetrics \w+\.mixed/);
  });

  it('passes rich values and bigint fields to the run', () => {
    new Trainer().rich();
    const metrics = run.logs[0]?.metrics as { weights: { kind: string; counts: number[] }; steps: bigint };
    expect(metrics.weights.kind).toBe('histogram');
    expect(metrics.weights.counts).toEqual([1, 2]);
    expect(metrics.steps).toBe(3n);
  });

  it.each([
    ['undefined', undefined],
    ['number', 0.5],
    ['string', 'loss=0.5'],
    ['Array', [0.5]],
    ['null', null],
    ['object', {}],
  ])('does not log a %s return value, returns it unchanged and warns once per method', (type, value) => {
    const trainer = new Trainer();
    expect(trainer.nothing(value)).toBe(value);
    expect(trainer.nothing(value)).toBe(value);
    expect(run.logs).toHaveLength(0);
    const nonMetric = warnings().filter((w) => w.includes('not an object of metrics'));
    // One warning per method per run: each case has its own run, so each prints once.
    expect(nonMetric).toHaveLength(1);
    expect(nonMetric[0]).toMatch(new RegExp(`returned ${type},`, 'i'));
  });

  it('calls straight through without an active run', () => {
    setCurrentHandle(null);
    expect(new Trainer().plain()).toEqual({ loss: 0.25, accuracy: 0.5 });
    expect(run.logs).toHaveLength(0);
  });

  it('rejects bad options when the class is defined', () => {
    expect(() => TrackMetrics({ every: 0 })).toThrow(/@TrackMetrics: every must be an integer of at least 1/);
    expect(() => TrackMetrics({ step: 3 as unknown as string })).toThrow(/@TrackMetrics: step must be/);
    expect(() => Priority('urgent' as 'high')).toThrow(
      /@Priority: priority must be 'high', 'medium' or 'low'/,
    );
  });
});

describe('@Priority', () => {
  it('applies above and below @TrackMetrics, with @Profiled in between, and on fields', () => {
    const trainer = new Trainer();
    trainer.priorityAbove();
    trainer.priorityBelow();
    trainer.allThree();
    trainer.onMetrics(9);
    expect(run.logs.map((l) => l.options)).toEqual([
      { prefix: 'training', priority: 'high' },
      { prefix: 'training', priority: 'low' },
      { priority: 'medium' },
      { prefix: 'io', priority: 'low' },
    ]);
    expect(run.spanNames()).toEqual(['Trainer.allThree']);
  });

  it('alone leaves the method unwrapped and records the priority in metadata', () => {
    const original = Object.getOwnPropertyDescriptor(Trainer.prototype, 'priorityAlone')?.value as Function;
    expect(original.toString()).toContain('return { loss: 4 }');
    expect(new Trainer().priorityAlone()).toEqual({ loss: 4 });
    expect(run.logs).toHaveLength(0);
    expect(decorationsOf(Trainer)?.priorityAlone).toEqual({ priority: 'high' });
    expect(decorationsOf(Trainer)?.allThree).toEqual({
      priority: 'medium',
      profiled: { name: undefined, category: 'default' },
      trackMetrics: { prefix: undefined, every: undefined, step: undefined },
    });
  });
});

describe('@TrackMetrics with a return value that throws when read (issue 12)', () => {
  class Odd {
    @TrackMetrics()
    getterThrows(): Record<string, unknown> {
      return {
        loss: 0.5,
        get boom(): number {
          throw new Error('x');
        },
        acc: 0.9,
      };
    }

    @TrackMetrics()
    proxy(): Record<string, unknown> {
      return new Proxy(
        {},
        {
          ownKeys() {
            throw new Error('trap');
          },
        },
      );
    }
  }

  it('keeps the other values, warns once, and returns the value to the trainer', () => {
    const odd = new Odd();
    expect(() => odd.getterThrows()).not.toThrow();
    odd.getterThrows();
    expect(run.logs.map((l) => l.metrics)).toEqual([
      { loss: 0.5, acc: 0.9 },
      { loss: 0.5, acc: 0.9 },
    ]);
    expect(warnings().filter((w) => w.includes('boom (its getter threw)'))).toHaveLength(1);
  });

  it('a Proxy whose traps throw logs nothing, warns once, and never throws', () => {
    const odd = new Odd();
    expect(() => odd.proxy()).not.toThrow();
    expect(run.logs).toEqual([]);
    expect(warnings().filter((w) => w.includes('could not be read (Error: trap)'))).toHaveLength(1);
  });
});
