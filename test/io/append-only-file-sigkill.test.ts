import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soakSize } from '../helpers/soak-size.js';
import { bundleScript, removeBundle } from '../helpers/child-process.js';
import { scanTestRecords } from '../helpers/test-records.js';
import { CHILDREN } from '../helpers/paths.js';

const CHILD = join(CHILDREN, 'append-only-file-sigkill-child.ts');
const TRIALS = soakSize(3, 12);
const CONCURRENCY = 3;

const tmp = mkdtempSync(join(tmpdir(), 'trainscope-aof-kill-'));
/** The child bundled into one plain script: a start costs node's start-up only, not tsx's. */
let script = '';
beforeAll(async () => {
  script = await bundleScript(CHILD);
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  removeBundle(script);
});

/** Runs the child until it reports `flushes` flushes, waits `extraMs`, SIGKILLs it; returns the last flushed count. */
function runAndKill(path: string, flushes: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastFlushed = 0;
    let seen = 0;
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^flushed (\d+)$/.exec(line);
        if (match === null || killTimer !== undefined) continue;
        lastFlushed = Number(match[1]);
        if (++seen === flushes) killTimer = setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited without being killed: ${stderr}`));
      else resolve(lastFlushed);
    });
  });
}

describe('AppendOnlyFile killed with SIGKILL', () => {
  it(`keeps every flushed record and at most one partial record at the tail (${TRIALS} kills)`, {
    timeout: 240_000,
  }, async () => {
    for (let wave = 0; wave < TRIALS; wave += CONCURRENCY) {
      const trials = Array.from({ length: Math.min(CONCURRENCY, TRIALS - wave) }, (_, i) => wave + i);
      const flushedCounts = await Promise.all(
        trials.map((trial) => runAndKill(join(tmp, `trial-${trial}.bin`), 1 + (trial % 4), (trial * 5) % 17)),
      );
      trials.forEach((trial, i) => {
        const flushed = flushedCounts[i]!;
        const scan = scanTestRecords(readFileSync(join(tmp, `trial-${trial}.bin`)));
        expect(flushed, `trial ${trial}`).toBeGreaterThan(0);
        expect(scan.headerOk, `trial ${trial}`).toBe(true);
        // Records in order with no gap and no damage: whatever the kill cut off was only the tail.
        expect(scan.seqs.length, `trial ${trial}`).toBeGreaterThanOrEqual(flushed);
        expect(scan.seqs, `trial ${trial}`).toEqual(Array.from({ length: scan.seqs.length }, (_, n) => n));
        expect(scan.tail, `trial ${trial}`).not.toBe('corrupt');
      });
    }
  });
});
