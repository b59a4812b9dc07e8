import { describe, expect, it } from 'vitest';
import type { StagedArtifact } from '../../../../src/core/staged-artifact.js';
import { table } from '../../../../src/core/values.js';
import { encodeHistoryRow, encodeMetricValue } from '../../../../src/trackers/wandb/history-value.js';
import { TableArtifactPaths } from '../../../../src/trackers/wandb/online/table-artifact-paths.js';
import { WandbSummary } from '../../../../src/trackers/wandb/wandb-summary.js';

const TABLE = table(['a'], [[1]]);

function artifact(id: string, key: string): StagedArtifact {
  return {
    name: `run-x-${key}`,
    type: 'run_table',
    aliases: ['latest'],
    metadata: undefined,
    digest: 'd',
    files: [{ path: `${key}.table.json`, digest: 'e', size: 1, localPath: '/nowhere' }],
    step: 0,
    clientId: `c${id}`,
    sequenceClientId: `s${id}`,
  };
}

describe('TableArtifactPaths: the online form of table-file values', () => {
  it('a table only in the summary (the profiler report) gets the latest paths; a key logged over by a number, none', () => {
    const paths = new TableArtifactPaths();
    const summary = new WandbSummary();
    const report = encodeMetricValue('profiling/ops', 5, TABLE).json;
    paths.logged('profiling/ops', artifact('1', 'profiling/ops'));
    summary.set('profiling/ops', report);
    summary.set('t', encodeMetricValue('t', 5, TABLE).json);
    const online = JSON.parse(paths.summaryLine(summary));
    expect(online['profiling/ops']).toMatchObject({
      artifact_path: 'wandb-client-artifact://s1:latest/profiling/ops.table.json',
      _latest_artifact_path: 'wandb-client-artifact://s1:latest/profiling/ops.table.json',
    });
    // `t` has no artifact (its staging failed): sent as logged.
    expect(online.t).not.toHaveProperty('artifact_path');
    summary.set('profiling/ops', '0.5');
    summary.close(3);
    expect(JSON.parse(paths.summaryLine(summary))).toMatchObject({
      'profiling/ops': 0.5,
      _wandb: { runtime: 3 },
    });
  });

  it('a row names its own version; a later row of the same key without an artifact gets no stale paths', () => {
    const paths = new TableArtifactPaths();
    const row = (step: number) =>
      encodeHistoryRow({ step, time: 1, channel: 'history', keys: ['t'], values: [TABLE] }, 0);
    paths.logged('t', artifact('1', 't'));
    const first = JSON.parse(paths.historyRow(row(1)).valuesJson[0] as string);
    expect(first.artifact_path).toBe('wandb-client-artifact://c1/t.table.json');
    expect(first._latest_artifact_path).toBe('wandb-client-artifact://s1:latest/t.table.json');
    expect(JSON.parse(paths.historyRow(row(2)).valuesJson[0] as string)).not.toHaveProperty('artifact_path');
  });
});
