import { describe, expect, it } from 'vitest';
import { init } from '../../../../src/init.js';
import { parseWandbJson } from '../../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../../helpers/fake-wandb-per-test.js';

const KEY = 'i'.repeat(40);
const fake = fakeWandbPerTest(KEY);

describe('init() with wandb.mode online', () => {
  it('streams what the trainer logs through the core to W&B, each row once, and finishes the run', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const run = await init({
      project: 'e2e',
      name: 'e2e-run',
      config: { lr: 0.1 },
      tensorboard: false,
      profiling: { enabled: false },
      handleExit: false,
      logLevel: 'silent',
      wandb: { mode: 'online', dir, baseUrl: server.url, apiKey: KEY, entity: 'team', runId: 'e2erun01' },
    });
    for (let i = 0; i < 100; i++) run.log({ 'train/loss': 1 / (i + 1), 'train/step_ms': i });
    await run.finish({ exitCode: 0 });
    const rows = server.historyLines('e2erun01').map((l) => parseWandbJson(l) as Record<string, number>);
    expect(rows.length).toBeGreaterThanOrEqual(100);
    const losses = rows.filter((r) => r['train/loss'] !== undefined);
    expect(losses.map((r) => r['train/loss'])).toEqual(Array.from({ length: 100 }, (_, i) => 1 / (i + 1)));
    expect(server.run('e2erun01').entity).toBe('team');
    expect(server.run('e2erun01').complete).toBe(true);
    expect(server.requestsOf('graphql', 'Viewer')).toHaveLength(0);
    const config = JSON.parse(server.run('e2erun01').upserts[0]?.config as string);
    expect(config.lr).toEqual({ desc: null, value: 0.1 });
  });
});
