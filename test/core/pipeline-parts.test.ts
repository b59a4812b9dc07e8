import { describe, expect, it } from 'vitest';
import type { Logger, RunOutcome } from '../../src/core/backend.js';
import { BackendSet } from '../../src/core/backend-set.js';
import { DrainLoop, type DrainSettings } from '../../src/core/drain-loop.js';
import { MetricQueue } from '../../src/core/metric-queue.js';
import { MetricSummary } from '../../src/core/metric-summary.js';
import { parseOptions } from '../../src/core/options.js';
import { PRIORITY_LOW, PriorityFilter } from '../../src/core/priority-filter.js';
import { SelfMetrics } from '../../src/core/self-metrics.js';
import { RecordingBackend } from '../helpers/recording-backend.js';

/** A logger that keeps every line, as `level: message`. */
function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    warn: (m) => lines.push(`warn: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    warnOnce: (_key, m) => {
      if (!lines.includes(`warn: ${m}`)) lines.push(`warn: ${m}`);
    },
  };
}

function pipeline(settings: Partial<DrainSettings>, capacity = 16) {
  const logger = memoryLogger();
  const latest = new MetricSummary();
  const filter = new PriorityFilter(parseOptions({ project: 'p' }).logging, logger, latest);
  const queue = new MetricQueue(capacity);
  const backend = new RecordingBackend();
  const backends = new BackendSet([backend], logger);
  const self = new SelfMetrics(queue, backends, latest);
  const drain = new DrainLoop(queue, backends, self, latest, logger, {
    async: true,
    intervalMs: 1000,
    selfReports: false,
    selfReportEverySteps: 0,
    ...settings,
  });
  let call = 0;
  /** Queues one call's values at `step` (what the recorder does). */
  const push = (step: number, values: Record<string, number>, priority = PRIORITY_LOW) => {
    call++;
    for (const [key, value] of Object.entries(values)) {
      const table = filter.tableFor('');
      const metric = table.get(key) ?? filter.resolve('', key, table);
      queue.push(metric, value, priority, { step, time: 1000, call });
    }
  };
  return { logger, latest, queue, backend, backends, self, drain, push };
}

describe('DrainLoop', () => {
  it('turns each call into one row, in order, and keeps the summary', () => {
    const { backend, drain, push, latest } = pipeline({});
    push(1, { a: 1, b: 2 });
    push(1, { a: 3 });
    push(2, { b: 4 });
    drain.drain();
    expect(backend.rows.map((r) => [r.step, r.keys, r.values])).toEqual([
      [1, ['a', 'b'], [1, 2]],
      [1, ['a'], [3]],
      [2, ['b'], [4]],
    ]);
    expect([...latest]).toEqual([
      ['a', 3],
      ['b', 4],
    ]);
  });

  it('adds the full trainscope row when the drained step crosses a reporting multiple, at increasing steps', () => {
    const { backend, drain, push } = pipeline({ selfReports: true, selfReportEverySteps: 10 });
    push(5, { a: 1 });
    drain.drain();
    push(12, { a: 2 });
    drain.drain();
    push(15, { a: 3 });
    drain.drain();
    drain.drainFinal();
    const selfRows = backend.rows.filter((r) => r.keys.includes('trainscope/log_calls'));
    expect(selfRows.map((r) => r.step)).toEqual([12, 15]);
    expect(selfRows[0]?.keys).toContain('trainscope/recorder/bytes_written');
  });

  it('reports drops in a trainscope/dropped row once per change, and in the final row', () => {
    const { backend, drain, push } = pipeline({}, 16);
    const values: Record<string, number> = {};
    for (let i = 0; i < 20; i++) values[`k${i}`] = i;
    push(3, values);
    drain.drain();
    drain.drain();
    const dropped = backend.rows.filter((r) => r.keys[0] === 'trainscope/dropped');
    expect(dropped.map((r) => [r.step, r.values])).toEqual([[3, [4]]]);
    drain.drainFinal();
    expect(backend.rows.at(-1)?.keys).not.toContain('trainscope/log_calls'); // nothing new to report
  });

  it('final row comes after every earlier trainscope row when reports are on', () => {
    const { backend, drain, push } = pipeline({ selfReports: true, selfReportEverySteps: 1 });
    push(4, { a: 1 });
    drain.drain();
    drain.drainFinal();
    const steps = backend.rows.filter((r) => r.keys.includes('trainscope/log_calls')).map((r) => r.step);
    expect(steps).toEqual([4, 5]);
  });
});

describe('BackendSet', () => {
  const outcome: RunOutcome = { exitCode: 0, reason: 'finish', summary: new Map(), endTime: 0 };

  it('finishes every backend within the deadline and names the ones still pending', async () => {
    const logger = memoryLogger();
    const hangingFlush = new RecordingBackend('slow-flush', { flush: () => new Promise(() => {}) });
    const hangingFinish = new RecordingBackend('slow-finish', { finish: () => new Promise(() => {}) });
    const failing = new RecordingBackend('failing', { flush: () => Promise.reject(new Error('disk full')) });
    const good = new RecordingBackend('good');
    const set = new BackendSet([hangingFlush, hangingFinish, failing, good], logger);
    const states = await set.finish(outcome, Date.now() + 50, 50);
    expect(states).toEqual(['flush timed out', 'finish timed out', 'failed', 'ok']);
    expect(good.outcome?.exitCode).toBe(0);
    expect(logger.lines.filter((l) => l.startsWith('error:'))).toEqual([
      'error: backend "failing" failed in flush(): disk full — it is disabled for the rest of the run; other backends continue',
      'error: backend "slow-flush" was still pending when finish() reached its 50 ms timeout (flush timed out); its last data may be incomplete',
      'error: backend "slow-finish" was still pending when finish() reached its 50 ms timeout (finish timed out); its last data may be incomplete',
    ]);
    expect(set.reports(states).map((r) => [r.name, r.state])).toEqual([
      ['slow-flush', 'flush timed out'],
      ['slow-finish', 'finish timed out'],
      ['failing', 'disabled after an error'],
      ['good', 'ok'],
    ]);
  });

  it('stops writing to a backend whose write threw; the others still receive rows', () => {
    const logger = memoryLogger();
    const broken = new RecordingBackend('broken', {
      write: () => {
        throw new Error('boom');
      },
    });
    const good = new RecordingBackend('good');
    const set = new BackendSet([broken, good], logger);
    const row = { step: 0, time: 0, channel: 'history' as const, keys: ['a'], values: [1] };
    set.write([row]);
    set.write([row]);
    expect(broken.writes).toBe(1);
    expect(good.rows).toHaveLength(2);
    const names: string[] = [];
    set.forEachStats((name) => names.push(name));
    expect(names).toEqual(['broken', 'good']);
  });
});
