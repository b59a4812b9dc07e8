import { execFileSync } from 'node:child_process';

/** What W&B records about the repository the program runs in (wandb-protocol-2.md §7). */
export interface GitInfo {
  /** `origin`'s URL without credentials. */
  readonly remote: string | undefined;
  /** HEAD's sha. */
  readonly commit: string;
  /** The repository's top directory. */
  readonly root: string;
  /** Whether the working tree has uncommitted changes. */
  readonly dirty: boolean;
}

const cache = new Map<string, GitInfo | undefined>();

/**
 * The git repository around `cwd` (as the official client reads it from the working directory), or `undefined`
 * outside one, without `git`, or with `WANDB_DISABLE_GIT` set. Read once per directory (a few `git` calls of at
 * most 2 s each, at run start only).
 */
export function gitInfo(
  cwd: string = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): GitInfo | undefined {
  const flag = env.WANDB_DISABLE_GIT?.toLowerCase();
  if (flag !== undefined && flag !== '' && flag !== 'false' && flag !== '0') return undefined;
  if (cache.has(cwd)) return cache.get(cwd);
  const git = (...args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, {
        cwd,
        timeout: 2000,
        stdio: ['ignore', 'pipe', 'ignore'],
        encoding: 'utf8',
      }).trim();
    } catch {
      return undefined;
    }
  };
  const commit = git('rev-parse', 'HEAD');
  const root = commit === undefined ? undefined : git('rev-parse', '--show-toplevel');
  const info =
    commit === undefined || root === undefined
      ? undefined
      : {
          remote: stripCredentials(git('remote', 'get-url', 'origin')),
          commit,
          root,
          dirty: (git('status', '--porcelain', '--untracked-files=no') ?? '') !== '',
        };
  cache.set(cwd, info);
  return info;
}

/**
 * A remote URL as W&B stores it: `https://u:tok@h/p` → `https://u:@h/p`, a password-less user dropped
 * (`https://u@h/p` → `https://h/p`); scp-style `git@h:p` unchanged.
 */
export function stripCredentials(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username === '' && parsed.password === '') return url;
  const user = parsed.password !== '' ? `${parsed.username}:@` : '';
  return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}${parsed.search}`;
}
