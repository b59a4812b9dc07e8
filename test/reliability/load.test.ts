import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../src/init.js';
import { inspectLogDir } from '../../src/trackers/tensorboard/inspect-log-dir.js';
import { readWandbFile } from '../../src/trackers/wandb/offline/read-wandb-file.js';
import { captureStderr } from '../helpers/recording-backend.js';
import { soakSize } from '../helpers/soak-size.js';
import { tempRoot } from '../helpers/child-process.js';

const { dir, cleanup } = tempRoot('trainscope-rel-load-');
afterAll(cleanup);
/** log() calls of the flood test and steps of the long-run test: 100,000 in the fast suite, 1,000,000 at full size. */
const CALLS = soakSize(100_000, 1_000_000);
/** The large queue keeps 40 % of the calls, as 400,000 of 1,000,000 at full size. */
const LARGE_QUEUE = (CALLS * 2) / 5;
const STEPS = CALLS;
/** Distinct tags of the wide run. */
const TAGS = soakSize(2_000, 10_000);
const count = (n: number): string => n.toLocaleString('en-US');

setFlagsFromString('--expose-gc');
/** A full collection, so that heap figures count what is retained, not garbage not yet collected. */
const collect = runInNewContext('gc') as () => void;
const HIGH_EVERY = 1_000;

function wandbFile(root: string, id: string) {
  const runDir = readdirSync(join(root, 'wandb')).find((n) => n.startsWith('offline-run-')) as string;
  return readWandbFile(join(root, 'wandb', runDir, `run-${id}.wandb`));
}

/** CALLS log() calls without yielding (the drain cannot run): what the queue holds is all the memory it may use. */
async function flood(name: string, queueCapacity: number) {
  const root = join(dir, name);
  const stderr = captureStderr();
  let heapGrowth = 0;
  let rssGrowth = 0;
  try {
    const run = await init({
      project: 'load',
      name,
      tensorboard: { logDir: join(root, 'tb') },
      wandb: { mode: 'offline', dir: root, runId: name },
      profiling: { enabled: false },
      handleExit: false,
      logLevel: 'info',
      // The in-thread queue: its bound is what this test measures (with the writer thread the drain runs
      // during the loop; test/core/writer/ covers that mode).
      logging: { queueCapacity, drainIntervalMs: 60_000, thread: 'main' },
    });
    collect();
    const before = process.memoryUsage();
    for (let i = 0; i < CALLS; i++) {
      if (i % HIGH_EVERY === 0) run.log({ loss: i }, { step: i, priority: 'high' });
      else if (i % 2 === 0) run.log({ noise: i }, { step: i, priority: 'low' });
      else run.log({ extra: i }, { step: i, priority: 'medium' });
    }
    collect();
    const after = process.memoryUsage();
    heapGrowth = after.heapUsed - before.heapUsed;
    rssGrowth = after.rss - before.rss;
    await run.finish();
  } finally {
    stderr.restore();
  }
  const tb = inspectLogDir(join(root, 'tb'));
  const tags = tb.runs[name]?.tags ?? {};
  return {
    heapGrowth,
    rssGrowth,
    tags,
    tbErrors: tb.errors + tb.warnings,
    wandb: wandbFile(root, name),
    output: stderr.text(),
  };
}

describe('load', () => {
  it(`${count(CALLS)} log() calls into a small queue: high never dropped, lower ones dropped only when full, drops reported`, {
    timeout: 120_000,
  }, async () => {
    const small = await flood('small', 1_024);
    const large = await flood('large', LARGE_QUEUE);
    for (const result of [small, large]) {
      expect(result.tbErrors).toBe(0);
      // High priority: every one of the 1,000 written, in both backends.
      const loss = result.tags.loss;
      expect(loss?.count).toBe(CALLS / HIGH_EVERY);
      expect(loss?.points.map((p) => p.step)).toEqual(
        Array.from({ length: CALLS / HIGH_EVERY }, (_, i) => i * HIGH_EVERY),
      );
      const history = result.wandb.records.filter((r) => r.type === 'history');
      const wandbLoss = history.filter((r) => r.history?.item?.some((item) => item.key === 'loss'));
      expect(wandbLoss).toHaveLength(CALLS / HIGH_EVERY);
      // The rest: what was kept plus what was dropped is every call; drops are counted and logged.
      const kept = (result.tags.noise?.count ?? 0) + (result.tags.extra?.count ?? 0);
      const dropped = result.tags['trainscope/dropped']?.last;
      expect(typeof dropped).toBe('number');
      expect(kept + (dropped as number)).toBe(CALLS - CALLS / HIGH_EVERY);
      // trainscope's own counters are in W&B's System section (stats records), not the history (issue 14).
      const wandbDropped = result.wandb.records
        .filter((r) => r.type === 'stats')
        .flatMap((r) => r.stats?.item ?? [])
        .filter((item) => item.key === 'trainscope.dropped')
        .at(-1)?.value_json;
      expect(wandbDropped).toBe(String(dropped));
      expect(result.output).toMatch(/the metrics queue is full \(logging\.queueCapacity = \d+ values\)/);
      expect(result.output.match(/the metrics queue is full/g)).toHaveLength(1);
      expect(result.output).toContain(`dropped ${dropped} values because the queue was full`);
    }
    // Dropped only when full: the large queue keeps (nearly) all it holds, the small one about 1,024.
    const keptSmall = (small.tags.noise?.count ?? 0) + (small.tags.extra?.count ?? 0);
    const keptLarge = (large.tags.noise?.count ?? 0) + (large.tags.extra?.count ?? 0);
    expect(keptSmall).toBeLessThanOrEqual(1_024);
    expect(keptLarge).toBeGreaterThan(LARGE_QUEUE * 0.975);
    // Memory follows the configured queue, not the number of calls: after a full collection, what the 1M calls
    // left behind is what the queue holds — under 4 MB for 1,024 values, several times that for 400,000 (over
    // 2 MB more, i.e. over ~5 B per queued value, scaled to the queue in the fast suite).
    console.info(
      `retained after ${count(CALLS)} calls: queue 1,024 → ${small.heapGrowth} B, ` +
        `queue ${count(LARGE_QUEUE)} → ${large.heapGrowth} B`,
    );
    expect(small.heapGrowth).toBeLessThan(4 * 1024 * 1024);
    expect(large.heapGrowth).toBeGreaterThan(small.heapGrowth + (2 * 1024 * 1024 * LARGE_QUEUE) / 400_000);
  });
});

describe('many tags and long runs', () => {
  it(`${count(TAGS)} distinct tags and ${count(STEPS)} steps of one tag are all written, with memory bounded by the queue`, {
    timeout: 180_000,
  }, async () => {
    const root = join(dir, 'wide-long');
    const stderr = captureStderr();
    let heapGrowth = 0;
    try {
      const run = await init({
        project: 'load',
        name: 'wide',
        tensorboard: { logDir: join(root, 'tb') },
        wandb: { mode: 'offline', dir: root, runId: 'widelong' },
        profiling: { enabled: false },
        handleExit: false,
        logLevel: 'warn',
        logging: { queueCapacity: 20_000 },
      });
      const wide: Record<string, number> = {};
      for (let t = 0; t < TAGS; t++) wide[`layer_${t}/grad_norm`] = t;
      for (let step = 0; step < 3; step++) run.log(wide, { step, priority: 'high' });
      collect();
      const before = process.memoryUsage().heapUsed;
      for (let step = 3; step < STEPS + 3; step++) run.log({ long: step }, { step, priority: 'high' });
      // The loop never yields, so the writers' pending bytes (bounded, written synchronously past their limit) are
      // still waiting for their async writes: let them land, then see what the STEPS steps left behind.
      await run.flush();
      collect();
      heapGrowth = process.memoryUsage().heapUsed - before;
      console.info(`retained after ${count(STEPS)} steps of one tag: ${heapGrowth} B`);
      await run.finish();
    } finally {
      stderr.restore();
    }
    expect(stderr.text()).not.toMatch(/dropp/);
    const tb = inspectLogDir(join(root, 'tb'));
    expect(tb.errors + tb.warnings).toBe(0);
    const tags = tb.runs.wide?.tags ?? {};
    const layerTags = Object.keys(tags).filter((t) => t.startsWith('layer_'));
    expect(layerTags).toHaveLength(TAGS);
    expect(layerTags.every((t) => tags[t]?.count === 3)).toBe(true);
    expect(tags[`layer_${TAGS - 1}/grad_norm`]?.last).toBe(TAGS - 1);
    expect(tags.long?.count).toBe(STEPS);
    expect(tags.long?.firstStep).toBe(3);
    expect(tags.long?.lastStep).toBe(STEPS + 2);
    expect(tags.long?.last).toBe(STEPS + 2);
    const history = wandbFile(root, 'widelong').records.filter((r) => r.type === 'history');
    expect(history).toHaveLength(STEPS + 3);
    expect(history[0]?.history?.item?.filter((i) => i.key?.startsWith('layer_'))).toHaveLength(TAGS);
    expect(history.at(-1)?.history?.step?.num).toBe(STEPS + 2);
    // The calls drain on the caller whenever the 20,000-value queue fills: after a full collection the heap
    // holds no more than the queue and the writers' buffers (~0 measured), not 1M values (tens of MB).
    expect(heapGrowth).toBeLessThan(8 * 1024 * 1024);
  });
});
