import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type OptionsIssue, describeIssues, formatIssues } from './options-issues.js';
import { unknownOptionKeys, unknownOptionsWarning } from './unknown-options.js';
import {
  OptionsError,
  parseOptions,
  type ResolvedOptions,
  TrainscopeOptionsSchema,
  type TrainscopeOptions,
} from './options.js';

/** The name `loadOptions` looks for in the working directory when no file is given. */
export const CONFIG_FILE_NAME = 'trainscope.config.json';

/** What a config file may hold: any subset of the options (`project` can come from the environment). */
export type ConfigFileOptions = Partial<TrainscopeOptions>;

/** A config file could not be read, is not JSON, or holds invalid options; the message names the file. */
export class ConfigFileError extends OptionsError {
  constructor(
    readonly file: string,
    issues: readonly OptionsIssue[],
  ) {
    super(issues);
    this.name = 'ConfigFileError';
    this.message = `invalid trainscope config file ${file}:\n${formatIssues(issues)}`;
  }
}

const PartialOptionsSchema = TrainscopeOptionsSchema.partial();

/**
 * Reads and validates a JSON config file. Returns the options as written (defaults not filled in), so they can
 * be merged with the environment and explicit overrides. Throws `ConfigFileError` naming the file, each bad
 * field and why.
 */
export function loadConfigFile(path: string): ConfigFileOptions {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigFileError(file, [
      { path: '', message: code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'error'})` },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ConfigFileError(file, [{ path: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigFileError(file, [{ path: '', message: 'must hold a JSON object' }]);
  }
  const result = PartialOptionsSchema.safeParse(data);
  if (!result.success) throw new ConfigFileError(file, describeIssues(result.error.issues));
  const unknown = unknownOptionKeys(data);
  if (unknown.length > 0)
    process.stderr.write(`trainscope: warning: ${unknownOptionsWarning(unknown, file)}\n`);
  return data as ConfigFileOptions;
}

export interface LoadOptionsInput {
  /**
   * Config file to read. Default: `trainscope.config.json` in the working directory when it exists; `false`
   * reads no file. A file given explicitly must exist.
   */
  file?: string | false;
  /** Environment to read `WANDB_*` overrides from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Explicit options (e.g. from the command line); they win over the file and the environment. */
  overrides?: ConfigFileOptions;
}

/**
 * Options from a config file, then the W&B environment variables (which win over the file for the fields they
 * set), then explicit overrides (which win over both), validated with every default filled in.
 *
 * | variable | option |
 * | --- | --- |
 * | `WANDB_PROJECT` | `project` (and `wandb.project` when the file sets it) |
 * | `WANDB_ENTITY` | `wandb.entity` |
 * | `WANDB_MODE` | `wandb.mode` (`dryrun` = offline, `run` = online); enables W&B even when the file says `false` |
 * | `WANDB_API_KEY` | `wandb.apiKey` |
 * | `WANDB_BASE_URL` | `wandb.baseUrl` |
 * | `WANDB_NAME` | `name` |
 * | `WANDB_NOTES` | `notes` |
 * | `WANDB_TAGS` | `tags` (comma-separated) |
 * | `WANDB_RUN_GROUP` | `group` |
 * | `WANDB_JOB_TYPE` | `jobType` |
 * | `WANDB_DIR` | `wandb.dir` |
 *
 * `wandb.*` variables other than `WANDB_MODE` are ignored while W&B is off (`wandb: false`). Errors name the
 * field and where its value came from (the file, the variable, or the overrides), never the value.
 */
export function loadOptions(input: LoadOptionsInput = {}): ResolvedOptions {
  const env = input.env ?? process.env;
  let fromFile: ConfigFileOptions = {};
  let file: string | undefined;
  if (input.file !== false) {
    const candidate = input.file ?? CONFIG_FILE_NAME;
    if (input.file !== undefined || existsSync(candidate)) {
      file = resolve(candidate);
      fromFile = loadConfigFile(file);
    }
  }
  const sources = new Map<string, string>();
  const merged = structuredClone(fromFile) as Record<string, unknown>;
  applyEnvironment(merged, env, sources);
  if (input.overrides !== undefined) {
    deepMerge(merged, input.overrides as Record<string, unknown>, '', sources, 'overrides');
  }
  try {
    return parseOptions(merged);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    const issues = error.issues.map((issue) => {
      const source =
        sourceOf(issue.path, sources) ??
        (file !== undefined && hasPath(fromFile, issue.path) ? file : undefined);
      if (source !== undefined) return { path: issue.path, message: `${issue.message} (from ${source})` };
      if (issue.path === 'project' && issue.message === 'is required') {
        return {
          path: issue.path,
          message: `is required: set it in ${CONFIG_FILE_NAME}, WANDB_PROJECT or the options`,
        };
      }
      return issue;
    });
    if (file !== undefined && issues.some((i) => i.message.endsWith(`(from ${file})`)))
      throw new ConfigFileError(file, issues);
    throw new OptionsError(issues);
  }
}

const MODE_ALIASES: Readonly<Record<string, string>> = { dryrun: 'offline', run: 'online' };

function applyEnvironment(
  target: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
  sources: Map<string, string>,
): void {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const set = (path: string, value: unknown, variable: string) => {
    setPath(target, path, value);
    sources.set(path, variable);
  };
  const mode = read('WANDB_MODE');
  if (mode !== undefined) {
    const normalized = MODE_ALIASES[mode.toLowerCase()] ?? mode.toLowerCase();
    if (target.wandb === false || target.wandb === undefined) target.wandb = {};
    set('wandb.mode', normalized, 'WANDB_MODE');
  }
  const wandbOn = target.wandb !== false;
  const project = read('WANDB_PROJECT');
  if (project !== undefined) {
    set('project', project, 'WANDB_PROJECT');
    if (wandbOn && isObject(target.wandb) && target.wandb.project !== undefined)
      set('wandb.project', project, 'WANDB_PROJECT');
  }
  const wandbFields: readonly [string, string][] = [
    ['WANDB_ENTITY', 'wandb.entity'],
    ['WANDB_API_KEY', 'wandb.apiKey'],
    ['WANDB_BASE_URL', 'wandb.baseUrl'],
    ['WANDB_DIR', 'wandb.dir'],
  ];
  for (const [variable, path] of wandbFields) {
    const value = read(variable);
    if (value !== undefined && wandbOn) set(path, value, variable);
  }
  const runFields: readonly [string, string][] = [
    ['WANDB_NAME', 'name'],
    ['WANDB_NOTES', 'notes'],
    ['WANDB_RUN_GROUP', 'group'],
    ['WANDB_JOB_TYPE', 'jobType'],
  ];
  for (const [variable, path] of runFields) {
    const value = read(variable);
    if (value !== undefined) set(path, value, variable);
  }
  const tags = read('WANDB_TAGS');
  if (tags !== undefined) {
    set(
      'tags',
      tags
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      'WANDB_TAGS',
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** Merges `source` into `target`: plain objects recursively, everything else (arrays, `false`) replaced. */
function deepMerge(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  base: string,
  sources: Map<string, string>,
  label: string,
): void {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const path = base === '' ? key : `${base}.${key}`;
    if (isObject(value) && isObject(target[key])) {
      deepMerge(target[key] as Record<string, unknown>, value, path, sources, label);
    } else {
      target[key] = isObject(value) || Array.isArray(value) ? structuredClone(value) : value;
      sources.set(path, label);
    }
  }
}

/** The source of the deepest recorded path that `issuePath` is at or below. */
function sourceOf(issuePath: string, sources: ReadonlyMap<string, string>): string | undefined {
  let path = issuePath.replace(/\[\d+\]/g, '');
  for (;;) {
    const source = sources.get(path);
    if (source !== undefined) return source;
    const dot = path.lastIndexOf('.');
    if (dot < 0) return undefined;
    path = path.slice(0, dot);
  }
}

function hasPath(options: ConfigFileOptions, path: string): boolean {
  let node: unknown = options;
  for (const part of path.replace(/\[\d+\]/g, '').split('.')) {
    if (!isObject(node) || !(part in node)) return false;
    node = node[part];
  }
  return true;
}
