import { randomInt } from 'node:crypto';
import { hostname } from 'node:os';
import { relative } from 'node:path';
import type { RunInfo } from './backend.js';
import type { ResolvedOptions } from './options.js';
import { ID_ALPHABET, runIdentity } from './run-identity.js';
import { type RankInfo, resolveRank } from './rank.js';

/** A W&B-style run id: 8 characters `[a-z0-9]` from a cryptographic source. */
export function generateRunId(): string {
  let id = '';
  for (let i = 0; i < 8; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/**
 * The run's identity from resolved options: id = `wandb.runId` when given (resuming a W&B run) else a fresh
 * {@link generateRunId}; name = `name` option else `<project>-<id>`; `program` = the entry script relative to
 * the working directory, as W&B's `program`. In a multi-process job, id, name, group and job type follow the
 * rank (see `runIdentity`).
 *
 * @param rankInfo this process's rank: `init()` resolves it once and passes it here and to the distributed
 *   warnings
 */
export function createRunInfo(
  options: ResolvedOptions,
  rankInfo: RankInfo = resolveRank(options),
  startTime = Date.now(),
): RunInfo {
  const { rank, worldSize, localRank } = rankInfo;
  const { id, name, group, jobType } = runIdentity(options, rankInfo, generateRunId);
  const entry = process.argv[1];
  return {
    id,
    name,
    project: options.project,
    entity: options.wandb !== false ? options.wandb.entity : undefined,
    group,
    jobType,
    tags: [...options.tags],
    notes: options.notes,
    config: redactConfig(options.config, knownSecrets(options)),
    startTime,
    host: hostname(),
    program: entry === undefined ? '<unknown>' : relative(process.cwd(), entry) || entry,
    rank,
    worldSize,
    localRank,
    ...(options.resume !== undefined ? { resume: options.resume } : {}),
    ...(options.resumeStep !== undefined ? { resumeStep: options.resumeStep } : {}),
  };
}

/** What a redacted config value is replaced with. */
export const REDACTED = '[redacted]';

/** Words that make a config key a credential; `token` only with a word saying it authenticates. */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'secret',
  'secrets',
  'credential',
  'credentials',
  'apikey',
]);
const TOKEN_QUALIFIERS = new Set([
  'auth',
  'access',
  'api',
  'bearer',
  'refresh',
  'session',
  'hf',
  'github',
  'wandb',
]);

/**
 * Whether a config key names a credential: `api_key`, `apiKey`, `password`, `client_secret`, `credentials`,
 * `token`, `auth_token`, `hfToken`… — but not hyper-parameters such as `max_tokens`, `pad_token` or `tokenizer`.
 */
export function isSecretConfigKey(key: string): boolean {
  const words = key
    .split(/[^a-zA-Z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (SECRET_WORDS.has(word)) return true;
    if (word === 'key' && words[i - 1] === 'api') return true;
    if (word === 'token' && (words.length === 1 || TOKEN_QUALIFIERS.has(words[i - 1] ?? ''))) return true;
  }
  return false;
}

/** The credentials trainscope knows of (the W&B API key from the options or the environment), for redaction. */
export function knownSecrets(options: ResolvedOptions): string[] {
  const secrets: string[] = [];
  if (options.wandb !== false && options.wandb.apiKey !== undefined) secrets.push(options.wandb.apiKey);
  if (process.env.WANDB_API_KEY) secrets.push(process.env.WANDB_API_KEY);
  return secrets.filter((s) => s.length >= 4);
}

/**
 * The config with the values (whole, also objects) of secret-looking keys (`api_key`, `apiKey`, `password`,
 * `token`, `secret`, …, at any depth; see {@link isSecretConfigKey}) and any string holding the W&B API key replaced by {@link REDACTED}. Hyper-parameters end up in
 * files and on W&B's servers; credentials a trainer keeps in its config must not.
 */
export function redactConfig(
  config: Readonly<Record<string, unknown>>,
  secrets: readonly string[] = [],
): Record<string, unknown> {
  const redact = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return secrets.some((s) => value.includes(s)) ? REDACTED : value;
    if (depth > 32 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
      return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = isSecretConfigKey(k) && v !== null && v !== undefined ? REDACTED : redact(v, depth + 1);
    return out;
  };
  return redact(config, 0) as Record<string, unknown>;
}
