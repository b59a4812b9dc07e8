import * as fs from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { configYaml } from './run-files.js';

/**
 * The files the official client uploads at the end of a run (wandb-protocol-2.md §7: the final scan of
 * `files/`): `config.yaml`, `wandb-summary.json` (the final summary), the dependency list `requirements.txt`,
 * `output.log` and any other file there, empty files skipped. Shared by the live stream and `trainscope sync`.
 */

/** The dependency list's name: W&B's Files tab shows the program's dependencies under it. */
export const REQUIREMENTS_FILE = 'requirements.txt';

/** Files the stream or the log already handle at other times (never in the final scan). */
const NOT_AT_END: ReadonlySet<string> = new Set([
  'wandb-metadata.json',
  'wandb-history.jsonl',
  'wandb-events.jsonl',
]);

export interface EndFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * The files of `filesDir` (top level) to upload at the end, minus `skip` (already uploaded or listed). The
 * summary file holds `summaryLine` when given (an offline run's own file is stale: `{"_wandb": {"runtime": 0}}`);
 * a missing `config.yaml` is made from `config` when given (the official client's offline runs have none).
 */
export function endOfRunFiles(
  filesDir: string,
  skip: ReadonlySet<string>,
  options: { summaryLine?: string; config?: Readonly<Record<string, unknown>> } = {},
): EndFile[] {
  const out: EndFile[] = [];
  let names: string[] = [];
  try {
    names = fs
      .readdirSync(filesDir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    // No files directory: only what is given.
  }
  const add = (path: string, bytes: Uint8Array) => {
    if (!skip.has(path) && !NOT_AT_END.has(path) && bytes.length > 0) out.push({ path, bytes });
  };
  if (options.config !== undefined && !names.includes('config.yaml')) {
    add('config.yaml', Buffer.from(configYaml(options.config)));
  }
  for (const name of names.sort()) {
    if (name === 'wandb-summary.json' && options.summaryLine !== undefined) continue;
    try {
      add(name, fs.readFileSync(join(filesDir, name)));
    } catch {
      // Vanished meanwhile: nothing to upload.
    }
  }
  if (options.summaryLine !== undefined) add('wandb-summary.json', Buffer.from(options.summaryLine));
  return out;
}

/**
 * The program's dependency list as `requirements.txt` holds it (sorted lowercase `name==version`, `\n`-joined,
 * no final newline): the `dependencies` of the `package.json` nearest to `program`, with the installed
 * versions from `node_modules` (else the declared range). `undefined` when there is no `package.json`.
 */
export function dependencyList(program: string): string | undefined {
  const root = nearestPackageRoot(program);
  if (root === undefined) return undefined;
  let manifest: { dependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(fs.readFileSync(join(root, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const lines: string[] = [];
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    lines.push(`${name.toLowerCase()}==${installedVersion(root, name) ?? range}`);
  }
  return lines.sort().join('\n');
}

function nearestPackageRoot(program: string): string | undefined {
  let dir = resolve(program.length > 0 ? dirname(resolve(program)) : process.cwd());
  for (;;) {
    if (fs.existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function installedVersion(root: string, name: string): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}
