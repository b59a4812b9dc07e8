import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeEvent } from '../../src/trackers/tensorboard/proto.js';
import { frameRecord } from '../../src/trackers/tensorboard/record.js';
import { PathGuard } from '../../src/view/path-guard.js';
import { ViewIndex } from '../../src/view/view-index.js';
import type { ViewServer } from '../../src/view/view-server.js';
import { startView, tempDir } from '../helpers/view.js';

/** A raw GET with a chosen Host header (fetch does not let a test set it). */
function rawGet(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('PathGuard', () => {
  const root = tempDir();
  const outside = tempDir();
  mkdirSync(join(root, 'run', 'files'), { recursive: true });
  writeFileSync(join(root, 'run', 'files', 'ok.json'), '{}');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  symlinkSync(outside, join(root, 'run', 'files', 'escape'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'run', 'files', 'secret-link.txt'));
  const guard = new PathGuard([root]);

  it('allows files under the roots', () => {
    expect(guard.resolveInside(join(root, 'run', 'files'), 'ok.json')).toBe(
      join(guard.roots[0]!, 'run', 'files', 'ok.json'),
    );
  });

  it('rejects .. segments, absolute paths and symlinks that lead out', () => {
    const base = join(root, 'run', 'files');
    expect(guard.resolveInside(base, '../../../etc/passwd')).toBeUndefined();
    expect(guard.resolveInside(base, '..')).toBeUndefined();
    expect(guard.resolveInside(base, '/etc/passwd')).toBeUndefined();
    expect(guard.resolveInside(base, 'escape/secret.txt')).toBeUndefined();
    expect(guard.resolveInside(base, 'secret-link.txt')).toBeUndefined();
    expect(guard.allowed(join(outside, 'secret.txt'))).toBeUndefined();
  });
});

describe('symlinks under the given paths', () => {
  /** A run directory holding one event file with `loss` = `value` at step 0. */
  function eventRun(dir: string, value: number): void {
    mkdirSync(dir, { recursive: true });
    const event = encodeEvent({
      wallTime: 1_800_000_000,
      step: 0,
      summary: { value: [{ tag: 'loss', simpleValue: value }] },
    });
    writeFileSync(join(dir, 'events.out.tfevents.1800000000.host'), frameRecord(event));
  }

  it('follows a link whose target stays inside, once, and refuses one that points out', () => {
    const root = tempDir();
    const outside = tempDir();
    eventRun(join(root, '.store', 'kept'), 1);
    eventRun(join(root, 'real'), 2);
    eventRun(join(root, '.store', 'only-file'), 4);
    mkdirSync(join(root, 'file-linked'));
    symlinkSync(
      join(root, '.store', 'only-file', 'events.out.tfevents.1800000000.host'),
      join(root, 'file-linked', 'events.out.tfevents.1800000000.host'),
    );
    eventRun(join(outside, 'secret'), 3);
    symlinkSync(join(root, '.store', 'kept'), join(root, 'linked-dir'));
    mkdirSync(join(root, 'linked-file'));
    symlinkSync(
      join(root, '.store', 'kept', 'events.out.tfevents.1800000000.host'),
      join(root, 'linked-file', 'events.out.tfevents.1800000001.host'),
    );
    symlinkSync(join(root, 'real'), join(root, 'latest-run')); // a second name for a run already found
    symlinkSync(join(outside, 'secret'), join(root, 'escape'));
    symlinkSync(
      join(outside, 'secret', 'events.out.tfevents.1800000000.host'),
      join(root, 'real', 'events.out.tfevents.1800000009.x'),
    );
    const index = new ViewIndex([root]);
    index.refresh();
    const names = index.list().map((run) => run.name);
    expect(names).toEqual(['file-linked', 'linked-dir', 'real']);
    expect(index.runs.get('tb:file-linked')!.scalars.get('loss')!.values[0]).toBe(4);
    expect(index.runs.get('tb:linked-dir')!.scalars.get('loss')!.values[0]).toBe(1);
    expect([...index.runs.get('tb:real')!.scalars.get('loss')!.values]).toEqual([2]);
  });

  it('ends a link loop and takes each real directory once', () => {
    const root = tempDir();
    eventRun(join(root, 'a'), 5);
    symlinkSync(join(root, 'a'), join(root, 'a', 'again'));
    symlinkSync(root, join(root, 'a', 'up'));
    mkdirSync(join(root, 'b'));
    symlinkSync(join(root, 'b'), join(root, 'b', 'self'));
    const index = new ViewIndex([root]);
    index.refresh();
    expect(index.list().map((run) => run.name)).toEqual(['a']);
    expect(index.runs.get('tb:a')!.scalars.get('loss')!.length).toBe(1);
  });
});

describe('access to the server', () => {
  let server: ViewServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('on loopback needs no token but refuses a foreign Host header (DNS rebinding)', async () => {
    const started = await startView({ paths: [tempDir()] });
    server = started.server;
    expect(started.url).not.toContain('token');
    expect((await fetch(`${started.base}/api/runs`)).status).toBe(200);
    const port = Number(new URL(started.base).port);
    const rebound = await rawGet(port, '/api/runs', `evil.example:${port}`);
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('"runs"');
  });

  it('on a non-loopback host prints a token and checks it on page, assets, API and event stream', async () => {
    const started = await startView({ paths: [tempDir()], host: '0.0.0.0' });
    server = started.server;
    const token = new URL(started.url).searchParams.get('token');
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    const base = started.base.replace('0.0.0.0', '127.0.0.1');
    for (const path of ['/', '/assets/app.js', '/api/runs', '/api/events']) {
      const denied = await fetch(`${base}${path}`);
      expect(denied.status, path).toBe(401);
      const wrong = await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}token=${'0'.repeat(48)}`);
      expect(wrong.status, path).toBe(401);
    }
    const page = await fetch(`${base}/?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`/assets/app.js?token=${token}`);
    expect((await fetch(`${base}/api/runs`, { headers: { 'x-trainscope-token': token! } })).status).toBe(200);
    const controller = new AbortController();
    const events = await fetch(`${base}/api/events?token=${token}`, { signal: controller.signal });
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    controller.abort();
  });

  it('sends a CSP that forbids inline scripts on every page', async () => {
    const started = await startView({ paths: [tempDir()] });
    server = started.server;
    const response = await fetch(`${started.base}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain("unsafe-inline'; script");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('tries the next port when the first is taken', async () => {
    const first = await startView({ paths: [tempDir()] });
    const port = Number(new URL(first.base).port);
    const second = await startView({ paths: [tempDir()], port });
    expect(Number(new URL(second.base).port)).toBe(port + 1);
    await second.server.stop();
    server = first.server;
  });
});
