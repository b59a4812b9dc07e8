import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSyncCommand } from '../../../../src/cli/commands/sync.js';
import { SYNC_STATE_FILE } from '../../../../src/trackers/wandb/sync/sync-state.js';
import { SyncError, syncRun } from '../../../../src/trackers/wandb/sync/sync-run.js';
import { fakeWandbPerTest } from '../../../helpers/fake-wandb-per-test.js';
import type { RecordedRequest } from '../../../helpers/fake-wandb-server.js';
import { FIXTURES } from '../../../helpers/paths.js';

const KEY = 'r'.repeat(40);
const FAST = { initialDelayMs: 5, maxDelayMs: 20, jitter: 0.25 };
const MULTIBLOCK = join(FIXTURES, 'wandb', 'offline-multiblock', 'offline-run-20261130_004554-7s31pit4');

const fake = fakeWandbPerTest(KEY);

function copyRun(): string {
  const root = fake.dir();
  cpSync(MULTIBLOCK, join(root, 'run'), { recursive: true });
  return join(root, 'run');
}

function historyChunks(
  requests: readonly RecordedRequest[],
): { offset: number; lines: number; status: unknown }[] {
  return requests.flatMap((r) => {
    const h = (r.json as { files?: Record<string, { offset: number; content: string[] }> } | undefined)
      ?.files?.['wandb-history.jsonl'];
    return h ? [{ offset: h.offset, lines: h.content.length, status: r.status }] : [];
  });
}

describe('syncRun resume', () => {
  it('an interrupted sync resumes at the acknowledged offset; every row reaches W&B exactly once', async () => {
    const server = await fake.start();
    server.addFault({ target: 'file_stream', reset: true, skip: 3, times: 10_000 });
    const dir = copyRun();
    const options = {
      apiKey: KEY,
      baseUrl: server.url,
      maxRequestChars: 8 * 1024,
      backoff: { file_stream: FAST },
    };
    const error = await syncRun(dir, { ...options, retryBudgetMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).resumable).toBe(true);
    expect((error as SyncError).message).toMatch(/Run the same sync again/);
    const state = JSON.parse(readFileSync(join(dir, SYNC_STATE_FILE), 'utf8'));
    expect(state.complete).toBe(false);
    expect(state.historyOffset).toBeGreaterThan(0);
    expect(state.historyOffset).toBeLessThan(567);
    const firstRun = server.requests.length;

    server.clearFaults();
    const result = await syncRun(dir, options);
    expect(result.sentHistoryLines).toBe(567 - state.historyOffset);
    const second = historyChunks(server.requests.slice(firstRun));
    expect(second[0]?.offset).toBe(state.historyOffset);
    const delivered = historyChunks(server.requests).filter((c) => c.status === 200);
    expect(delivered.reduce((sum, c) => sum + c.lines, 0)).toBe(567);
    const steps = server.historyLines('7s31pit4').map((l) => (JSON.parse(l) as { _step: number })._step);
    expect(steps).toEqual(Array.from({ length: 567 }, (_, i) => i));
    expect(server.run('7s31pit4').complete).toBe(true);

    const before = server.requests.length;
    expect((await syncRun(dir, options)).alreadySynced).toBe(true);
    expect(server.requests.length).toBe(before);
  });

  it('trainscope sync prints plain progress lines off a TTY and exits 1 on failure without the key', async () => {
    const server = await fake.start();
    const dir = copyRun();
    const out: string[] = [];
    const err: string[] = [];
    const stream = (sink: string[]) =>
      ({ isTTY: false, write: (t: string) => sink.push(t) }) as unknown as NodeJS.WriteStream;
    const previous = process.env.WANDB_API_KEY;
    process.env.WANDB_API_KEY = KEY;
    try {
      const code = await runSyncCommand(
        [dir],
        { baseUrl: server.url, project: 'p2' },
        stream(out),
        stream(err),
      );
      expect(code).toBe(0);
      expect(out.join('')).toMatch(/history \(\d+\/\d+\)\n/);
      expect(out.join('')).toContain(`synced 567 history rows`);
      expect(server.run('7s31pit4').project).toBe('p2');
      process.env.WANDB_API_KEY = 'w'.repeat(40);
      const failed = await runSyncCommand(
        [join(dir, 'missing')],
        { baseUrl: server.url },
        stream(out),
        stream(err),
      );
      expect(failed).toBe(1);
      expect(err.join('')).toMatch(/error: .*missing/);
    } finally {
      if (previous === undefined) delete process.env.WANDB_API_KEY;
      else process.env.WANDB_API_KEY = previous;
    }
    expect(out.join('').includes(KEY) || err.join('').includes(KEY)).toBe(false);
  });

  it('a refused key fails the sync with a clear, non-resumable error that does not contain the key', async () => {
    const server = await fake.start();
    const wrong = 'x'.repeat(40);
    const error = (await syncRun(copyRun(), { apiKey: wrong, baseUrl: server.url }).catch(
      (e: unknown) => e,
    )) as SyncError;
    expect(error).toBeInstanceOf(SyncError);
    expect(error.resumable).toBe(false);
    expect(error.message).toMatch(/API key was refused/);
    expect(error.message).not.toContain(wrong);
  });
});
