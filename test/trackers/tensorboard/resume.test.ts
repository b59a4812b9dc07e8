import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrainscopeOptions } from '../../../src/core/options.js';
import { ResumeError } from '../../../src/core/resume-error.js';
import { init } from '../../../src/init.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { captureStderr } from '../../helpers/recording-backend.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function options(logDir: string, extra: Partial<TrainscopeOptions> = {}): TrainscopeOptions {
  return {
    project: 'tbres',
    id: 'tbres001',
    wandb: false,
    profiling: { enabled: false },
    handleExit: false,
    logLevel: 'error',
    logging: { async: false },
    tensorboard: { logDir },
    ...extra,
  };
}

async function session(
  logDir: string,
  steps: number[],
  value: number,
  extra: Partial<TrainscopeOptions> = {},
) {
  const run = await init(options(logDir, extra));
  const startStep = run.step;
  for (const step of steps) run.log({ loss: value + step }, { step });
  await run.finish();
  return startStep;
}

describe('TensorBoard: init({ id, resume })', () => {
  it('resumes into the same run directory with a new event file whose SessionLog START purges orphaned points', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'ts-tb-resume-'));
    dirs.push(logDir);
    await session(logDir, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 100);
    // The trainer's checkpoint is at step 6: points 6-9 of the first session are orphaned.
    const start = await session(logDir, [6, 7, 8], 200, { resume: 'allow', resumeStep: 6 });
    expect(start).toBe(6);
    const runDir = join(logDir, 'tbres-tbres001');
    expect(readdirSync(runDir).filter((n) => n.includes('tfevents'))).toHaveLength(2);
    const result = inspectLogDir(logDir);
    const run = result.runs['tbres-tbres001'];
    expect(run?.purges).toEqual([expect.objectContaining({ step: 6, droppedPoints: 4 })]);
    const points = run?.tags.loss?.points.map((p) => [p.step, p.value]);
    expect(points).toEqual([
      [0, 100],
      [1, 101],
      [2, 102],
      [3, 103],
      [4, 104],
      [5, 105],
      [6, 206],
      [7, 207],
      [8, 208],
    ]);
  });

  it('without resumeStep, run.step continues after the last logged step', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'ts-tb-resume-'));
    dirs.push(logDir);
    await session(logDir, [0, 1, 2, 3], 1);
    const start = await session(logDir, [4, 5], 2, { resume: 'allow' });
    expect(start).toBe(4);
    const run = inspectLogDir(logDir).runs['tbres-tbres001'];
    expect(run?.purges.map((p) => [p.step, p.droppedPoints])).toEqual([[4, 0]]);
    expect(run?.tags.loss?.points.map((p) => p.step)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("'must' without earlier event files and 'never' with them fail init", async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'ts-tb-resume-'));
    dirs.push(logDir);
    const stderr = captureStderr();
    try {
      await expect(init(options(logDir, { resume: 'must' }))).rejects.toThrow(ResumeError);
      rmSync(join(logDir, 'tbres-tbres001'), { recursive: true, force: true });
      await session(logDir, [0], 1);
      await expect(init(options(logDir, { resume: 'never' }))).rejects.toThrow(/resume 'never'/);
    } finally {
      stderr.restore();
    }
  });
});
