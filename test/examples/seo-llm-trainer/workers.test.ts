import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../src/core/options.js';
import {
  launchWorkers,
  sharedRunName,
  shardLines,
  withoutWorkersFlag,
  workerEnvironment,
} from '../../../examples/seo-llm-trainer/workers.js';
import { FIXTURES } from '../../helpers/paths.js';

describe('example --workers helpers', () => {
  it('gives each worker a torchrun-style environment with one shared job id', () => {
    const env = workerEnvironment(2, 4, 'job-1', 'seo-run', { PATH: '/bin' });
    expect(env).toMatchObject({
      PATH: '/bin',
      RANK: '2',
      WORLD_SIZE: '4',
      LOCAL_RANK: '2',
      LOCAL_WORLD_SIZE: '4',
      MASTER_ADDR: '127.0.0.1',
      MASTER_PORT: '29500',
      TORCHELASTIC_RUN_ID: 'job-1',
      SEO_TRAINER_RUN_NAME: 'seo-run',
    });
  });

  it('drops --workers from the command line the workers get', () => {
    expect(withoutWorkersFlag(['--steps', '3', '--workers', '4', '--seed', '1'])).toEqual([
      '--steps',
      '3',
      '--seed',
      '1',
    ]);
    expect(withoutWorkersFlag(['--workers=4', '--level', 'high'])).toEqual(['--level', 'high']);
  });

  it('shards the train split by rank and keeps the whole validation split on every rank', () => {
    const lines = [
      '{"id":0,"split":"train"}',
      '{"id":1,"split":"validation"}',
      '{"id":2,"split":"train"}',
      '{"id":3,"split":"train"}',
      '',
      '{"id":4,"split":"train"}',
      '{"id":5,"split":"validation"}',
    ].join('\n');
    const ids = (rank: number) =>
      shardLines(lines, rank, 2)
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: number }).id);
    expect(ids(0)).toEqual([0, 1, 3, 5]);
    expect(ids(1)).toEqual([1, 2, 4, 5]);
  });

  it('names the shared run after the model and the UTC time unless a name is set', () => {
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(sharedRunName(parseOptions({ project: 'p', config: { model_name: 'm' } }), at)).toBe(
      'm-20260102-030405',
    );
    expect(sharedRunName(parseOptions({ project: 'p', name: 'mine' }), at)).toBe('mine');
  });
});

describe('example launchWorkers', () => {
  it('starts N workers with launcher variables, prefixes their output, reports every exit code', async () => {
    const script = join(FIXTURES, 'distributed', 'exit-with-rank.mjs');
    let out = '';
    let err = '';
    const io = {
      stdout: {
        write(s: string | Uint8Array): boolean {
          out += String(s);
          return true;
        },
      },
      stderr: {
        write(s: string | Uint8Array): boolean {
          err += String(s);
          return true;
        },
      },
    };
    const code = await launchWorkers(3, script, ['--steps', '2', '--workers', '3'], 'seo-run', io);
    expect(code).toBe(1);
    const job = /launching 3 workers \(job (seo-run-[0-9a-f]{6})\)/.exec(out)?.[1];
    expect(job).toBeDefined();
    for (const rank of [0, 1, 2]) {
      expect(out).toContain(`[rank ${rank}] rank=${rank} world=3 local=${rank} job=${job} args=--steps 2\n`);
      expect(err).toContain(`[rank ${rank}] name=seo-run\n`);
    }
    expect(out).toMatch(/worker rank 0 \(pid \d+\) exited with code 0\n/);
    expect(out).toMatch(/worker rank 1 \(pid \d+\) exited with code 3\n/);
    expect(out).toMatch(/worker rank 2 \(pid \d+\) exited with code 0\n/);
  });
});
