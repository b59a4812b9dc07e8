import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectLogDir } from '../../src/trackers/tensorboard/index.js';
import { readWandbFile } from '../../src/trackers/wandb/index.js';
import { REPO_ROOT } from '../helpers/paths.js';

const run = promisify(execFile);
const root = REPO_ROOT;
const out = mkdtempSync(path.join(os.tmpdir(), 'trainscope-quickstart-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('README quickstart (examples/quickstart/train.ts)', () => {
  it('writes the decorated metrics to TensorBoard and an offline W&B run', async () => {
    const { stderr } = await run(process.execPath, ['--import', 'tsx', 'examples/quickstart/train.ts', out], {
      cwd: root,
      timeout: 60_000,
    });
    expect(stderr).toMatch(/finished: exit code 0, step 100/);

    const tb = await inspectLogDir(path.join(out, 'runs'));
    expect(tb.errors).toBe(0);
    expect(tb.warnings).toBe(0);
    const [runName] = Object.keys(tb.runs);
    const tags = tb.runs[runName as string]?.tags ?? {};
    // every: 10 on the train step → steps 0, 10, ..., 90; level 'medium' keeps gradient_norm (medium) too.
    expect(tags['training/loss']?.points.map((p) => p.step)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(tags['training/gradient_norm']?.count).toBe(10);
    expect(tags['validation/loss']?.points.map((p) => p.step)).toEqual([0, 25, 50, 75]);
    expect(tags['validation/weights']?.plugin).toBe('histograms');
    expect(tags['final/weight']?.points.map((p) => p.step)).toEqual([100]);
    expect(Object.keys(tags).some((t) => t.startsWith('profiling/timing/'))).toBe(true);

    const wandbRoot = path.join(out, 'wandb');
    const [runDir] = readdirSync(wandbRoot).filter((d) => d.startsWith('offline-run-'));
    const file = readdirSync(path.join(wandbRoot, runDir as string)).find((f) => f.endsWith('.wandb'));
    const contents = await readWandbFile(path.join(wandbRoot, runDir as string, file as string));
    expect(contents.errors).toEqual([]);
    const stepsWithLoss = contents.records
      .filter((r) => r.history?.item?.some((i) => i.key === 'training/loss'))
      .map((r) => JSON.parse(r.history?.item?.find((i) => i.key === '_step')?.value_json ?? 'null'));
    expect(stepsWithLoss).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(contents.records.at(-1)?.footer).toBeDefined();
    expect(contents.records.find((r) => r.exit)?.exit?.exit_code ?? 0).toBe(0);
  });
});
