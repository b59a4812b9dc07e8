import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWandbFile } from '../../../../src/trackers/wandb/offline/index.js';
import { bundleScript, removeBundle } from '../../../helpers/child-process.js';
import { CHILDREN } from '../../../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'wandb-sigkill-'));
const CHILD = join(CHILDREN, 'wandb-killed-writer-child.ts');
/** The child bundled into one plain script: a start costs node's start-up only, not tsx's. */
let script = '';
beforeAll(async () => {
  script = await bundleScript(CHILD);
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  removeBundle(script);
});

/**
 * Runs the child until `minRows` rows are durable (`flush()` resolved; with `minRows` 1, as soon as it writes),
 * kills it with SIGKILL and returns the run directory and the rows known durable at the kill.
 */
function runAndKill(id: string, minRows: number): Promise<{ directory: string; flushed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, tmp, id], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let directory = '';
    let flushed = 0;
    let durableAtKill = 0;
    let killed = false;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('dir ')) directory = line.slice(4);
        if (line.startsWith('flushed ')) flushed = Math.max(flushed, Number(line.slice(8)));
        const ready = minRows === 1 ? line.startsWith('rows ') : flushed >= minRows;
        if (ready && !killed) {
          killed = true;
          durableAtKill = flushed;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve({ directory, flushed: durableAtKill });
    });
  });
}

describe('a run killed with SIGKILL', () => {
  it('leaves only complete records, every one readable, wherever it was killed', async () => {
    const kills: [string, number][] = [
      ['kill0001', 1],
      ['kill0002', 1_000],
      ['kill0003', 4_000],
    ];
    // The three children run at once.
    const killedRuns = await Promise.all(kills.map(([id, minRows]) => runAndKill(id, minRows)));
    for (const [index, [id, minRows]] of kills.entries()) {
      const killed = killedRuns[index] as { directory: string; flushed: number };
      const contents = readWandbFile(join(killed.directory, `run-${id}.wandb`));
      expect(contents.errors, id).toEqual([]);
      for (const warning of contents.warnings) expect(warning).toMatch(/^file incomplete/);
      expect(contents.records.slice(0, 3).map((r) => r.type)).toEqual(['header', 'run', 'files']);
      const steps = contents.records
        .filter((r) => r.type === 'history')
        .map((r) => r.history?.step?.num ?? 0);
      // Rows arrive in order with no gap: whatever was cut off was only the tail.
      expect(steps, id).toEqual(steps.map((_, i) => i));
      if (minRows > 1) {
        // Everything `flush()` acknowledged before the kill is there.
        expect(killed.flushed, id).toBeGreaterThanOrEqual(minRows);
        expect(steps.length, id).toBeGreaterThanOrEqual(killed.flushed);
        const sample = contents.records.find((r) => r.history?.item?.some((item) => item.key === 'sample'));
        expect(sample?.history?.item?.[1]?.value_json?.length).toBe(70_002);
      }
    }
  });
});
