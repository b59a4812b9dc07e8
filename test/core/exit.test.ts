import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';

const CHILD = join(FIXTURES, 'core', 'exit-child.ts');

interface ChildResult {
  code: number | null;
  stderr: string;
  lines: Record<string, unknown>[];
  /** Epoch ms when the parent saw the child exit. */
  exitedAt: number;
}

function runChild(
  mode: string,
  signalOnReady?: NodeJS.Signals,
  env: Record<string, string> = {},
): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'trainscope-exit-'));
  const output = join(dir, 'out.jsonl');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, output], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (signalOnReady !== undefined && chunk.toString().includes('ready')) child.kill(signalOnReady);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      const exitedAt = Date.now();
      clearTimeout(timer);
      const text = existsSync(output) ? readFileSync(output, 'utf8') : '';
      const lines = text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ code, stderr, lines, exitedAt });
    });
  });
}

function loggedSteps(lines: Record<string, unknown>[]): number[] {
  return lines.filter((l) => 'step' in l).map((l) => l.step as number);
}

const ALL_STEPS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

describe('exit handling (child processes)', { timeout: 120_000 }, () => {
  it('SIGTERM finishes the run with 143, flushes every row and exits 143', async () => {
    const result = await runChild('signal', 'SIGTERM');
    expect(loggedSteps(result.lines)).toEqual(ALL_STEPS);
    expect(result.lines.at(-1)).toEqual({ finish: { exitCode: 143, reason: 'signal' } });
    expect(result.code).toBe(143);
  });

  it('SIGTERM with the program’s own listener: logged values are made durable, the program decides', async () => {
    const result = await runChild('signal-own-listener', 'SIGTERM');
    expect(loggedSteps(result.lines)).toEqual(ALL_STEPS);
    // Durable before the program's listener ran; the run stayed open until the program's process.exit(0).
    const userLine = result.lines.findIndex((l) => l.user === 'SIGTERM');
    expect(userLine).toBe(ALL_STEPS.length);
    expect(result.lines.at(-1)).toEqual({ finish: { exitCode: 0, reason: 'exit' } });
    expect(result.code).toBe(0);
  });

  it('SIGINT with the program’s own listener keeps the run open: later logs and finish() work', async () => {
    const result = await runChild('sigint-own-listener', 'SIGINT');
    expect(result.code, result.stderr).toBe(0);
    expect(loggedSteps(result.lines)).toEqual([...ALL_STEPS, 10, 11]);
    expect(result.lines.findIndex((l) => l.user === 'SIGINT')).toBe(ALL_STEPS.length);
    expect(result.lines.at(-1)).toEqual({ finish: { exitCode: 0, reason: 'finish' } });
    expect(result.stderr).not.toContain('after run');
  });

  it('SIGHUP (a closed terminal) finishes the run like SIGTERM, with 129, and exits 129', async () => {
    const result = await runChild('signal', 'SIGHUP');
    expect(loggedSteps(result.lines)).toEqual(ALL_STEPS);
    expect(result.lines.at(-1)).toEqual({ finish: { exitCode: 129, reason: 'signal' } });
    expect(result.code).toBe(129);
  });

  it.each([
    ['throw-while-training', 'boom from the trainer'],
    ['reject-while-training', 'rejected in the trainer'],
  ])(
    '%s: no user code runs after the fatal error; what was logged is written; exit 1 at once, however slow the backend',
    async (mode, message) => {
      const result = await runChild(mode, undefined, { SLOW_FINISH: '1' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      const threw = result.lines.findIndex((l) => 'threw' in l);
      expect(threw).toBeGreaterThan(0);
      // Nothing the trainer does after the error: no tick line follows the marker written just before it.
      expect(result.lines.slice(threw + 1).filter((l) => l.user === 'tick')).toEqual([]);
      // Every value the trainer logged before the error is in the file, then the finish record.
      const ticks = result.lines.filter((l) => l.user === 'tick').length;
      const rows = result.lines.filter((l) => Array.isArray(l.values) && (l.values as number[])[0]! > 100);
      expect(rows).toHaveLength(ticks);
      expect(result.lines.at(-1)).toEqual({ finish: { exitCode: 1, reason: 'exception' } });
      // The backend's finish waits 60 s on its "network": the process did not.
      const thrownAt = result.lines[threw]!.threw as number;
      expect(result.exitedAt - thrownAt).toBeLessThan(3_000);
    },
  );

  it('an uncaught exception is printed, finishes the run with 1 and exits 1', async () => {
    const result = await runChild('throw');
    expect(loggedSteps(result.lines)).toEqual(ALL_STEPS);
    expect(result.lines.at(-1)).toEqual({ finish: { exitCode: 1, reason: 'exception' } });
    expect(result.stderr).toContain('boom from the trainer');
    expect(result.code).toBe(1);
  });

  it('an unhandled rejection is printed, finishes the run with 1 and exits 1', async () => {
    const result = await runChild('reject');
    expect(loggedSteps(result.lines)).toEqual(ALL_STEPS);
    expect(result.lines.at(-1)).toEqual({ finish: { exitCode: 1, reason: 'exception' } });
    expect(result.stderr).toContain('rejected in the trainer');
    expect(result.code).toBe(1);
  });

  it('process.exit(3) drains the queue synchronously, records finish with 3 and flushSync()s', async () => {
    const result = await runChild('exit');
    expect(loggedSteps(result.lines)).toEqual(ALL_STEPS);
    expect(result.lines.at(-1)).toEqual({ finish: { exitCode: 3, reason: 'exit' } });
    expect(result.code).toBe(3);
  });

  it('a program that ends without finish() is finished on beforeExit with 0', async () => {
    const result = await runChild('end');
    expect(loggedSteps(result.lines)).toEqual(ALL_STEPS);
    expect(result.lines.at(-1)).toEqual({ finish: { exitCode: 0, reason: 'finish' } });
    expect(result.code).toBe(0);
  });
});
