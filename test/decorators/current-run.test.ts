import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCurrentHandle } from '../../src/core/current.js';
import { TrackMetrics, rankZeroOnly } from '../../src/decorators/index.js';
import { FakeRun } from '../helpers/fake-run.js';

/** Decorators act through the current run: they warn through its logger and read its rank. */

const SECRET = 'sk-live-0123456789abcdef';

class Trainer {
  @TrackMetrics()
  summary(): unknown {
    return 'loss=0.5';
  }

  @TrackMetrics({
    step: () => {
      throw new Error(`token ${SECRET} rejected`);
    },
  })
  leaky(): { loss: number } {
    return { loss: 0.5 };
  }
}

let stderr: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  setCurrentHandle(null);
  stderr.mockRestore();
});

describe("decorator warnings go through the current run's logger", () => {
  it("print once per run in the logger's format, and nothing on stderr", () => {
    const run = new FakeRun();
    setCurrentHandle(run);
    new Trainer().summary();
    new Trainer().summary();
    expect(run.output).toEqual([
      'trainscope: warning: @TrackMetrics Trainer.summary returned string, not an object of metrics, so nothing ' +
        'was logged; return e.g. {loss, accuracy}',
    ]);
    expect(stderr).not.toHaveBeenCalled();
  });

  it("follow the run's log level: at 'error' the warning is counted, not printed", () => {
    const run = new FakeRun({ logLevel: 'error' });
    setCurrentHandle(run);
    new Trainer().summary();
    new Trainer().summary();
    expect(run.output).toEqual([]);
    expect(run.logger.repeatedWarnings.get('decorators:track-metrics-result:Trainer.summary')).toBe(2);
    expect(stderr).not.toHaveBeenCalled();
  });

  it("are scrubbed of the run's secrets", () => {
    const run = new FakeRun({ secrets: [SECRET] });
    setCurrentHandle(run);
    new Trainer().leaky();
    expect(run.logs).toEqual([{ metrics: { loss: 0.5 }, options: {} }]);
    expect(run.output).toEqual([
      "trainscope: warning: @TrackMetrics Trainer.leaky: the step function threw (Error: token *** rejected); logged at the run's step instead",
    ]);
    expect(run.output.join('\n')).not.toContain(SECRET);
  });

  it('at decoration time, go to the active run when there is one', () => {
    const run = new FakeRun();
    setCurrentHandle(run);
    class Model {
      // @ts-expect-error getters are rejected by the decorator's type too
      @TrackMetrics()
      get size(): number {
        return 3;
      }
    }
    expect(new Model().size).toBe(3);
    expect(run.output).toEqual([
      'trainscope: warning: @TrackMetrics on a getter is ignored: decorate methods or function-valued fields',
    ]);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('without a run, go to stderr in the same format, once per process', () => {
    const make = () => {
      class Model {
        // @ts-expect-error setters are rejected by the decorator's type too
        @TrackMetrics()
        set size(_value: number) {}
      }
      return Model;
    };
    make();
    make();
    expect(stderr.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      'trainscope: warning: @TrackMetrics on a setter is ignored: decorate methods or function-valued fields\n',
    ]);
  });
});

describe("rankZeroOnly reads the current run's rank", () => {
  it('calls fn on rank 0 and skips it on rank 1', () => {
    let calls = 0;
    const save = rankZeroOnly(() => ++calls);
    setCurrentHandle(new FakeRun({ rank: 1 }));
    expect(save()).toBeUndefined();
    setCurrentHandle(new FakeRun({ rank: 0 }));
    expect(save()).toBe(1);
    expect(calls).toBe(1);
  });
});
