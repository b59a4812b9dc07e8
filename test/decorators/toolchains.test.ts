import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

/**
 * The same decorators compiled by tsc in both modes (legacy experimentalDecorators, and TC39 standard decorators
 * lowered by tsc rather than esbuild) and run by plain node: both must record the same spans and logs.
 */

const repoRoot = REPO_ROOT;
const fixtures = join(repoRoot, 'test/fixtures/decorators');
const run = promisify(execFile);

interface FixtureOutput {
  spans: [string, string, boolean, boolean][];
  logs: [Record<string, unknown>, Record<string, unknown>][];
  warnings: string[];
  results: Record<string, unknown>;
  reflect?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

let outDir: string;
const outputs = new Map<string, FixtureOutput>();

/** One program per mode; lib and @types source files are parsed once and shared by both programs. */
function compile(mode: 'legacy' | 'standard', sourceCache: Map<string, ts.SourceFile>): void {
  const configPath = join(fixtures, mode, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { outDir: join(outDir, mode) },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error(`cannot read ${configPath}`);
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    if (!fileName.includes('node_modules')) return getSourceFile(fileName, languageVersion, onError);
    let file = sourceCache.get(fileName);
    if (file === undefined) {
      file = getSourceFile(fileName, languageVersion, onError);
      if (file !== undefined) sourceCache.set(fileName, file);
    }
    return file;
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].filter(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (diagnostics.length > 0) {
    throw new Error(ts.formatDiagnostics(diagnostics, { ...host, getNewLine: () => '\n' }));
  }
  writeFileSync(join(outDir, mode, 'package.json'), '{"type":"module"}\n');
  symlinkSync(join(repoRoot, 'node_modules'), join(outDir, mode, 'node_modules'), 'dir');
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'trainscope-decorators-'));
  const sourceCache = new Map<string, ts.SourceFile>();
  compile('legacy', sourceCache);
  compile('standard', sourceCache);
  await Promise.all(
    (['legacy', 'standard'] as const).map(async (mode) => {
      const script = join(outDir, mode, 'test/fixtures/decorators', mode, 'trainer.js');
      const { stdout } = await run(process.execPath, [script], { cwd: outDir });
      outputs.set(mode, JSON.parse(stdout) as FixtureOutput);
    }),
  );
}, 120_000);

afterAll(() => {
  if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
});

const commonSpans: [string, string, boolean, boolean][] = [
  ['Trainer.create', 'default', false, true],
  ['Trainer.forward', 'default', false, true],
  ['Trainer.forward', 'default', false, false],
  ['Trainer.forward', 'default', false, true],
  ['load_batch', 'io', false, true],
  ['Trainer.batches', 'default', false, true],
  ['Trainer.fails', 'default', true, true],
];

const expectedLogs = [
  [{ loss: 0.5 }, { prefix: 'training', priority: 'high', step: 1 }],
  [{ accuracy: 0.9 }, { prefix: 'eval', priority: 'low', step: 10 }],
];

const expectedResults = {
  forward: [6, 8, 10],
  loaded: [1, 2],
  batches: [0, 1, 2],
  error: 'RangeError',
  arrow: 3,
};

describe.each(['legacy', 'standard'])('tsc, %s decorators', (mode) => {
  it('records the spans of sync, async, static, async-generator and failing methods', () => {
    const output = outputs.get(mode)!;
    expect(output.spans.slice(0, commonSpans.length)).toEqual(commonSpans);
  });

  it('logs tracked metrics with prefix, step source and priority in either decorator order', () => {
    expect(outputs.get(mode)!.logs).toEqual(expectedLogs);
  });

  it('returns every value unchanged', () => {
    expect(outputs.get(mode)!.results).toMatchObject(expectedResults);
  });

  it("warns through the run's logger, once, about the field that is not a metric", () => {
    const skipped = outputs.get(mode)!.warnings.filter((w) => w.includes('not metrics'));
    expect(skipped).toEqual([
      'trainscope: warning: @TrackMetrics Trainer.trainStep returned fields that are not metrics and are not logged: note (string)',
    ]);
  });
});

describe('tsc, both decorator modes', () => {
  it("print the same warnings, but for legacy's field warning", () => {
    const legacy = outputs.get('legacy')!.warnings.filter((w) => !w.includes('Trainer.onBatch'));
    expect(legacy.length).toBeGreaterThan(0);
    expect(outputs.get('standard')!.warnings).toEqual(legacy);
  });
});

describe('tsc, legacy decorators only', () => {
  it('warns once that an arrow-function field cannot be wrapped, and leaves it working', () => {
    const output = outputs.get('legacy')!;
    expect(output.spans).toHaveLength(commonSpans.length);
    const fieldWarnings = output.warnings.filter((w) => w.includes('Trainer.onBatch'));
    expect(fieldWarnings).toHaveLength(1);
    expect(fieldWarnings[0]).toMatch(
      /^trainscope: warning: @Profiled on field Trainer\.onBatch does nothing under experimentalDecorators/,
    );
  });

  it('mirrors options into reflect-metadata', () => {
    expect(outputs.get('legacy')!.reflect).toEqual({
      profiled: { name: 'load_batch', category: 'io' },
      priority: 'high',
    });
  });

  it('decorationsOf(Class) reads what was decorated, as under standard decorators', () => {
    expect(outputs.get('legacy')!.metadata).toEqual({
      trackMetrics: { prefix: 'training', step: 'globalStep' },
      priority: 'high',
    });
  });
});

describe('tsc, standard decorators only', () => {
  it('wraps #private methods and arrow-function fields', () => {
    const output = outputs.get('standard')!;
    expect(output.spans.slice(commonSpans.length)).toEqual([
      ['Trainer.onBatch', 'default', false, true],
      ['Trainer.#secret', 'default', false, true],
    ]);
    expect(output.results.secret).toBe(4);
  });

  it('mirrors options into Symbol.metadata through the polyfill', () => {
    expect(outputs.get('standard')!.metadata).toEqual({
      trackMetrics: { prefix: 'training', step: 'globalStep' },
      priority: 'high',
    });
  });
});
