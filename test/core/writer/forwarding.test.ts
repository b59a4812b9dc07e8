import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackendSet } from '../../../src/core/backend-set.js';
import type { ProfilerHost, RunProfiler } from '../../../src/core/run-handle.js';
import { histogram, text } from '../../../src/core/values.js';
import { init } from '../../../src/init.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { tempRoot } from '../../helpers/child-process.js';
import { captureStderr } from '../../helpers/recording-backend.js';

const { dir, cleanup } = tempRoot('trainscope-writer-fwd-');
afterAll(() => cleanup());

/** A profiler that logs one system sample at start and one report at finish, through the run's host. */
function systemProfiler(): RunProfiler {
  let host: ProfilerHost | undefined;
  return {
    spans: { record() {} },
    options: { enabled: true } as RunProfiler['options'],
    start(h) {
      host = h;
      h.logSystem({ 'cpu/percent': 42, 'disk.\\.usagePercent': 12, 'disk.\\data.usageGB': 3 });
    },
    onStep() {},
    async finish() {
      host?.log({ 'profiling/report': 7 }, { step: host.step });
    },
    describe: () => [],
  };
}

describe('writer thread: everything else the run hands the backends crosses too', () => {
  it('system samples, rich values, the profiler report, and forwarded BackendSet methods', {
    timeout: 60_000,
  }, async () => {
    const stderr = captureStderr();
    let probed: unknown;
    try {
      const run = await init(
        {
          project: 'writer-fwd',
          name: 'fwd',
          logLevel: 'info',
          handleExit: false,
          tensorboard: { logDir: join(dir, 'tb') },
          wandb: false,
          profiling: { gpu: 'off', reportEverySteps: 0 },
          logging: { thread: 'worker' },
        },
        { profiler: systemProfiler() },
      );
      run.log({ loss: 1, note: text('hello'), weights: histogram([1, 2, 3]) });
      run.log({ loss: 0.5, label: 'free text' });
      // A BackendSet method the writer's copy does not have: forwarded by name, answered with an error.
      (BackendSet.prototype as unknown as Record<string, unknown>).probe = () => 'main';
      const backends = (run as unknown as { backends: { probe(): Promise<unknown> } }).backends;
      probed = await backends.probe();
      await run.finish();
      expect(run.summary.get('trainscope/log_calls')).toBe(3);
      // The worker's exit that finish() causes by terminating it is not a writer lost mid-run.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      delete (BackendSet.prototype as unknown as Record<string, unknown>).probe;
      stderr.restore();
    }
    expect(probed).toBeUndefined();
    const output = stderr.text();
    expect(output).toContain('probe() failed on the writer thread: BackendSet has no method probe()');
    expect(output).toContain('encoding and I/O ran on the writer thread');
    expect(output).not.toMatch(/no worker threads|writer thread did not start/);
    expect(output).not.toMatch(/the writer thread (exited|failed)/);
    const tags = inspectLogDir(join(dir, 'tb')).runs.fwd?.tags ?? {};
    expect(tags['system/cpu/percent']?.last).toBe(42);
    // W&B's escaped mount paths become TensorBoard-legal tags, with no sanitizer warning.
    expect(tags['system/disk/usagePercent']?.last).toBe(12);
    expect(tags['system/disk./data.usageGB']?.last).toBe(3);
    expect(output).not.toContain('characters TensorBoard does not allow');
    expect(tags.loss?.count).toBe(2);
    expect(tags.note?.last).toBe('hello');
    expect(tags.label?.last).toBe('free text');
    expect(tags.weights?.count).toBe(1);
    expect(tags['profiling/report']?.last).toBe(7);
    expect(tags['trainscope/log_calls']?.last).toBe(3);
  });
});
