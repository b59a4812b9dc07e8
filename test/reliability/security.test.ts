import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { init } from '../../src/init.js';
import { table, text } from '../../src/core/values.js';
import { inspectLogDir } from '../../src/trackers/tensorboard/inspect-log-dir.js';
import { type FakeWandbServer, startFakeWandbServer } from '../helpers/fake-wandb-server.js';
import { filesUnder, tempRoot } from '../helpers/child-process.js';

const KEY = 'RELIABILITYKEY0123456789abcdefghijklmnop';
const BASIC = Buffer.from(`api:${KEY}`).toString('base64');
const { dir, cleanup } = tempRoot('trainscope-rel-sec-');
afterAll(cleanup);
const servers: FakeWandbServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** Everything trainscope prints, whichever way it prints it. */
function captureConsole(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const keep = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const spies = [
    vi.spyOn(process.stderr, 'write').mockImplementation(keep),
    vi.spyOn(process.stdout, 'write').mockImplementation(keep),
    vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => keep(a.join(' '))),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => keep(a.join(' '))),
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => keep(a.join(' '))),
  ];
  return {
    text: () => chunks.join(''),
    restore: () => {
      for (const s of spies) s.mockRestore();
    },
  };
}

describe('the API key never leaves the Authorization header of the W&B host', () => {
  it('a full run (both backends, trace, online with failures, key in config) writes and prints no key', {
    timeout: 120_000,
  }, async () => {
    const storage = await startFakeWandbServer();
    servers.push(storage);
    const server = await startFakeWandbServer({
      apiKey: KEY,
      createRunFiles: false,
      uploadBaseUrl: storage.url,
    });
    servers.push(server);
    server.addFault({ target: 'file_stream', status: 500, times: 2 });
    server.addFault({ target: 'file_stream', status: 400, skip: 3 });
    const root = join(dir, 'full');
    const cwd = process.cwd();
    const output = captureConsole();
    try {
      process.chdir(dir); // the Chrome trace goes to ./traces
      const run = await init({
        project: 'sec',
        name: 'sec-run',
        config: {
          lr: 0.1,
          api_key: KEY,
          optimizer: { name: 'adam', password: 'hunter2-password' },
          wandb_token: 'tok-abcdef-123456',
          clientSecret: 'shh-secret-value',
          copy_of_key: KEY,
        },
        tensorboard: { logDir: join(root, 'tb') },
        wandb: {
          mode: 'online',
          dir: root,
          baseUrl: server.url,
          apiKey: KEY,
          runId: 'secrun01',
          timeoutMs: 2_000,
        },
        profiling: { enabled: true, trace: true, systemMetricsSecs: 0, gpu: 'off' },
        handleExit: false,
        logLevel: 'debug',
      });
      for (let i = 0; i < 60; i++) run.log({ loss: 1 / (i + 1), note: text(`step ${i}`) });
      run.log({ preds: table(['a', 'b'], [[1, 2]]) });
      await run.finish({ exitCode: 1 });
    } finally {
      process.chdir(cwd);
      output.restore();
    }
    const printed = output.text();
    expect(printed).not.toContain(KEY);
    expect(printed).not.toContain(BASIC);
    const written = filesUnder(dir);
    expect(written.some((f) => f.endsWith('.wandb'))).toBe(true);
    expect(written.some((f) => f.includes('tfevents'))).toBe(true);
    expect(written.some((f) => f.endsWith('.pt.trace.json'))).toBe(true);
    expect(written.some((f) => f.endsWith('config.yaml'))).toBe(true);
    for (const file of written) {
      const bytes = readFileSync(file);
      for (const secret of [KEY, BASIC, 'hunter2-password', 'tok-abcdef-123456', 'shh-secret-value']) {
        expect(bytes.includes(secret), `${relative(dir, file)} holds ${secret.slice(0, 8)}…`).toBe(false);
      }
    }
    // Config values under secret-looking keys are redacted, the rest kept, in both backends.
    const config = JSON.parse(server.run('secrun01').upserts[0]?.config as string) as Record<
      string,
      { value: unknown }
    >;
    expect(config.lr?.value).toBe(0.1);
    expect(config.api_key?.value).toBe('[redacted]');
    const optimizer = config.optimizer?.value as Record<string, unknown> | undefined;
    expect(optimizer?.password).toBe('[redacted]');
    expect(optimizer?.name).toBe('adam');
    expect(config.copy_of_key?.value).toBe('[redacted]');
    // Over the wire: the key only as Basic auth to the W&B host, never to storage on another origin.
    expect(storage.requests.length).toBeGreaterThan(0);
    expect(new URL(storage.url).port).not.toBe(new URL(server.url).port);
    for (const r of storage.requests) {
      expect(r.headers.authorization).toBeUndefined();
      expect(r.body.includes(KEY) || r.path.includes(KEY) || r.query.includes(KEY)).toBe(false);
    }
    for (const r of server.requests) {
      expect(r.headers.authorization).toBe(`Basic ${BASIC}`);
      expect(r.body.includes(KEY) || r.path.includes(KEY) || r.query.includes(KEY)).toBe(false);
    }
    expect(server.run('secrun01').exitCode).toBe(1);
  });

  it('an http:// base URL other than localhost warns; https is the default', async () => {
    const output = captureConsole();
    try {
      const run = await init({
        project: 'sec',
        tensorboard: false,
        wandb: {
          mode: 'online',
          dir: join(dir, 'http'),
          baseUrl: 'http://wandb.example.invalid',
          apiKey: KEY,
          retryBudgetMs: 200,
          timeoutMs: 200,
        },
        profiling: { enabled: false },
        handleExit: false,
        logLevel: 'warn',
      });
      await run.finish({ timeoutMs: 5_000 });
    } finally {
      output.restore();
    }
    expect(output.text()).toMatch(
      /http:\/\/wandb\.example\.invalid.*(unencrypted|plain|http)|(unencrypted|plain http).*wandb\.example\.invalid/i,
    );
    expect(output.text()).not.toContain(KEY);
  });
});

describe('paths from names and tags stay inside the log directory', () => {
  it('`../` in the run name, TensorBoard runName, metric tags and table keys is sanitized', async () => {
    const root = join(dir, 'paths', 'inside');
    const cwd = process.cwd();
    const output = captureConsole();
    try {
      process.chdir(join(dir));
      for (const [name, runName] of [
        ['../../escape-name', undefined],
        ['ok-name', '../../escape-runname'],
        ['..', undefined],
      ] as const) {
        const run = await init({
          project: 'sec',
          name,
          tensorboard: { logDir: join(root, 'tb'), ...(runName ? { runName } : {}) },
          wandb: { mode: 'offline', dir: root },
          profiling: { enabled: true, trace: true, systemMetricsSecs: 0, gpu: 'off' },
          handleExit: false,
          logLevel: 'silent',
        });
        run.log({ '../../../escape-tag': 1, '../../escape-table': table(['a'], [[1]]) });
        await run.finish();
      }
    } finally {
      process.chdir(cwd);
      output.restore();
    }
    const everything = filesUnder(dir).map((f) => relative(dir, f));
    const outside = everything.filter(
      (f) =>
        !f.startsWith('paths/inside/') &&
        !f.startsWith('traces/') &&
        !f.startsWith('full/') &&
        !f.startsWith('http/') &&
        !f.startsWith('bad-'),
    );
    expect(outside).toEqual([]);
    expect(everything.filter((f) => f.startsWith('traces/')).every((f) => !f.slice(7).includes('/'))).toBe(
      true,
    );
    const tbRuns = Object.keys(inspectLogDir(join(root, 'tb')).runs);
    expect(tbRuns.length).toBe(3);
    for (const r of tbRuns) expect(r.includes('..')).toBe(false);
  });
});
