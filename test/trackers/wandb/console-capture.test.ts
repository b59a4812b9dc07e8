import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainscopeOptions } from '../../../src/core/options.js';
import { init } from '../../../src/init.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { syncRun } from '../../../src/trackers/wandb/sync/sync-run.js';
import { fakeWandbPerTest } from '../../helpers/fake-wandb-per-test.js';
import { wandbOnlyOptions } from '../../helpers/wandb-backend.js';

const KEY = 'c'.repeat(40);
const fake = fakeWandbPerTest(KEY);

const options = (wandb: TrainscopeOptions['wandb']): TrainscopeOptions => wandbOnlyOptions('console', wandb);

/** What a training script prints: a line, a `\r` progress bar, an error line. */
function printTraining(): void {
  process.stdout.write('training started\n');
  process.stdout.write('epoch 1 [#   ]\repoch 1 [##  ]\repoch 1 [####]\n');
  process.stderr.write('warning: lr high\n');
  process.stdout.write('training done\n');
}

/** An `output.log` line without its UTC time stamp. */
const unstamped = (line: string) => line.replace(/\d{4}-\d\d-\d\dT[\d:.]+ /, '');

describe('console capture (wandb.console: wrap)', () => {
  it('online: output.log lines with offsets, \\r collapsed, stderr marked ERROR; plain output.log uploaded', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const run = await init(
      options({ mode: 'online', dir, baseUrl: server.url, apiKey: KEY, entity: 't', runId: 'cons0001' }),
    );
    printTraining();
    await run.finish();
    const lines = server.fileLines('cons0001', 'output.log');
    const stamp = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}';
    expect(lines.map((l) => l.replace(new RegExp(stamp), 'T'))).toEqual([
      'T training started\n',
      'T epoch 1 [####]\n',
      'ERROR T warning: lr high\n',
      'T training done\n',
    ]);
    const plain = server.uploads.get('cons0001/output.log')?.body.toString();
    expect(plain).toBe('training started\nepoch 1 [####]\nwarning: lr high\ntraining done');
  });

  it('online: a partial line is sent on the 2 s output flush, then rewritten at its own offset', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const run = await init(
      options({ mode: 'online', dir, baseUrl: server.url, apiKey: KEY, entity: 't', runId: 'cons0002' }),
    );
    process.stdout.write('loading\n');
    process.stdout.write('epoch 1 [#   ]');
    const sent = () => (server?.runs.has('cons0002') ? server.fileLines('cons0002', 'output.log') : []);
    const deadline = Date.now() + 10_000;
    while (!sent().some((l) => l.includes('[#   ]')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sent().map(unstamped)).toEqual(['loading\n', 'epoch 1 [#   ]\n']);
    process.stdout.write('\repoch 1 [####]\n');
    process.stderr.write('done\n');
    await run.finish();
    const lines = server.fileLines('cons0002', 'output.log').map(unstamped);
    expect(lines).toEqual(['loading\n', 'epoch 1 [####]\n', 'ERROR done\n']);
    // Offset 1 was sent twice: the partial line, then the completed one at the same offset.
    const outputBodies = server
      .requestsOf('file_stream')
      .map(
        (r) =>
          (r.json as { files?: Record<string, { offset: number; content: string[] }> }).files?.['output.log'],
      )
      .filter((f) => f !== undefined);
    const atOne = outputBodies.flatMap((f) => {
      const line = f.content[1 - f.offset];
      return line === undefined ? [] : [unstamped(line)];
    });
    expect(atOne).toEqual(['epoch 1 [#   ]\n', 'epoch 1 [####]\n']);
    expect(server.uploads.get('cons0002/output.log')?.body.toString()).toBe('loading\nepoch 1 [####]\ndone');
  });

  it('offline: each write is an output_raw record; trainscope sync replays them; console off captures nothing', async () => {
    const dir = fake.dir();
    const run = await init(options({ mode: 'offline', dir, runId: 'consoff1' }));
    printTraining();
    await run.finish();
    const [name] = readdirSync(join(dir, 'wandb')).filter((d) => d.startsWith('offline-run-'));
    const runDir = join(dir, 'wandb', name as string);
    const raw = readWandbFile(join(runDir, 'run-consoff1.wandb')).records.filter(
      (r) => r.type === 'output_raw',
    );
    expect(raw.map((r) => [r.output_raw?.output_type ?? 'STDERR', r.output_raw?.line])).toEqual([
      ['STDOUT', 'training started\n'],
      ['STDOUT', 'epoch 1 [#   ]\repoch 1 [##  ]\repoch 1 [####]\n'],
      ['STDERR', 'warning: lr high\n'],
      ['STDOUT', 'training done\n'],
    ]);
    const server = await fake.start();
    await syncRun(runDir, { apiKey: KEY, baseUrl: server.url });
    const synced = server.fileLines('consoff1', 'output.log');
    expect(synced).toHaveLength(4);
    expect(synced[2]).toMatch(/^ERROR .* warning: lr high\n$/);

    const quiet = await init(
      options({ mode: 'offline', dir: join(dir, 'q'), runId: 'consoff2', console: 'off' }),
    );
    process.stdout.write('not captured\n');
    await quiet.finish();
    const [qname] = readdirSync(join(dir, 'q', 'wandb')).filter((d) => d.startsWith('offline-run-'));
    const q = readWandbFile(join(dir, 'q', 'wandb', qname as string, 'run-consoff2.wandb')).records;
    expect(q.filter((r) => r.type === 'output_raw')).toEqual([]);
  });
});
