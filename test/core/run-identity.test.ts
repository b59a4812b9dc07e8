import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/core/options.js';
import { groupRunId, runIdentity } from '../../src/core/run-identity.js';

const fresh = () => 'fresh001';

describe('runIdentity', () => {
  it('keeps the single-process identity unchanged', () => {
    const options = parseOptions({ project: 'p', group: 'g', jobType: 'train' });
    expect(runIdentity(options, { rank: 0, worldSize: 1, groupId: 'job' }, fresh)).toEqual({
      id: 'fresh001',
      name: 'p-fresh001',
      group: 'g',
      jobType: 'train',
    });
  });

  it('derives per-rank ids, a shared name, the launcher group and rank job types', () => {
    const options = parseOptions({ project: 'p' });
    const base = groupRunId('p', 'job-9');
    expect(base).toMatch(/^[a-z0-9]{8}$/);
    const ids = [0, 1, 2].map((rank) =>
      runIdentity(options, { rank, worldSize: 3, groupId: 'job-9' }, fresh),
    );
    expect(ids).toEqual(
      [0, 1, 2].map((r) => ({
        id: `${base}-r${r}`,
        name: `p-${base}`,
        group: 'job-9',
        jobType: `rank-${r}`,
      })),
    );
  });

  it('derives from the user group and wandb.runId, keeps an explicit name and prefixes the rank job type with an explicit job type', () => {
    const options = parseOptions({
      project: 'p',
      name: 'exp',
      group: 'mine',
      jobType: 'train',
      wandb: { runId: 'resume01' },
    });
    expect(runIdentity(options, { rank: 2, worldSize: 4, groupId: 'launcher' }, fresh)).toEqual({
      id: 'resume01-r2',
      name: 'exp',
      group: 'mine',
      jobType: 'train-rank-2',
    });
  });

  it('uses the base id and no job type with distributed.wandb: rank0', () => {
    const options = parseOptions({ project: 'p', distributed: { wandb: 'rank0' } });
    expect(runIdentity(options, { rank: 0, worldSize: 2, groupId: 'j' }, fresh)).toEqual({
      id: groupRunId('p', 'j'),
      name: `p-${groupRunId('p', 'j')}`,
      group: 'j',
      jobType: undefined,
    });
  });

  it('falls back to a fresh id without a shared group', () => {
    const options = parseOptions({ project: 'p' });
    expect(runIdentity(options, { rank: 1, worldSize: 2, groupId: undefined }, fresh)).toEqual({
      id: 'fresh001-r1',
      name: 'p-fresh001',
      group: undefined,
      jobType: 'rank-1',
    });
  });

  it('gives different groups and projects different base ids', () => {
    expect(groupRunId('p', 'a')).not.toBe(groupRunId('p', 'b'));
    expect(groupRunId('p', 'a')).not.toBe(groupRunId('q', 'a'));
    expect(groupRunId('p', 'a')).toBe(groupRunId('p', 'a'));
  });
});
