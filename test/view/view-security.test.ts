import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PathGuard } from '../../src/view/path-guard.js';
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
