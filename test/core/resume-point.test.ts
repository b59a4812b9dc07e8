import { describe, expect, it } from 'vitest';
import {
  type Backend,
  type BackendStartInfo,
  emptyBackendStats,
  type MetricRow,
} from '../../src/core/backend.js';
import { BackendSet } from '../../src/core/backend-set.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import { testRun } from '../helpers/wandb-backend.js';

function backend(name: string, info: BackendStartInfo | undefined, seen: string[]): Backend {
  return {
    name,
    start: async () => info,
    write: (_rows: readonly MetricRow[]) => {},
    flush: async () => {},
    finish: async () => {},
    stats: emptyBackendStats,
    resumeAt: (step) => seen.push(`${name}@${step}`),
    logArtifact: (artifact) => seen.push(`${name}:${artifact.name}`),
  };
}

describe('BackendSet resume information', () => {
  it('takes the highest resume step, collects refusals by backend, and forwards resumeAt and logArtifact', async () => {
    const seen: string[] = [];
    const logger = new MemoryLogger();
    const set = new BackendSet(
      [
        backend('a', { resumeStep: 7 }, seen),
        backend('b', { resumeStep: 12 }, seen),
        backend('c', undefined, seen),
      ],
      logger,
    );
    const context = { run: testRun(), logger, summary: new Map() };
    expect(await set.start(context, 1000)).toEqual({ resumeStep: 12, refusals: [] });
    set.resumeAt(9);
    set.logArtifact({
      name: 'model',
      type: 'model',
      aliases: ['latest'],
      metadata: undefined,
      digest: 'd',
      files: [],
      step: 9,
      clientId: 'x',
      sequenceClientId: 'y',
    });
    expect(seen).toEqual(['a@9', 'b@9', 'c@9', 'a:model', 'b:model', 'c:model']);
    const refusing = new BackendSet([backend('w', { refusal: 'no such run' }, seen)], logger);
    expect(await refusing.start(context, 1000)).toEqual({
      resumeStep: undefined,
      refusals: ['w: no such run'],
    });
  });
});
