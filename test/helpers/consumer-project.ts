import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './paths.js';

const exec = promisify(execFile);

/** The toolchains the consumer projects use: the repository's own devDependencies (nothing downloaded). */
const TOOLCHAIN_PACKAGES = ['typescript', 'tsx', 'esbuild', 'vitest', '@types/node'];

interface LockEntry {
  version: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  optional?: boolean;
  [field: string]: unknown;
}

/**
 * Packs the repository (`npm pack`, whose `prepack` builds dist) into `dir` and installs the tarball with
 * `reflect-metadata` into `dir/shared` OFFLINE, as a CI machine that ran `npm ci` can: the lockfile written
 * here pins every dependency to the tarball the repository's own lockfile names (so npm reads it from its
 * cache by integrity and needs no registry metadata). Then links the toolchains from the repository's
 * node_modules into the shared install. Returns the shared `node_modules` path.
 */
export async function installPackedTrainscope(dir: string): Promise<string> {
  const packed = await exec('npm', ['pack', '--pack-destination', dir, '--silent'], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const tarball = packed.stdout.trim().split('\n').at(-1) as string;
  const shared = join(dir, 'shared');
  mkdirSync(shared, { recursive: true });
  writeConsumerLock(shared, `file:../${tarball}`);
  const installed = await exec('npm', ['ci', '--offline', '--no-audit', '--no-fund'], {
    cwd: shared,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  const modules = join(shared, 'node_modules');
  for (const name of TOOLCHAIN_PACKAGES) {
    mkdirSync(join(modules, name, '..'), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules', name), join(modules, name), 'dir');
  }
  writeFileSync(join(dir, 'install.log'), installed.stdout + installed.stderr);
  return modules;
}

/** `package.json` and `package-lock.json` for the shared install, from the repository's lockfile. */
function writeConsumerLock(shared: string, trainscopeSpec: string): void {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    bin: Record<string, string>;
    engines: Record<string, string>;
  };
  const repoLock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const reflect = manifest.devDependencies['reflect-metadata'] as string;
  const packages: Record<string, unknown> = {};
  const queue = [...Object.keys(manifest.dependencies), 'reflect-metadata'];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (packages[`node_modules/${name}`] !== undefined) continue;
    const entry = repoLock.packages[`node_modules/${name}`];
    if (entry === undefined) throw new Error(`package-lock.json has no node_modules/${name}`);
    const { dev: _dev, devOptional: _devOptional, peer: _peer, optional: _optional, ...kept } = entry;
    packages[`node_modules/${name}`] = kept;
    queue.push(...Object.keys(entry.dependencies ?? {}));
  }
  const dependencies = { trainscope: trainscopeSpec, 'reflect-metadata': reflect };
  const lock = {
    name: 'consumers',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumers', dependencies },
      'node_modules/trainscope': {
        version: '0.1.0',
        resolved: trainscopeSpec,
        dependencies: manifest.dependencies,
        bin: manifest.bin,
        engines: manifest.engines,
      },
      ...packages,
    },
  };
  writeFileSync(join(shared, 'package-lock.json'), JSON.stringify(lock, null, 2));
  writeFileSync(
    join(shared, 'package.json'),
    JSON.stringify({ name: 'consumers', private: true, dependencies }),
  );
}

/** Creates a consumer project: its files, and `node_modules` linked to the shared install. */
export function createProject(
  root: string,
  name: string,
  files: Record<string, string>,
  modules: string,
): string {
  const dir = join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs a command in a project; rejects with its output when it fails. */
export async function runIn(dir: string, command: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd: dir,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
      env: consumerEnv(),
    });
    return stdout + stderr;
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} in ${dir} failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    );
  }
}

/** The parent's environment without what the outer vitest and W&B settings would leak into the consumer. */
function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key.startsWith('WANDB_') || key === 'NODE_OPTIONS' || key === 'TEST')
      continue;
    env[key] = value;
  }
  return env;
}
