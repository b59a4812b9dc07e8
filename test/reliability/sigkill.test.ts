import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectLogDir } from '../../src/trackers/tensorboard/inspect-log-dir.js';
import { readWandbFile } from '../../src/trackers/wandb/offline/read-wandb-file.js';
import { soakSize } from '../helpers/soak-size.js';
import { bundleChild, removeBundle, startChild, tempRoot } from '../helpers/child-process.js';

const TRIALS = soakSize(5, 20);
const CONCURRENCY = 5;
const { dir, cleanup } = tempRoot('trainscope-rel-kill-');
let script = '';
beforeAll(async () => {
  script = await bundleChild('both-backends-child');
});
afterAll(() => {
  cleanup();
  removeBundle(script);
});

/** Starts a child, kills it `extraMs` after its `flushes`-th flush acknowledgement; returns the last acknowledged step. */
async function killTrial(root: string, flushes: number, extraMs: number): Promise<number> {
  const handle = startChild(script, [root, 'kill']);
  const pattern = /^flushed (\d+)$/;
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (handle.lines.filter((l) => pattern.test(l)).length >= flushes) {
        clearInterval(poll);
        setTimeout(() => {
          handle.child.kill('SIGKILL');
          resolve();
        }, extraMs);
      }
    }, 1);
    void handle.exited.then(() => {
      clearInterval(poll);
      reject(new Error(`child exited on its own: ${handle.stderr()}`));
    });
  });
  const { signal } = await handle.exited;
  expect(signal).toBe('SIGKILL');
  // Acknowledgements printed before the kill; a line still in the pipe was printed before the kill too.
  const acked = handle.lines.map((l) => pattern.exec(l)).filter((m) => m !== null);
  return Number(acked.at(-1)?.[1] ?? 0);
}

describe('SIGKILL with TensorBoard and W&B both on', () => {
  it(`leaves readable files holding every acknowledged step after ${TRIALS} kills at different moments`, {
    timeout: 240_000,
  }, async () => {
    const acked: number[] = [];
    for (let wave = 0; wave < TRIALS; wave += CONCURRENCY) {
      const trials = Array.from({ length: CONCURRENCY }, (_, i) => wave + i);
      acked.push(
        ...(await Promise.all(
          trials.map((t) => killTrial(join(dir, `trial-${t}`), 1 + (t % 7) * 3, (t * 13) % 37)),
        )),
      );
    }
    const statuses = new Set<string>();
    for (let t = 0; t < TRIALS; t++) {
      const root = join(dir, `trial-${t}`);
      const flushed = acked[t] as number;
      expect(flushed, `trial ${t}`).toBeGreaterThan(0);

      const tb = inspectLogDir(join(root, 'tb'));
      expect(tb.errors, `trial ${t} TensorBoard errors`).toBe(0);
      expect(tb.warnings).toBeLessThanOrEqual(1);
      for (const problem of tb.problems) expect(problem.kind).toBe('truncated');
      const tbRun = tb.runs.both;
      expect(tbRun?.files).toHaveLength(1);
      statuses.add(`tb:${tbRun?.files[0]?.status}`);
      for (const [tag, sign] of [
        ['loss', 1],
        ['neg', -1],
      ] as const) {
        const points = tbRun?.tags[tag]?.points ?? [];
        expect(points.length, `trial ${t} ${tag}`).toBeGreaterThanOrEqual(flushed);
        points.forEach((p, i) => {
          expect(p.step).toBe(i + 1);
          expect(p.value).toBe(sign * (i + 1));
        });
      }

      const runDir = readdirSync(join(root, 'wandb')).find((n) => n.startsWith('offline-run-'));
      const contents = readWandbFile(join(root, 'wandb', runDir as string, 'run-killed01.wandb'));
      expect(contents.errors, `trial ${t} .wandb errors`).toEqual([]);
      for (const w of contents.warnings) expect(w).toMatch(/^file incomplete/);
      statuses.add(`wandb:${contents.warnings.length > 0 ? 'truncated' : 'ok'}`);
      const history = contents.records.filter((r) => r.type === 'history');
      const steps = history.map((r) => r.history?.step?.num);
      expect(steps.length, `trial ${t} W&B rows`).toBeGreaterThanOrEqual(flushed);
      expect(steps).toEqual(steps.map((_, i) => i + 1));
      history.forEach((r, i) => {
        const loss = r.history?.item?.find((item) => item.key === 'loss');
        expect(loss?.value_json).toBe(String(i + 1));
      });
    }
    expect(statuses.has('tb:ok') || statuses.has('tb:truncated')).toBe(true);
  });
});
