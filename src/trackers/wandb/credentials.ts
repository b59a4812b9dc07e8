import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_WANDB_BASE_URL = 'https://api.wandb.ai';

/** Where the API key was found; never the key itself. */
export type ApiKeySource = 'option' | 'WANDB_API_KEY' | 'netrc';

export interface WandbCredentials {
  /** Base URL without a trailing slash. */
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly apiKeySource: ApiKeySource | undefined;
  /** Set when the base URL sends the key in clear text to a host other than localhost. */
  readonly insecureWarning: string | undefined;
}

export interface CredentialInputs {
  readonly apiKey?: string | undefined;
  readonly baseUrl?: string | undefined;
  /** Defaults to `process.env`; tests pass their own (`HOME`, `NETRC`, `WANDB_API_KEY`, `WANDB_BASE_URL`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Resolves the base URL (option → `WANDB_BASE_URL` → api.wandb.ai) and the API key
 * (option → `WANDB_API_KEY` → the `~/.netrc` / `$NETRC` entry for the API host name without port).
 */
export function resolveWandbCredentials(inputs: CredentialInputs = {}): WandbCredentials {
  const env = inputs.env ?? process.env;
  const baseUrl = normalizeBaseUrl(inputs.baseUrl ?? nonEmpty(env.WANDB_BASE_URL) ?? DEFAULT_WANDB_BASE_URL);
  const url = new URL(baseUrl);
  let insecureWarning: string | undefined;
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    insecureWarning = `W&B base URL ${baseUrl} uses plain http: the API key travels unencrypted to ${url.hostname}`;
  }
  const fromOption = nonEmpty(inputs.apiKey);
  if (fromOption) return { baseUrl, apiKey: fromOption, apiKeySource: 'option', insecureWarning };
  const fromEnv = nonEmpty(env.WANDB_API_KEY);
  if (fromEnv) return { baseUrl, apiKey: fromEnv, apiKeySource: 'WANDB_API_KEY', insecureWarning };
  const fromNetrc = readNetrcPassword(netrcPath(env), url.hostname);
  if (fromNetrc) return { baseUrl, apiKey: fromNetrc, apiKeySource: 'netrc', insecureWarning };
  return { baseUrl, apiKey: undefined, apiKeySource: undefined, insecureWarning };
}

export function normalizeBaseUrl(raw: string): string {
  const url = new URL(raw.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`W&B base URL must be http(s), got ${url.protocol}`);
  }
  return url.toString().replace(/\/+$/, '');
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

function netrcPath(env: Readonly<Record<string, string | undefined>>): string {
  const explicit = nonEmpty(env.NETRC);
  if (explicit) return explicit;
  const home = nonEmpty(env.HOME) ?? nonEmpty(env.USERPROFILE) ?? homedir();
  return join(home, '.netrc');
}

/** The `password` of the netrc `machine` entry for `host` (or of `default`), or undefined. */
export function readNetrcPassword(path: string, host: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return parseNetrc(text).get(host.toLowerCase()) ?? parseNetrc(text).get('');
}

/** Parses netrc text into host → password (`''` for the `default` entry). */
export function parseNetrc(text: string): Map<string, string> {
  const tokens = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter((t) => t.length > 0);
  const result = new Map<string, string>();
  let machine: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === 'machine') {
      machine = tokens[++i]?.toLowerCase();
    } else if (token === 'default') {
      machine = '';
    } else if (token === 'password' && machine !== undefined) {
      const password = tokens[++i];
      if (password !== undefined && !result.has(machine)) result.set(machine, password);
    } else if (token === 'login' || token === 'account') {
      i++;
    } else if (token === 'macdef') {
      machine = undefined;
    }
  }
  return result;
}

/** Replaces every occurrence of `secret` (and its Basic-auth form) in `text`. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  const basic = Buffer.from(`api:${secret}`).toString('base64');
  return text.split(secret).join('<api-key>').split(basic).join('<api-key>');
}

/** The trimmed value, or `undefined` when it is missing or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim().length > 0 ? value.trim() : undefined;
}
