import os from 'node:os';
import type { Logger, RunInfo } from '../../src/core/backend.js';

/** A logger that prints nothing, for backends driven directly by a case. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, warnOnce() {} };

/** The `RunInfo` a case hands a backend directly: a single-process run named `bench`; `fields` override. */
export function benchRunInfo(fields: Pick<RunInfo, 'id' | 'project'> & Partial<RunInfo>): RunInfo {
  return {
    name: 'bench',
    entity: undefined,
    group: undefined,
    jobType: undefined,
    tags: [],
    notes: undefined,
    config: { lr: 0.0003, batch_size: 32 },
    startTime: Date.now(),
    host: os.hostname(),
    program: 'bench',
    rank: 0,
    worldSize: 1,
    ...fields,
  };
}
