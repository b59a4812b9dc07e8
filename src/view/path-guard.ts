import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The only places the dashboard reads from: the PATHs given on the command line (and the `traces/` folders next
 * to them), each resolved through `realpath`. A path is allowed when its real path (symlinks followed) lies in one
 * of them, so neither `..` nor a symlink can lead out.
 */
export class PathGuard {
  readonly roots: string[];

  constructor(roots: readonly string[]) {
    this.roots = [];
    for (const root of roots) {
      const real = PathGuard.realOrUndefined(root);
      if (real !== undefined && !this.roots.includes(real)) this.roots.push(real);
    }
  }

  static realOrUndefined(path: string): string | undefined {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  }

  static contains(parent: string, child: string): boolean {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  }

  /** The real path of `path` when it exists and lies inside a root; undefined otherwise. */
  allowed(path: string): string | undefined {
    const real = PathGuard.realOrUndefined(path);
    if (real === undefined) return undefined;
    return this.roots.some((root) => PathGuard.contains(root, real)) ? real : undefined;
  }

  /**
   * `relativePath` under `base` (a path taken from a log, e.g. a W&B table file): rejected when absolute, when it
   * has a `..` segment, or when its real path leaves `base` or the roots.
   */
  resolveInside(base: string, relativePath: string): string | undefined {
    if (isAbsolute(relativePath) || relativePath.split(/[/\\]/).includes('..')) return undefined;
    const realBase = this.allowed(base);
    if (realBase === undefined) return undefined;
    const real = this.allowed(resolve(realBase, relativePath));
    return real !== undefined && PathGuard.contains(realBase, real) ? real : undefined;
  }
}
