import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWandbFile } from '../../src/trackers/wandb/offline/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'wandb-sigkill-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const CHILD = join(import.meta.dirname, 'helpers/killed-writer-child.ts');

/** Runs the child until it reports `minRows` rows, kills it with SIGKILL and returns the run directory. */
function runAndKill(id: string, minRows: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, tmp, id], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let directory = '';
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
        if (line.startsWith('rows ') && Number(line.slice(5)) >= minRows && child.exitCode === null) {
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve(directory);
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
    // The three children run at once (each needs a second or more to start).
    const directories = await Promise.all(kills.map(([id, minRows]) => runAndKill(id, minRows)));
    for (const [index, [id, minRows]] of kills.entries()) {
      const contents = readWandbFile(join(directories[index] as string, `run-${id}.wandb`));
      expect(contents.errors, id).toEqual([]);
      for (const warning of contents.warnings) expect(warning).toMatch(/^file incomplete/);
      expect(contents.records.slice(0, 3).map((r) => r.type)).toEqual(['header', 'run', 'files']);
      const steps = contents.records
        .filter((r) => r.type === 'history')
        .map((r) => r.history?.step?.num ?? 0);
      // Rows arrive in order with no gap: whatever was cut off was only the tail.
      expect(steps, id).toEqual(steps.map((_, i) => i));
      if (minRows > 1) {
        expect(steps.length, id).toBeGreaterThan(minRows / 2);
        const sample = contents.records.find((r) => r.history?.item?.some((item) => item.key === 'sample'));
        expect(sample?.history?.item?.[1]?.value_json?.length).toBe(70_002);
      }
    }
  });
});
