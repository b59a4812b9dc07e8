import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  parseNetrc,
  redactSecret,
  resolveWandbCredentials,
} from '../../../src/trackers/wandb/credentials.js';

const homes: string[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

function home(netrc?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-home-'));
  homes.push(dir);
  if (netrc !== undefined) {
    writeFileSync(join(dir, '.netrc'), netrc);
    chmodSync(join(dir, '.netrc'), 0o600);
  }
  return dir;
}

const NETRC =
  'machine example.org\n  login user\n  password other\nmachine api.wandb.ai\n  login user\n  password netrc-key\n';

describe('resolveWandbCredentials', () => {
  it('takes the option, then WANDB_API_KEY, then the ~/.netrc entry of the API host', () => {
    const h = home(NETRC);
    expect(resolveWandbCredentials({ apiKey: 'opt', env: { HOME: h, WANDB_API_KEY: 'env' } })).toMatchObject({
      apiKey: 'opt',
      apiKeySource: 'option',
      baseUrl: 'https://api.wandb.ai',
    });
    expect(resolveWandbCredentials({ env: { HOME: h, WANDB_API_KEY: 'env' } })).toMatchObject({
      apiKey: 'env',
      apiKeySource: 'WANDB_API_KEY',
    });
    expect(resolveWandbCredentials({ env: { HOME: h } })).toMatchObject({
      apiKey: 'netrc-key',
      apiKeySource: 'netrc',
    });
    expect(resolveWandbCredentials({ env: { HOME: home() } }).apiKey).toBeUndefined();
  });

  it('looks the netrc up by the base URL host without port, and honours $NETRC', () => {
    const h = home('machine localhost login x password local-key\ndefault login y password fallback\n');
    expect(
      resolveWandbCredentials({ env: { HOME: h, WANDB_BASE_URL: 'http://localhost:8080/' } }),
    ).toMatchObject({
      apiKey: 'local-key',
      baseUrl: 'http://localhost:8080',
      insecureWarning: undefined,
    });
    expect(
      resolveWandbCredentials({ env: { HOME: h, WANDB_BASE_URL: 'https://wandb.corp.example' } }).apiKey,
    ).toBe('fallback');
    const other = home(NETRC);
    expect(resolveWandbCredentials({ env: { HOME: h, NETRC: join(other, '.netrc') } }).apiKey).toBe(
      'netrc-key',
    );
  });

  it('base URL: option over WANDB_BASE_URL; warns about plain http to a non-local host', () => {
    const h = home();
    const c = resolveWandbCredentials({
      baseUrl: 'http://wandb.corp.example:8080',
      env: { HOME: h, WANDB_BASE_URL: 'https://x.example' },
    });
    expect(c.baseUrl).toBe('http://wandb.corp.example:8080');
    expect(c.insecureWarning).toMatch(/plain http/);
    expect(
      resolveWandbCredentials({ baseUrl: 'http://127.0.0.1:9', env: { HOME: h } }).insecureWarning,
    ).toBeUndefined();
  });

  it('parses netrc comments and tokens; redacts a key and its Basic form', () => {
    expect([...parseNetrc('# c\nmachine a login u password p1 machine b password p2')]).toEqual([
      ['a', 'p1'],
      ['b', 'p2'],
    ]);
    const basic = Buffer.from('api:sekret').toString('base64');
    expect(redactSecret(`x sekret y ${basic}`, 'sekret')).toBe('x <api-key> y <api-key>');
  });
});
