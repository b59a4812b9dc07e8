import { describe, expect, it } from 'vitest';
import { resolveRank } from '../../src/core/rank.js';

const none = { rank: undefined, worldSize: undefined };

describe('resolveRank: launcher environments', () => {
  it('is rank 0 of 1 with no launcher and no options', () => {
    expect(resolveRank(none, {})).toEqual({
      rank: 0,
      worldSize: 1,
      localRank: 0,
      groupId: undefined,
      source: 'default',
      problems: [],
    });
  });

  it('reads torchrun: RANK, WORLD_SIZE, LOCAL_RANK, TORCHELASTIC_RUN_ID', () => {
    const env = { RANK: '5', WORLD_SIZE: '8', LOCAL_RANK: '1', TORCHELASTIC_RUN_ID: 'abc123' };
    expect(resolveRank(none, env)).toMatchObject({
      rank: 5,
      worldSize: 8,
      localRank: 1,
      groupId: 'abc123',
      source: 'torchrun',
      problems: [],
    });
  });

  it("ignores torchrun's placeholder run id `none`", () => {
    const env = { RANK: '0', WORLD_SIZE: '2', TORCHELASTIC_RUN_ID: 'none' };
    expect(resolveRank(none, env).groupId).toBeUndefined();
  });

  it('reads SLURM: SLURM_PROCID, SLURM_NTASKS, SLURM_LOCALID, SLURM_JOB_ID', () => {
    const env = { SLURM_PROCID: '3', SLURM_NTASKS: '4', SLURM_LOCALID: '0', SLURM_JOB_ID: '778899' };
    expect(resolveRank(none, env)).toMatchObject({
      rank: 3,
      worldSize: 4,
      localRank: 0,
      groupId: '778899',
      source: 'slurm',
    });
  });

  it('reads Open MPI: OMPI_COMM_WORLD_RANK/_SIZE/_LOCAL_RANK, OMPI_MCA_ess_base_jobid', () => {
    const env = {
      OMPI_COMM_WORLD_RANK: '2',
      OMPI_COMM_WORLD_SIZE: '6',
      OMPI_COMM_WORLD_LOCAL_RANK: '2',
      OMPI_MCA_ess_base_jobid: '12345',
    };
    expect(resolveRank(none, env)).toMatchObject({
      rank: 2,
      worldSize: 6,
      localRank: 2,
      groupId: '12345',
      source: 'openmpi',
    });
  });

  it('reads MPICH / Intel MPI: PMI_RANK, PMI_SIZE (local rank = rank)', () => {
    expect(resolveRank(none, { PMI_RANK: '1', PMI_SIZE: '3' })).toMatchObject({
      rank: 1,
      worldSize: 3,
      localRank: 1,
      groupId: undefined,
      source: 'pmi',
    });
  });

  it('prefers torchrun over the SLURM allocation it runs in', () => {
    const env = {
      RANK: '6',
      WORLD_SIZE: '8',
      LOCAL_RANK: '2',
      TORCHELASTIC_RUN_ID: 'elastic-1',
      SLURM_PROCID: '1',
      SLURM_NTASKS: '2',
      SLURM_JOB_ID: '42',
    };
    expect(resolveRank(none, env)).toMatchObject({
      rank: 6,
      worldSize: 8,
      groupId: 'elastic-1',
      source: 'torchrun',
    });
  });

  it('takes TRAINSCOPE_GROUP over the launcher id', () => {
    const env = { SLURM_PROCID: '0', SLURM_NTASKS: '2', SLURM_JOB_ID: '42', TRAINSCOPE_GROUP: 'sweep-7' };
    expect(resolveRank(none, env).groupId).toBe('sweep-7');
  });

  it('lets explicit options win, each on its own', () => {
    const env = { RANK: '1', WORLD_SIZE: '4', LOCAL_RANK: '1' };
    expect(resolveRank({ rank: 3, worldSize: undefined }, env)).toMatchObject({
      rank: 3,
      worldSize: 4,
      source: 'options',
    });
    expect(resolveRank({ rank: 2, worldSize: 16 }, env)).toMatchObject({ rank: 2, worldSize: 16 });
    expect(resolveRank({ rank: undefined, worldSize: 8 }, env)).toMatchObject({ rank: 1, worldSize: 8 });
  });
});

describe('resolveRank: inconsistent values', () => {
  it('ignores a non-numeric rank and falls back to the next launcher, with one problem', () => {
    const env = { RANK: 'abc', WORLD_SIZE: '4', SLURM_PROCID: '1', SLURM_NTASKS: '2' };
    const info = resolveRank(none, env);
    expect(info).toMatchObject({ rank: 1, worldSize: 2, source: 'slurm' });
    expect(info.problems).toEqual([
      'RANK="abc" is not a non-negative integer; torchrun\'s variables were ignored',
    ]);
  });

  it('falls back to rank 0 of 1 when the only rank is unusable', () => {
    for (const bad of ['-1', '1.5', '2e3', ' ']) {
      const info = resolveRank(none, { RANK: bad, WORLD_SIZE: '4' });
      expect(info).toMatchObject({ rank: 0, worldSize: 1, source: 'default' });
      expect(info.problems).toHaveLength(bad.trim() === '' ? 0 : 1);
    }
  });

  it('grows the world size to rank + 1 when the rank is not below it', () => {
    const info = resolveRank(none, { RANK: '4', WORLD_SIZE: '4' });
    expect(info).toMatchObject({ rank: 4, worldSize: 5 });
    expect(info.problems).toEqual(['rank 4 is not below the world size 4; the world size was taken as 5']);
    expect(resolveRank({ rank: 7, worldSize: 2 }, {})).toMatchObject({ rank: 7, worldSize: 8 });
  });

  it('takes a non-numeric world size as rank + 1 and a bad local rank as the rank', () => {
    const info = resolveRank(none, { RANK: '2', WORLD_SIZE: 'four', LOCAL_RANK: 'x' });
    expect(info).toMatchObject({ rank: 2, worldSize: 3, localRank: 2 });
    expect(info.problems).toHaveLength(2);
    expect(info.problems[0]).toContain('WORLD_SIZE="four"');
    expect(info.problems[1]).toContain('LOCAL_RANK="x"');
  });
});
