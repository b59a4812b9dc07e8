import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../../src/core/backend.js';
import type { StagedArtifact } from '../../../src/core/staged-artifact.js';
import { type MetricValue, table } from '../../../src/core/values.js';
import type { EncodedHistoryRow } from '../../../src/trackers/wandb/history-value.js';
import type { WandbItem } from '../../../src/trackers/wandb/offline/wandb-record.js';
import { WandbRunModel } from '../../../src/trackers/wandb/run-model.js';
import type { RunFile } from '../../../src/trackers/wandb/run-files.js';
import type { WandbRunEnd, WandbSink } from '../../../src/trackers/wandb/wandb-sink.js';
import type { WandbSummary } from '../../../src/trackers/wandb/wandb-summary.js';
import { MemoryLogger } from '../../helpers/memory-logger.js';
import { testRunInfo } from '../../helpers/run-info.js';
import { ONLINE_TABLE_FILE_KEYS } from '../../helpers/wandb-backend.js';

/** A sink that writes down every call, with the summary line as it was at each history row. */
class RecordingSink implements WandbSink {
  readonly calls: string[] = [];
  end: WandbRunEnd | undefined;

  runFiles(files: readonly RunFile[]): void {
    this.calls.push(`files ${files.map((f) => f.path).join(',')}`);
  }

  summaryChanged(summary: WandbSummary): void {
    this.calls.push(`summary ${summary.keys().join(',')}`);
  }

  historyRow(row: EncodedHistoryRow, summary: WandbSummary): void {
    const values = Object.fromEntries(row.keys.map((k, i) => [k, row.valuesJson[i]]));
    this.calls.push(`history ${row.step} ${values.loss ?? '-'} summary ${summary.get('loss') ?? '-'}`);
  }

  statsRow(items: readonly WandbItem[], timeMs: number): void {
    this.calls.push(`stats ${timeMs} ${items.map((i) => `${i.key}=${i.value_json}`).join(',')}`);
  }

  async finish(end: WandbRunEnd): Promise<void> {
    this.end = end;
    this.calls.push(`finish ${end.exitCode} ${end.runtimeSeconds}`);
  }
}

const run = testRunInfo();

function row(
  step: number,
  values: Record<string, MetricValue>,
  channel: MetricRow['channel'] = 'history',
): MetricRow {
  return {
    step,
    time: run.startTime + 1000 + step,
    channel,
    keys: Object.keys(values),
    values: Object.values(values),
  };
}

describe('WandbRunModel', () => {
  it('sends every sink the same completed rows, files before the row that names them, in log order', async () => {
    const a = new RecordingSink();
    const b = new RecordingSink();
    const logger = new MemoryLogger();
    const model = new WandbRunModel(run, [a, b], logger);
    model.write([row(0, { loss: 3 }), row(0, { loss: 2 }), row(1, { loss: 1, _step: 9 })]);
    model.write([row(1, { cpu_percent: 50 }, 'system')]);
    model.write([row(2, { t: table(['c'], [[1]]) }), row(1, { loss: 7 })]);
    model.flush();
    await model.finish(2, new Map<string, MetricValue>([['best', 0.5]]), run.startTime + 61_500);

    expect(a.calls).toEqual(b.calls);
    expect(a.calls[0]).toBe('history 0 2 summary 2');
    expect(a.calls[1]).toBe('history 1 1 summary 1');
    expect(a.calls[2]).toMatch(/^files media\/table\/t_2_[0-9a-f]{20}\.table\.json$/);
    expect(a.calls[3]).toBe('history 2 - summary 1');
    expect(a.calls[4]).toBe('finish 2 61');
    expect(a.calls).toHaveLength(5);
    // The one system aggregate of a run shorter than two publishing intervals is its last stats record, handed
    // over with the end (written after `exit`), stamped with the end time.
    expect(a.end?.finalStats).toEqual({
      items: [{ key: 'cpu', value_json: '50' }],
      timeMs: run.startTime + 61_500,
    });
    expect(model.counters).toEqual({ historyRows: 3, statsRows: 1, droppedRows: 1 });
    expect(logger.messages('warn').join('\n')).toContain('_step');

    const summary = a.end?.summary;
    expect(summary?.closed).toBe(true);
    expect(JSON.parse(summary?.line() ?? '{}')).toMatchObject({
      loss: 1,
      best: 0.5,
      _step: 2,
      _wandb: { runtime: 61 },
    });
  });

  it('counts rows after finish as dropped and finishes each sink once', async () => {
    const sink = new RecordingSink();
    const model = new WandbRunModel(run, [sink]);
    await model.finish(0, undefined, run.startTime + 2_500);
    await model.finish(1);
    model.write([row(0, { loss: 1 }), row(0, { cpu_percent: 1 }, 'system')]);
    expect(sink.calls).toEqual(['finish 0 2']);
    expect(model.counters.droppedRows).toBe(2);
  });

  it('waits for every sink and reports the first failure', async () => {
    const failing = new RecordingSink();
    failing.finish = () => Promise.reject(new Error('disk full'));
    const slow = new RecordingSink();
    let slowDone = false;
    slow.finish = async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      slowDone = true;
    };
    const model = new WandbRunModel(run, [failing, slow]);
    await expect(model.finish(0)).rejects.toThrow('disk full');
    expect(slowDone).toBe(true);
  });

  it('with a live sink, table values name their run-table artifact: the row its version, the summary the latest', async () => {
    const live = Object.assign(new RecordingSink(), { live: true });
    const rows: EncodedHistoryRow[] = [];
    live.historyRow = (encoded) => {
      rows.push(encoded);
    };
    let made = 0;
    const artifactOf = (key: string): StagedArtifact | undefined =>
      key === 'failed'
        ? undefined
        : {
            name: `run-x-${key}`,
            type: 'run_table',
            aliases: ['latest'],
            metadata: undefined,
            digest: 'd',
            files: [{ path: `${key}.table.json`, digest: 'e', size: 1, localPath: '/staged' }],
            step: 0,
            clientId: `c${++made}`,
            sequenceClientId: `s${made}`,
          };
    const model = new WandbRunModel(run, [live], undefined, (key) => artifactOf(key));
    const t = table(['a'], [[1]]);
    model.write([row(0, { t, failed: t })]);
    model.write([row(1, { t: 5 })]);
    model.writeReport(row(1, { 'profiling/ops': t }));
    await model.finish(0);

    const value = JSON.parse(rows[0]?.valuesJson[rows[0].keys.indexOf('t')] as string);
    expect(Object.keys(value)).toEqual(ONLINE_TABLE_FILE_KEYS);
    expect(value.artifact_path).toBe('wandb-client-artifact://c1/t.table.json');
    expect(value._latest_artifact_path).toBe('wandb-client-artifact://s1:latest/t.table.json');
    // The table whose artifact was not made keeps its plain value.
    expect(JSON.parse(rows[0]?.valuesJson[rows[0].keys.indexOf('failed')] as string)).not.toHaveProperty(
      'artifact_path',
    );
    const summary = JSON.parse(live.end?.summary.line() ?? '{}');
    expect(summary.t).toBe(5);
    expect(summary['profiling/ops']).toMatchObject({
      artifact_path: 'wandb-client-artifact://s2:latest/profiling/ops.table.json',
      _latest_artifact_path: 'wandb-client-artifact://s2:latest/profiling/ops.table.json',
    });

    // Offline (no live sink): the same calls give plain values.
    const offline = new RecordingSink();
    const plainRows: EncodedHistoryRow[] = [];
    offline.historyRow = (encoded) => {
      plainRows.push(encoded);
    };
    const plain = new WandbRunModel(run, [offline], undefined, (key) => artifactOf(key));
    plain.write([row(0, { t })]);
    await plain.finish(0);
    expect(plainRows[0]?.valuesJson[0]).not.toContain('artifact_path');
    expect(offline.end?.summary.line()).not.toContain('artifact_path');
  });
});
