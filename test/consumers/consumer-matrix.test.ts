import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectLogDir } from '../../src/trackers/tensorboard/inspect-log-dir.js';
import { readWandbFile } from '../../src/trackers/wandb/offline/read-wandb-file.js';
import {
  decoratedTrainer,
  functionApiCjs,
  functionApiEsm,
  vitestTrainer,
} from '../helpers/consumer-programs.js';
import { createProject, installPackedTrainscope, runIn } from '../helpers/consumer-project.js';
import { REPO_ROOT } from '../helpers/paths.js';

/**
 * Every way the README says a project can load and run trainscope: the packed tarball installed offline into
 * fresh projects, each running a small trainer with the repository's own toolchains, both outputs read back.
 */

const BIN = join(REPO_ROOT, 'node_modules', '.bin');
const NODE = process.execPath;
const TSC = join(BIN, 'tsc');
const TSX = join(BIN, 'tsx');
const ESBUILD = join(BIN, 'esbuild');
const VITEST = join(BIN, 'vitest');

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const ESM = json({ name: 'consumer', private: true, type: 'module' });
/** What `npm init -y` writes with npm 11. */
const CJS = json({ name: 'consumer', private: true, type: 'commonjs' });
const tsconfig = (options: Record<string, unknown>): string =>
  json({ compilerOptions: { strict: true, outDir: 'build', types: ['node'], ...options }, include: ['src'] });

interface Row {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly steps: readonly (readonly [string, readonly string[]])[];
}

const ROWS: readonly Row[] = [
  {
    name: 'tsc legacy decorators + CommonJS + reflect-metadata (NestJS style)',
    files: {
      'package.json': CJS,
      'tsconfig.json': tsconfig({
        target: 'ES2021',
        module: 'commonjs',
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        // As NestJS's generated tsconfig: zod's CommonJS typings are checked only without skipLibCheck.
        allowSyntheticDefaultImports: true,
        skipLibCheck: true,
      }),
      'src/train.ts': decoratedTrainer('main-call', "import 'reflect-metadata';\n"),
    },
    steps: [
      [TSC, ['-p', '.']],
      [NODE, ['build/train.js']],
    ],
  },
  {
    name: 'tsc TC39 decorators + nodenext, ESM package',
    files: {
      'package.json': ESM,
      'tsconfig.json': tsconfig({ target: 'ES2022', module: 'nodenext' }),
      'src/train.ts': decoratedTrainer('top-level-await'),
    },
    steps: [
      [TSC, ['-p', '.']],
      [NODE, ['build/train.js']],
    ],
  },
  {
    name: 'tsc nodenext in a CommonJS package',
    files: {
      'package.json': CJS,
      'tsconfig.json': tsconfig({ target: 'ES2022', module: 'nodenext' }),
      'src/train.ts': decoratedTrainer('main-call'),
    },
    steps: [
      [TSC, ['-p', '.']],
      [NODE, ['build/train.js']],
    ],
  },
  {
    name: 'tsx, ESM package',
    files: { 'package.json': ESM, 'train.ts': decoratedTrainer('top-level-await') },
    steps: [[TSX, ['train.ts']]],
  },
  {
    name: 'tsx, CommonJS package (npm init -y)',
    files: { 'package.json': CJS, 'train.ts': decoratedTrainer('main-call') },
    steps: [[TSX, ['train.ts']]],
  },
  {
    name: 'tsx, CommonJS package, .mts with top-level await',
    files: { 'package.json': CJS, 'train.mts': decoratedTrainer('top-level-await') },
    steps: [[TSX, ['train.mts']]],
  },
  {
    // Plain: no createRequire banner (a CommonJS dependency requiring Node's built-ins crashed such a bundle).
    name: 'esbuild bundle, ESM',
    files: { 'package.json': ESM, 'train.ts': decoratedTrainer('top-level-await') },
    steps: [
      [
        ESBUILD,
        [
          'train.ts',
          '--bundle',
          '--platform=node',
          '--target=node20',
          '--format=esm',
          '--outfile=bundle.mjs',
        ],
      ],
      [NODE, ['bundle.mjs']],
    ],
  },
  {
    name: 'esbuild bundle, CommonJS',
    files: { 'package.json': CJS, 'train.ts': decoratedTrainer('main-call') },
    steps: [
      [
        ESBUILD,
        [
          'train.ts',
          '--bundle',
          '--platform=node',
          '--target=node20',
          '--format=cjs',
          '--outfile=bundle.cjs',
        ],
      ],
      [NODE, ['bundle.cjs']],
    ],
  },
  {
    name: 'vitest (vite 7), TC39 decorators',
    files: { 'package.json': ESM, 'train.test.ts': vitestTrainer() },
    steps: [[VITEST, ['run', '--globals']]],
  },
  {
    name: 'vitest, experimentalDecorators',
    files: {
      'package.json': ESM,
      'tsconfig.json': json({ compilerOptions: { experimentalDecorators: true } }),
      'train.test.ts': vitestTrainer(),
    },
    steps: [[VITEST, ['run', '--globals']]],
  },
  {
    name: 'plain JavaScript ESM, function API',
    files: { 'package.json': ESM, 'train.mjs': functionApiEsm() },
    steps: [[NODE, ['train.mjs']]],
  },
  {
    name: 'plain JavaScript CommonJS, function API',
    files: { 'package.json': CJS, 'train.cjs': functionApiCjs() },
    steps: [[NODE, ['train.cjs']]],
  },
];

let root = '';
let modules = '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trainscope-consumers-'));
  modules = await installPackedTrainscope(root);
}, 300_000);

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

/** At most two projects build and run at once (CI machines have two cores). */
let running = 0;
const waiting: (() => void)[] = [];
async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** `train/loss` steps and values in TensorBoard and in the `.wandb` log, and how the W&B run ended. */
function readOutputs(dir: string) {
  const tb = inspectLogDir(join(dir, 'out', 'tb'));
  const points = Object.values(tb.runs).flatMap((run) => run.tags['train/loss']?.points ?? []);
  const wandbRoot = join(dir, 'out', 'wandb');
  const runDir = readdirSync(wandbRoot).find((d) => d.startsWith('offline-run-')) as string;
  const file = readdirSync(join(wandbRoot, runDir)).find((f) => f.endsWith('.wandb')) as string;
  const wandb = readWandbFile(join(wandbRoot, runDir, file));
  const rows = wandb.records
    .map((r) => r.history?.item ?? [])
    .filter((items) => items.some((i) => i.key === 'train/loss'))
    .map((items) => {
      const value = (key: string) => JSON.parse(items.find((i) => i.key === key)?.value_json ?? 'null');
      return [value('_step'), value('train/loss')];
    });
  return {
    tbProblems: tb.errors + tb.warnings,
    tb: points.map((p) => [p.step, p.value]),
    wandbProblems: [...wandb.errors, ...wandb.warnings],
    wandb: rows,
    exitCode: wandb.records.find((r) => r.exit)?.exit?.exit_code ?? 0,
    last: Object.keys(wandb.records.at(-1) ?? {}).find((k) => k === 'footer'),
  };
}

describe('the packed package', () => {
  it('installs without install scripts (no npm warning in consumer installs)', () => {
    const manifest = JSON.parse(readFileSync(join(modules, 'trainscope', 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(manifest.scripts?.[hook], hook).toBeUndefined();
    }
    expect(readFileSync(join(root, 'install.log'), 'utf8')).not.toMatch(/script/i);
  });

  it('ships source maps that carry the TypeScript sources (stack traces show real code)', () => {
    const map = JSON.parse(
      readFileSync(join(modules, 'trainscope', 'dist', 'core', 'run.js.map'), 'utf8'),
    ) as { sources: string[]; sourcesContent?: string[] };
    expect(map.sources).toEqual(['../../src/core/run.ts']);
    expect(map.sourcesContent?.[0]).toBe(readFileSync(join(REPO_ROOT, 'src', 'core', 'run.ts'), 'utf8'));
  });
});

const EXPECTED = [0, 1, 2, 3, 4].map((step) => [step, 1 / (step + 1)]);

describe.concurrent('consumer matrix: the packed package in fresh projects', { timeout: 300_000 }, () => {
  it.each(ROWS)('$name', async (row) => {
    const dir = createProject(root, row.name.replace(/[^a-z0-9]+/gi, '-'), row.files, modules);
    const output = await withSlot(async () => {
      let text = '';
      for (const [command, args] of row.steps) text += await runIn(dir, command, [...args]);
      return text;
    });
    expect(output).toMatch(/trained|1 passed/);
    const outputs = readOutputs(dir);
    expect(outputs.tbProblems).toBe(0);
    expect(outputs.tb.map(([s]) => s)).toEqual([0, 1, 2, 3, 4]);
    expect(outputs.tb.map(([, v]) => v)).toEqual(EXPECTED.map(([, v]) => expect.closeTo(v as number, 6)));
    expect(outputs.wandbProblems).toEqual([]);
    expect(outputs.wandb).toEqual(EXPECTED);
    expect(outputs.exitCode).toBe(0);
    expect(outputs.last).toBe('footer');
  });
});
