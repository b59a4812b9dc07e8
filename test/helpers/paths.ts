import { join, resolve } from 'node:path';

/** The repository root, found from this file's place (test/helpers/), so tests can move without path edits. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
/** Files written by tensorboardX and the official `wandb` client, and the small programs tests compile. */
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
/** Child-process entry points (crash, SIGKILL and exit tests). */
export const CHILDREN = join(REPO_ROOT, 'test', 'helpers', 'children');
