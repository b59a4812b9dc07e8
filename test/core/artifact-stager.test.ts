import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArtifactInputError, manifestDigest, stageArtifact } from '../../src/core/artifact-stager.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-stage-'));
  dirs.push(dir);
  return dir;
}

const md5b64 = (bytes: Buffer) => createHash('md5').update(bytes).digest('base64');

describe('stageArtifact', () => {
  it("computes W&B's manifest digest (checked against the official client's fixture record)", () => {
    const digest = manifestDigest([
      { path: 'profiling/bottlenecks.table.json', digest: 'fytnJXYQWLJDm1eMw6bHiA==' },
    ]);
    expect(digest).toBe('6c367ca0b9521c559b3cfafc10e2b4b8');
  });

  it('copies and digests a directory at call time: an overwrite right after does not change the staged copy', () => {
    const source = temp();
    mkdirSync(join(source, 'sub'));
    const weights = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    writeFileSync(join(source, 'weights.bin'), weights);
    writeFileSync(join(source, 'sub', 'config.json'), '{"layers":2}');
    const staged = stageArtifact(source, { name: 'model', type: 'model', aliases: ['best'] }, temp(), 12);
    writeFileSync(join(source, 'weights.bin'), 'overwritten by the next checkpoint');
    expect(staged.files.map((f) => f.path)).toEqual(['sub/config.json', 'weights.bin']);
    const file = staged.files[1];
    expect(readFileSync(file?.localPath as string)).toEqual(weights);
    expect(file?.digest).toBe(md5b64(weights));
    expect(file?.size).toBe(70_000);
    expect(statSync(file?.localPath as string).mode & 0o777).toBe(0o400);
    const expected = createHash('md5')
      .update('wandb-artifact-manifest-v1\n')
      .update(`sub/config.json:${md5b64(Buffer.from('{"layers":2}'))}\n`)
      .update(`weights.bin:${md5b64(weights)}\n`)
      .digest('hex');
    expect(staged.digest).toBe(expected);
    expect([...staged.aliases].sort()).toEqual(['best', 'latest']);
    expect(staged.step).toBe(12);
    expect(staged.clientId).toMatch(/^[a-z0-9]{128}$/);
  });

  it('refuses bad names, aliases and paths with a clear error', () => {
    const source = temp();
    writeFileSync(join(source, 'a.txt'), 'a');
    const stage = (path: string, name: string, aliases?: string[]) => () =>
      stageArtifact(path, { name, type: 'model', aliases }, temp(), 0);
    expect(stage(join(source, 'a.txt'), 'bad name')).toThrow(ArtifactInputError);
    expect(stage(join(source, 'a.txt'), 'ok', ['v1:x'])).toThrow(/alias/);
    expect(stage(join(source, 'missing'), 'ok')).toThrow(/cannot read/);
  });
});
