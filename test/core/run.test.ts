import { afterEach, describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/core/backend.js';
import { currentHandle } from '../../src/core/current.js';
import type { ProfilerHost, RunProfiler } from '../../src/core/run-handle.js';
import { currentRun, init } from '../../src/init.js';
import type { Run } from '../../src/core/run.js';
import { histogram, table, text } from '../../src/core/values.js';
import { captureStderr, RecordingBackend, testOptions } from '../helpers/recording-backend.js';

let run: Run | undefined;
afterEach(async () => {
  await run?.finish();
  run = undefined;
});

async function start(extra: Parameters<typeof testOptions>[0] = {}): Promise<RecordingBackend> {
  const recorder = new RecordingBackend();
  run = await init(testOptions({ logLevel: 'warn', ...extra }), { backends: [recorder] });
  return recorder;
}

describe('steps', () => {
  it('log() without a step logs at run.step and advances it; commit: false does not advance', async () => {
    const recorder = await start();
    run?.log({ a: 1 });
    run?.log({ b: 2 }, { commit: false });
    run?.log({ c: 3 });
    run?.log({ d: 4 });
    expect(run?.step).toBe(3);
    expect(recorder.history()).toEqual([
      { step: 0, values: { a: 1 } },
      { step: 1, values: { b: 2 } },
      { step: 1, values: { c: 3 } },
      { step: 2, values: { d: 4 } },
    ]);
  });

  it('an explicit step sets run.step = max(run.step, step); setStep moves it', async () => {
    const recorder = await start();
    run?.log({ a: 1 }, { step: 10 });
    expect(run?.step).toBe(10);
    run?.log({ b: 2 }); // lands on 10, then advances
    expect(run?.step).toBe(11);
    run?.log({ c: 3 }, { step: 5 }); // lower explicit step: logged at 5, run.step unchanged
    expect(run?.step).toBe(11);
    run?.setStep(100);
    run?.log({ d: 4 });
    expect(recorder.history()).toEqual([
      { step: 10, values: { a: 1 } },
      { step: 10, values: { b: 2 } },
      { step: 5, values: { c: 3 } },
      { step: 100, values: { d: 4 } },
    ]);
  });

  it('a step going backwards for the same key is passed on and warned once', async () => {
    const stderr = captureStderr();
    try {
      const recorder = await start();
      run?.log({ loss: 1 }, { step: 5 });
      run?.log({ loss: 2 }, { step: 3 });
      run?.log({ loss: 3 }, { step: 2 });
      expect(recorder.series('loss')).toEqual([
        [5, 1],
        [3, 2],
        [2, 3],
      ]);
      expect(stderr.text().match(/logged at step \d+ after step 5/g)).toHaveLength(1);
    } finally {
      stderr.restore();
    }
  });

  it('fractional steps are floored, negative/NaN/non-number steps use the current step, each warned once', async () => {
    const stderr = captureStderr();
    try {
      const recorder = await start();
      run?.setStep(4);
      run?.log({ a: 1 }, { step: 7.9 });
      run?.log({ b: 2 }, { step: 2.5 });
      run?.log({ c: 3 }, { step: -1 });
      run?.log({ d: 4 }, { step: Number.NaN });
      run?.log({ e: 5 }, { step: '9' as unknown as number });
      expect(recorder.history().map((r) => r.step)).toEqual([7, 2, 7, 7, 7]);
      expect(stderr.text().match(/fractional step/g)).toHaveLength(1);
      expect(stderr.text().match(/invalid step/g)).toHaveLength(1);
    } finally {
      stderr.restore();
    }
  });
});

describe('sanitizing', () => {
  it('converts, keeps or drops each kind of value as documented, with one warning per kind', async () => {
    const stderr = captureStderr();
    try {
      const recorder = await start();
      const hist = histogram([1, 2, 3]);
      const tbl = table(['a'], [[1]]);
      run?.log({
        num: 1.5,
        nan: Number.NaN,
        inf: Number.NEGATIVE_INFINITY,
        negZero: -0,
        numericString: ' 2.5 ',
        word: 'hello',
        yes: true,
        no: false,
        big: 10n,
        huge: 2n ** 64n + 1n,
        nothing: null,
        missing: undefined,
        list: [1, 2],
        typed: new Float32Array(2),
        fn: () => 1,
        sym: Symbol('s'),
        hist,
        tbl,
        note: text('hi'),
        nested: { deep: { x: 1 }, y: false },
        '': 5,
        'ctrl\u0001key': 6,
        ['k'.repeat(1030)]: 7,
      });
      run?.log({ 'x/y': 1, x: { y: 2 } }, { prefix: 'p' }); // both map to p/x/y: last wins
      const [row, dup] = recorder.history();
      const values = row?.values ?? {};
      expect(Object.keys(values)).toEqual([
        'num',
        'nan',
        'inf',
        'negZero',
        'numericString',
        'word',
        'yes',
        'no',
        'big',
        'huge',
        'hist',
        'tbl',
        'note',
        'nested/deep/x',
        'nested/y',
        'ctrlkey',
        'k'.repeat(1024),
      ]);
      expect(values.num).toBe(1.5);
      expect(values.nan).toBeNaN();
      expect(values.inf).toBe(Number.NEGATIVE_INFINITY);
      expect(Object.is(values.negZero, -0)).toBe(true);
      expect(values.numericString).toBe(2.5);
      expect(values.word).toEqual({ kind: 'text', text: 'hello' });
      expect([values.yes, values.no]).toEqual([1, 0]);
      expect(values.big).toBe(10);
      expect(values.huge).toBe(2 ** 64);
      expect(values.hist).toBe(hist);
      expect(values.tbl).toBe(tbl);
      expect(values.note).toEqual({ kind: 'text', text: 'hi' });
      expect([values['nested/deep/x'], values['nested/y']]).toEqual([1, 0]);
      expect(values.ctrlkey).toBe(6);
      expect(values['k'.repeat(1024)]).toBe(7);
      expect(dup?.values).toEqual({ 'p/x/y': 2 });
      const out = stderr.text();
      for (const pattern of [
        /holding a number/,
        /non-numeric string/,
        /bigint that does not fit/,
        /was (null|undefined); the value was not logged/,
        /is an array.*histogram\(values\)/,
        /is a function/,
        /is a symbol/,
        /empty key/,
        /control characters/,
        /longer than 1024/,
        /appeared twice/,
      ]) {
        expect(out.match(new RegExp(pattern, 'g')) ?? [], String(pattern)).toHaveLength(1);
      }
      // typed array shares the array warning: still once
      expect(out.match(/is an array/g)).toHaveLength(1);
    } finally {
      stderr.restore();
    }
  });

  it('keeps the summary at the latest value of each key and hands it to backends', async () => {
    const recorder = await start();
    run?.log({ loss: 3, acc: 0.1 });
    run?.log({ loss: 2 });
    expect(run?.summary.get('loss')).toBe(2);
    expect(run?.summary.get('acc')).toBe(0.1);
    expect(recorder.context?.summary.get('loss')).toBe(run?.summary.get('loss'));
    await run?.finish();
    expect(recorder.outcome?.summary.get('loss')).toBe(2);
  });
});

describe('run lifecycle', () => {
  it('init() makes the run current; finish() clears it and is idempotent', async () => {
    const recorder = await start();
    expect(currentRun()).toBe(run);
    expect(currentHandle()).toBe(run);
    expect(run?.id).toMatch(/^[a-z0-9]{8}$/);
    expect(run?.name).toBe(`unit-${run?.id}`);
    expect(run?.info.rank).toBe(0);
    expect(run?.info.worldSize).toBe(1);
    const first = run?.finish({ exitCode: 2 });
    expect(run?.finish()).toBe(first);
    await first;
    expect(currentRun()).toBeNull();
    expect(currentHandle()).toBeNull();
    expect(recorder.outcome?.exitCode).toBe(2);
    expect(recorder.outcome?.reason).toBe('finish');
    expect(recorder.flushes).toBe(1);
  });

  it('a second init() finishes the active run first, with a warning', async () => {
    const stderr = captureStderr();
    try {
      const first = await start();
      const firstRun = run;
      firstRun?.log({ x: 1 });
      const second = new RecordingBackend();
      run = await init(testOptions({ name: 'second' }), { backends: [second] });
      expect(first.outcome?.exitCode).toBe(0);
      expect(first.series('x')).toEqual([[0, 1]]);
      expect(currentRun()).toBe(run);
      expect(run.name).toBe('second');
      expect(stderr.text()).toMatch(/init\(\) was called while run unit-\w+ is active; finishing it first/);
    } finally {
      stderr.restore();
    }
  });

  it('init() calls that are not awaited in between still run one after the other', async () => {
    const stderr = captureStderr();
    try {
      const a = new RecordingBackend('a');
      const b = new RecordingBackend('b');
      const first = init(testOptions({ name: 'first' }), { backends: [a] });
      const second = init(testOptions({ name: 'second' }), { backends: [b] });
      const [runA, runB] = await Promise.all([first, second]);
      run = runB;
      expect(runA.finished).toBe(true);
      expect(a.outcome?.exitCode).toBe(0);
      expect(currentRun()).toBe(runB);
    } finally {
      stderr.restore();
    }
  });

  it('values logged after finish are not lost silently: warned once', async () => {
    const stderr = captureStderr();
    try {
      await start();
      await run?.finish();
      run?.log({ x: 1 });
      run?.log({ x: 2 });
      expect(stderr.text().match(/after run .* finished/g)).toHaveLength(1);
    } finally {
      stderr.restore();
    }
  });

  it('drives the profiler: start(host), onStep, finish before backends, system rows, describe lines', async () => {
    const calls: string[] = [];
    let host: ProfilerHost | undefined;
    const profiler: RunProfiler = {
      spans: { record() {} },
      options: {} as RunProfiler['options'],
      start(h) {
        host = h;
        calls.push('start');
      },
      onStep(step) {
        calls.push(`step ${step}`);
      },
      async finish() {
        calls.push('finish');
        host?.log({ 'profiling/final': 42 }, { commit: false });
      },
      describe: () => ['bottleneck table here'],
    };
    const recorder = new RecordingBackend('rec', {
      async finish() {
        calls.push('backend finish');
      },
    });
    const stderr = captureStderr();
    try {
      run = await init(testOptions({ logLevel: 'info', profiling: { enabled: true, reportEverySteps: 0 } }), {
        backends: [recorder],
        profiler,
      });
      expect(run.profiler).toBe(profiler);
      run.log({ loss: 1 });
      run.log({ loss: 2 }, { step: 5 });
      host?.logSystem({ cpu_percent: 12.5 });
      host?.logSystem({ cpu_percent: 13.5 });
      await run.finish();
      expect(calls).toEqual(['start', 'step 1', 'step 5', 'finish', 'backend finish']);
      // System samples are stepped by seconds since the start, strictly increasing (not the training step).
      const system = recorder.rows.filter((r) => r.channel === 'system');
      expect(system.map((r) => [r.step, r.keys, r.values])).toEqual([
        [0, ['cpu_percent'], [12.5]],
        [1, ['cpu_percent'], [13.5]],
      ]);
      expect(recorder.series('profiling/final')).toEqual([[5, 42]]);
      const self = recorder.rows.at(-1);
      expect(self?.keys).toContain('trainscope/log_calls');
      expect(self?.keys).toContain('trainscope/rec/bytes_written');
      expect(stderr.text()).toMatch(/profiler: bottleneck table here/);
      expect(stderr.text()).toMatch(/rec: recorded \d+ rows/);
    } finally {
      stderr.restore();
    }
  });

  it('reports self-metrics every profiling.reportEverySteps steps under trainscope/', async () => {
    const recorder = await start({ profiling: { enabled: true, reportEverySteps: 10 } });
    for (let i = 0; i < 25; i++) run?.log({ loss: i });
    const steps = recorder.series('trainscope/queue_depth').map(([s]) => s);
    expect(steps).toEqual([10, 20]);
    await run?.finish();
    const final = recorder.series('trainscope/log_calls');
    expect(final.at(-1)).toEqual([24, 25]);
  });
});

describe('outcome', () => {
  it('passes exit code and reason to backends', async () => {
    let outcome: RunOutcome | undefined;
    const recorder = new RecordingBackend('r', {
      async finish(o) {
        outcome = o;
      },
    });
    run = await init(testOptions(), { backends: [recorder] });
    await run.finish({ exitCode: 7 });
    expect(outcome).toMatchObject({ exitCode: 7, reason: 'finish' });
  });
});

describe('odd values never reach the trainer (issue 12)', () => {
  it('steps must be safe integers: 2^60 is replaced by the current step with one warning, later rows keep theirs', async () => {
    const stderr = captureStderr();
    try {
      const recorder = await start();
      run?.log({ a: 1 });
      run?.log({ b: 2 }, { step: 2 ** 60 });
      run?.log({ c: 3 }, { step: Number.MAX_SAFE_INTEGER + 2 });
      run?.log({ d: 4 });
      run?.setStep(2 ** 60);
      run?.log({ e: 5 });
      expect(run?.step).toBe(3);
      expect(recorder.history().map((r) => r.step)).toEqual([0, 1, 1, 1, 2]);
      expect(stderr.text().match(/invalid step \(1152921504606847000\)/g)).toHaveLength(1);
      expect(stderr.text().match(/setStep\(\) needs/g)).toHaveLength(1);
      run?.log({ f: 6 }, { step: Number.MAX_SAFE_INTEGER });
      expect(run?.step).toBe(Number.MAX_SAFE_INTEGER);
    } finally {
      stderr.restore();
    }
  });

  it('a throwing getter in log() is warned once; the other values, nested ones too, are logged', async () => {
    const stderr = captureStderr();
    try {
      const recorder = await start();
      const metrics = {
        before: 1,
        get boom(): number {
          throw new Error('x');
        },
        nested: {
          ok: 2,
          get bad(): number {
            throw new Error('y');
          },
        },
        after: 3,
      };
      expect(() => run?.log(metrics)).not.toThrow();
      run?.log(metrics);
      const proxy = new Proxy(
        {},
        {
          ownKeys() {
            throw new Error('trap');
          },
        },
      );
      expect(() => run?.log(proxy)).not.toThrow();
      expect(recorder.history()).toEqual([
        { step: 0, values: { before: 1, 'nested/ok': 2, after: 3 } },
        { step: 1, values: { before: 1, 'nested/ok': 2, after: 3 } },
      ]);
      expect(stderr.text().match(/reading metric "boom" threw \(x\)/g)).toHaveLength(1);
      expect(stderr.text().match(/log\(\) could not read its arguments \(trap\)/g)).toHaveLength(1);
    } finally {
      stderr.restore();
    }
  });
});

describe('self-measurement counts what the caller pays (issue 12)', () => {
  /** A backend whose every write costs 1 ms on the trainer's thread. */
  class SlowBackend extends RecordingBackend {
    override write(rows: readonly import('../../src/core/backend.js').MetricRow[]): void {
      const until = performance.now() + 1;
      while (performance.now() < until) {
        // busy
      }
      super.write(rows);
    }
  }

  it('the end summary reports a mean per call that includes the drains (not only the sampled copy)', async () => {
    const stderr = captureStderr();
    try {
      run = await init(testOptions({ logLevel: 'info', logging: { async: true, drainIntervalMs: 60_000 } }), {
        backends: [new SlowBackend()],
      });
      const calls = 2_000;
      const started = performance.now();
      for (let i = 0; i < calls; i++) {
        run.log({ loss: i });
        if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
      }
      const realNsPerCall = ((performance.now() - started) * 1e6) / calls;
      await run.finish();
      run = undefined;
      const match = /mean ([\d.]+) (µs|ns) per call with draining \(([\d.]+) ms drained/.exec(stderr.text());
      expect(match, stderr.text()).not.toBeNull();
      const reportedNs = Number(match![1]) * (match![2] === 'µs' ? 1000 : 1);
      // 40 drains of at least 1 ms over 2,000 calls: at least 20 µs per call, as the caller measured it.
      expect(reportedNs).toBeGreaterThanOrEqual(20_000);
      expect(reportedNs).toBeGreaterThanOrEqual(realNsPerCall * 0.5);
      expect(Number(match![3])).toBeGreaterThanOrEqual(40);
    } finally {
      stderr.restore();
    }
  });
});
