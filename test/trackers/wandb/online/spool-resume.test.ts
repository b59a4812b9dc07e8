import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { table } from '../../../../src/core/values.js';
import { readWandbFile } from '../../../../src/trackers/wandb/offline/index.js';
import { SyncProgressReporter } from '../../../../src/trackers/wandb/sync/sync-progress.js';
import { SYNC_STATE_FILE } from '../../../../src/trackers/wandb/sync/sync-state.js';
import { syncRun } from '../../../../src/trackers/wandb/sync/sync-run.js';
import { WandbBackend } from '../../../../src/trackers/wandb/wandb-backend.js';
import { type FakeWandbServer, startFakeWandbServer } from '../../../helpers/fake-wandb-server.js';
import {
  capturingLogger,
  context,
  row,
  tempDir,
  testRun,
  wandbOptions,
} from '../../../helpers/wandb-backend.js';

const KEY = 'q'.repeat(40);
const FAST = { initialDelayMs: 5, maxDelayMs: 20, jitter: 0.25 };

const servers: FakeWandbServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function historyLinesOf(wandbFile: string): string[] {
  return readWandbFile(wandbFile)
    .records.filter((r) => r.type === 'history')
    .map(
      (r) => `{${(r.history?.item ?? []).map((i) => `${JSON.stringify(i.key)}:${i.value_json}`).join(',')}}`,
    );
}

describe('spool in the middle of a run', () => {
  it('W&B stops answering mid-run: sync resumes at the acknowledged offset and the server ends with every row once', async () => {
    const s = await startFakeWandbServer({ apiKey: KEY });
    servers.push(s);
    const root = tempDir();
    dirs.push(root);
    const logger = capturingLogger();
    const b = new WandbBackend(
      wandbOptions({
        mode: 'online',
        dir: root,
        baseUrl: s.url,
        apiKey: KEY,
        retryBudgetMs: 200,
        timeoutMs: 5_000,
      }),
      testRun(),
      {
        env: { HOME: root },
        schedule: () => 10,
        backoff: { graphql: FAST, file_stream: FAST, upload: FAST },
      },
    );
    await b.start(context(testRun(), logger));
    for (let i = 0; i < 50; i++) {
      b.write([row(i, { loss: i })]);
      b.write([row(i, { acc: i / 50 })]); // merged into the same history row
    }
    b.write([row(10, { late: 1 })]); // lower step: dropped by W&B's rule (warned once by the local log)
    for (
      let i = 0;
      i < 60 && (s.runs.get('tsrun001')?.files.get('wandb-history.jsonl')?.length ?? 0) < 49;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    s.setDown(true);
    for (let i = 50; i < 120; i++) b.write([row(i, { loss: i, acc: i / 50 })]);
    b.write([row(120, { t: table(['a', 'b'], [[1, 'x']]) })]);
    await new Promise((r) => setTimeout(r, 300));
    await b.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
    expect(logger.lines.filter((l) => l.message.includes('streaming stopped'))).toHaveLength(1);

    const dir = b.directory as string;
    const state = JSON.parse(readFileSync(join(dir, SYNC_STATE_FILE), 'utf8'));
    expect(state.complete).toBe(false);
    expect(state.historyOffset).toBeGreaterThanOrEqual(49);
    expect(state.historyOffset).toBeLessThan(121);
    const serverBefore = s.historyLines('tsrun001').length;
    expect(serverBefore).toBe(state.historyOffset);

    s.setDown(false);
    const firstSyncRequest = s.requests.length;
    const result = await syncRun(dir, { apiKey: KEY, baseUrl: s.url });
    expect(result.sentHistoryLines).toBe(121 - state.historyOffset);
    const resent = s.requests
      .slice(firstSyncRequest)
      .map(
        (r) =>
          (r.json as { files?: Record<string, { offset: number }> } | undefined)?.files?.[
            'wandb-history.jsonl'
          ],
      )
      .filter((h) => h !== undefined);
    expect(resent[0]?.offset).toBe(state.historyOffset);

    // The server holds exactly the local log's history, each row once, same bytes as the live stream sent.
    const local = historyLinesOf(join(dir, 'run-tsrun001.wandb'));
    expect(local).toHaveLength(121);
    expect(s.historyLines('tsrun001')).toEqual(local);
    const steps = local.map((l) => (JSON.parse(l) as { _step: number; loss?: number; acc?: number })._step);
    expect(steps).toEqual(Array.from({ length: 121 }, (_, i) => i));
    expect(JSON.parse(local[3] as string)).toMatchObject({ loss: 3, acc: 0.06 });
    const ref = JSON.parse(local[120] as string).t as { path: string };
    expect(s.uploads.get(`tsrun001/${ref.path}`)).toBeDefined();
    expect(s.run('tsrun001').complete).toBe(true);
  });
});

describe('SyncProgressReporter', () => {
  it('draws a bar in place on a TTY and prints one line per phase otherwise', () => {
    const tty: string[] = [];
    const bar = new SyncProgressReporter({ isTTY: true, columns: 80, write: (t) => tty.push(t) }, 'run');
    bar.update({ runDir: 'run', phase: 'history', done: 5, total: 10 });
    bar.update({ runDir: 'run', phase: 'history', done: 10, total: 10 });
    bar.end();
    expect(tty[0]).toMatch(/^\rrun \[#+-+\] {2}50% 5\/10 history/);
    expect(tty[1]).toMatch(/\[#+\] 100% 10\/10/);
    expect(tty.at(-1)).toBe('\n');
    const plain: string[] = [];
    const lines = new SyncProgressReporter({ isTTY: false, write: (t) => plain.push(t) }, 'run');
    lines.update({ runDir: 'run', phase: 'history', done: 5, total: 10 });
    lines.update({ runDir: 'run', phase: 'history', done: 9, total: 10 });
    lines.update({ runDir: 'run', phase: 'done', done: 10, total: 10 });
    expect(plain).toEqual(['run: history (5/10)\n', 'run: done (10/10)\n']);
  });
});
