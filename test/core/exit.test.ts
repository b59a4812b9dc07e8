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
}

function runChild(mode: string, signalOnReady?: NodeJS.Signals): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'trainscope-exit-'));
  const output = join(dir, 'out.jsonl');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, output], {
      stdio: ['ignore', 'pipe', 'pipe'],
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
      clearTimeout(timer);
      const text = existsSync(output) ? readFileSync(output, 'utf8') : '';
      const lines = text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ code, stderr, lines });
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

  it('SIGTERM with the program’s own listener: the run finishes, the program decides the exit', async () => {
    const result = await runChild('signal-own-listener', 'SIGTERM');
    expect(loggedSteps(result.lines)).toEqual(ALL_STEPS);
    expect(result.lines).toContainEqual({ finish: { exitCode: 143, reason: 'signal' } });
    expect(result.lines).toContainEqual({ user: 'SIGTERM' });
    expect(result.code).toBe(0);
  });

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
