import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ConfigFileError, loadConfigFile } from '../../src/core/config-loader.js';
import { init } from '../../src/init.js';
import { inspectLogDir } from '../../src/trackers/tensorboard/inspect-log-dir.js';
import type { TagPointValue } from '../../src/trackers/tensorboard/tag-point-value.js';
import { readWandbFile } from '../../src/trackers/wandb/offline/read-wandb-file.js';
import type { WandbRecord } from '../../src/trackers/wandb/offline/wandb-record.js';
import { parseWandbJson } from '../../src/trackers/wandb/wandb-json.js';
import { captureStderr } from '../helpers/recording-backend.js';
import { BAD_CONFIG_FILES, BAD_INPUT_CASES, type BadInputCase } from '../helpers/bad-input-corpus.js';
import { tempRoot } from '../helpers/child-process.js';

const { dir, cleanup } = tempRoot('trainscope-rel-bad-');
afterAll(cleanup);

function sameNumber(actual: unknown, expected: number): boolean {
  return typeof actual === 'number' && Object.is(actual, expected);
}

function isText(value: TagPointValue | undefined): boolean {
  return typeof value === 'string';
}

describe('bad-input corpus, in both backends', () => {
  it('each case is written, sanitized or dropped as documented; nothing throws into the trainer; files read back clean', {
    timeout: 120_000,
  }, async () => {
    const stderr = captureStderr();
    const consoleWarnings: string[] = [];
    const warnSpy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      consoleWarnings.push(args.map(String).join(' '));
    });
    const thrown = new Map<string, string>();
    try {
      const run = await init({
        project: 'bad',
        name: 'bad',
        tensorboard: { logDir: join(dir, 'tb') },
        wandb: { mode: 'offline', dir, runId: 'badinput' },
        profiling: { enabled: false },
        handleExit: false,
        logLevel: 'warn',
      });
      for (const c of BAD_INPUT_CASES) {
        try {
          await c.apply(run);
        } catch (error) {
          thrown.set(c.name, (error as Error).message);
        }
      }
      // Warnings are one-time: the same bad input again (at later steps) prints nothing new.
      for (let i = 0; i < 50; i++) run.log({ nul: null, arr: [1], numstr: '1', '': 1 }, { step: 1_000 + i });
      await run.finish();
    } finally {
      stderr.restore();
      warnSpy.mockRestore();
    }
    const output = `${stderr.text()}\n${consoleWarnings.join('\n')}`;

    const tb = inspectLogDir(join(dir, 'tb'));
    expect(tb.errors).toBe(0);
    expect(tb.warnings).toBe(0);
    const tags = tb.runs.bad?.tags ?? {};
    const runDir = readdirSync(join(dir, 'wandb')).find((n) => n.startsWith('offline-run-')) as string;
    const wandb = readWandbFile(join(dir, 'wandb', runDir, 'run-badinput.wandb'));
    expect(wandb.errors).toEqual([]);
    expect(wandb.warnings).toEqual([]);
    expect(wandb.records.at(-1)?.type).toBe('footer');
    const history = wandb.records.filter((r): r is WandbRecord & { type: 'history' } => r.type === 'history');
    const wandbRow = (step: number) => history.find((r) => r.history?.step?.num === step);
    const wandbKeys = new Set(history.flatMap((r) => (r.history?.item ?? []).map((i) => i.key)));

    const check = (c: BadInputCase) => {
      if (c.throws) expect(thrown.get(c.name), c.name).toMatch(c.throws);
      else expect(thrown.has(c.name), `${c.name} threw ${thrown.get(c.name)}`).toBe(false);
      for (const e of c.expected) {
        if (e.tbTag !== null) {
          const points = (tags[e.tbTag]?.points ?? []).filter((p) => p.step === e.step);
          const last = points.at(-1)?.value;
          if (e.value === 'text') expect(isText(last), `${c.name}: TensorBoard ${e.tbTag}`).toBe(true);
          else
            expect(sameNumber(last, e.value), `${c.name}: TensorBoard ${e.tbTag} = ${String(last)}`).toBe(
              true,
            );
        }
        const item = wandbRow(e.step)?.history?.item?.find((i) => i.key === e.wandbKey);
        if (e.wandbKey === null) {
          expect(wandbRow(e.step), `${c.name}: no W&B row at ${e.step}`).toBeUndefined();
          continue;
        }
        expect(item, `${c.name}: W&B ${e.wandbKey.slice(0, 40)} at ${e.step}`).toBeDefined();
        const value = parseWandbJson(item?.value_json ?? 'null');
        if (e.value === 'text') expect(typeof value, c.name).toBe('string');
        else
          expect(sameNumber(value, e.wandbValue ?? e.value), `${c.name}: W&B = ${String(value)}`).toBe(true);
      }
      for (const key of c.absent ?? []) {
        expect(wandbKeys.has(key), `${c.name}: W&B has ${key.slice(0, 40)}`).toBe(false);
        expect(Object.keys(tags).includes(key), `${c.name}: TensorBoard has ${key.slice(0, 40)}`).toBe(false);
      }
      if (c.outcome === 'dropped' && c.expected.length === 0) {
        expect(wandbRow(c.step), `${c.name}: nothing at ${c.step}`).toBeUndefined();
      }
      if (c.warning) {
        const hits = output.split('\n').filter((line) => c.warning?.test(line));
        expect(hits, `${c.name}: its warning, once`).toHaveLength(1);
      }
    };
    for (const c of BAD_INPUT_CASES) check(c);

    // The 10 MB text value arrives whole in both backends.
    const huge = BAD_INPUT_CASES.find((c) => c.name === '10 MB text value') as BadInputCase;
    const tbText = tags.huge_text?.points[0]?.value as string | undefined;
    expect(tbText?.length).toBe(10 * 1024 * 1024);
    const wbText = wandbRow(huge.step)?.history?.item?.find((i) => i.key === 'huge_text')?.value_json;
    expect(wbText?.length).toBe(10 * 1024 * 1024 + 2);
    // Every key of the 10,000-character tag case is cut to 1024 characters, in both backends.
    expect(Object.keys(tags).every((t) => t.length <= 1024)).toBe(true);
    expect([...wandbKeys].every((k) => (k ?? '').length <= 1024)).toBe(true);
  });

  it('invalid config files fail with ConfigFileError naming the file and the field', () => {
    for (const bad of BAD_CONFIG_FILES) {
      const path = join(dir, `bad-${bad.name.replaceAll(' ', '-')}.json`);
      writeFileSync(path, bad.text);
      let error: unknown;
      try {
        loadConfigFile(path);
      } catch (e) {
        error = e;
      }
      expect(error, bad.name).toBeInstanceOf(ConfigFileError);
      expect((error as ConfigFileError).file).toBe(path);
      expect((error as Error).message, bad.name).toMatch(bad.message);
      expect(readFileSync(path, 'utf8')).toBe(bad.text);
    }
  });
});
