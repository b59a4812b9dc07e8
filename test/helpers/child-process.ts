import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { CHILDREN, REPO_ROOT } from './paths.js';

const ROOT = REPO_ROOT;
const WRITER_ENTRY = join(ROOT, 'src', 'writer-thread', 'writer-thread.ts');
/** Bundles go under node_modules so that the bundle's bare imports (zod, protobufjs…) resolve. */
const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'trainscope-reliability');

/**
 * Bundles a child script (TypeScript, importing from `src/`) into one plain ESM file, once per test file:
 * a child started from it costs node's start-up only, not tsx's (~1 s per child on a loaded machine).
 */
export function bundleChild(name: string): Promise<string> {
  return bundleScript(join(CHILDREN, `${name}.ts`));
}

/** {@link bundleChild} for a child script anywhere under test/ (given by its path). */
export async function bundleScript(entry: string): Promise<string> {
  // One folder per test process: the writer thread's entry (`logging.thread: 'worker'`) is bundled next to the
  // child, where the child's bundled `start-writer-thread` looks for it (`./writer-thread.js`).
  const dir = join(BUNDLE_DIR, String(process.pid));
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${basename(entry, '.ts')}.mjs`);
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  } as const;
  await build({ ...common, entryPoints: [entry], outfile });
  await build({ ...common, entryPoints: [WRITER_ENTRY], outfile: join(dir, 'writer-thread.js') });
  return outfile;
}

/** Removes a bundle made by {@link bundleChild}. */
export function removeBundle(path: string): void {
  if (path !== '') rmSync(path, { force: true });
}

export interface ChildHandle {
  readonly child: ChildProcess;
  /** Every complete stdout line so far. */
  readonly lines: string[];
  stderr(): string;
  /** Resolves with the first line matching `pattern` (already seen or future). */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startChild(script: string, args: string[], env: Record<string, string> = {}): ChildHandle {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (let i = waiters.length - 1; i >= 0; i--) {
        const w = waiters[i];
        if (w?.pattern.test(line)) {
          waiters.splice(i, 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  void exited.then(() => clearTimeout(killer));
  return {
    child,
    lines,
    stderr: () => stderr,
    waitFor(pattern) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then(() =>
          reject(new Error(`child exited before printing ${pattern}; stderr:\n${stderr.slice(-2000)}`)),
        );
      });
    },
    exited,
  };
}

export function tempRoot(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `dir`, recursively (relative paths are joined onto `dir`). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}
