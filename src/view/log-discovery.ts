import { type Dirent, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isEventFileName } from '../trackers/tensorboard/event-file-name.js';
import { PathGuard } from './path-guard.js';

export interface DiscoveredLogs {
  /** Run directory → its event files. */
  readonly tensorboardRuns: Map<string, { root: string; files: string[] }>;
  /** `.wandb` transaction logs, with the root they were found under. */
  readonly wandbFiles: { root: string; file: string }[];
  /** Chrome trace files (`*.trace.json`) under the roots or in `traces/` next to them. */
  readonly traceFiles: string[];
}

const MAX_DEPTH = 12;

/** A symlink met during the walk, followed after the real entries so that a real path always wins. */
interface PendingLink {
  readonly root: string;
  readonly path: string;
  readonly depth: number;
}

/** One walk's state: what was found, the real paths already taken (loop and duplicate protection), the links. */
interface Walk {
  readonly found: DiscoveredLogs;
  readonly seenDirs: Set<string>;
  readonly seenFiles: Set<string>;
  readonly links: PendingLink[];
}

/**
 * Finds what the dashboard can show under the given PATHs: TensorBoard run directories (any directory holding
 * event files), W&B `.wandb` logs, and Chrome traces. A symlink is followed only when its real target lies inside
 * one of the PATHs (one that points out is skipped, as the server would refuse its files anyway); each real
 * directory and file is taken once, real paths before links (W&B's `latest-run` link is not a second run, and a
 * link loop ends). Directories named `node_modules` or starting with `.` are skipped.
 */
export class LogDiscovery {
  private readonly guard: PathGuard;

  constructor(readonly roots: readonly string[]) {
    this.guard = new PathGuard(roots);
  }

  /** Where traces may live: the roots, and `traces/` beside each root. */
  traceRoots(): string[] {
    return this.roots.map((root) => join(dirname(root), 'traces'));
  }

  scan(): DiscoveredLogs {
    const found: DiscoveredLogs = { tensorboardRuns: new Map(), wandbFiles: [], traceFiles: [] };
    const walk: Walk = { found, seenDirs: new Set(), seenFiles: new Set(), links: [] };
    for (const root of this.roots) this.visit(root, root, 0, walk);
    // Links found while following links are appended and handled in the same loop.
    for (let i = 0; i < walk.links.length; i++) this.follow(walk.links[i]!, walk);
    for (const traces of this.traceRoots()) {
      if (this.roots.some((root) => traces === root || traces.startsWith(`${root}${sep}`))) continue;
      for (const entry of list(traces)) {
        if (entry.isFile() && entry.name.endsWith('.trace.json'))
          found.traceFiles.push(join(traces, entry.name));
      }
    }
    return found;
  }

  private visit(root: string, dir: string, depth: number, walk: Walk): void {
    let isFile = false;
    try {
      isFile = depth === 0 && statSync(dir).isFile();
    } catch {
      return;
    }
    if (isFile) {
      this.addFile(root, dirname(dir), basename(dir), walk, PathGuard.realOrUndefined(dir));
      return;
    }
    const realDir = PathGuard.realOrUndefined(dir);
    if (realDir === undefined || walk.seenDirs.has(realDir)) return;
    walk.seenDirs.add(realDir);
    const entries = list(dir);
    for (const entry of entries) {
      if (entry.isFile()) this.addFile(root, dir, entry.name, walk, join(realDir, entry.name));
      else if (entry.isSymbolicLink() && !skipped(entry.name))
        walk.links.push({ root, path: join(dir, entry.name), depth: depth + 1 });
    }
    if (depth >= MAX_DEPTH) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !skipped(entry.name))
        this.visit(root, join(dir, entry.name), depth + 1, walk);
    }
  }

  /** A symlink: walked (directory) or taken (file) when its real target lies inside a PATH and is new. */
  private follow(link: PendingLink, walk: Walk): void {
    const real = this.guard.allowed(link.path);
    if (real === undefined) return;
    let isDirectory: boolean;
    try {
      isDirectory = statSync(real).isDirectory();
    } catch {
      return;
    }
    if (!isDirectory) this.addFile(link.root, dirname(link.path), basename(link.path), walk, real);
    else if (link.depth <= MAX_DEPTH) this.visit(link.root, link.path, link.depth, walk);
  }

  private addFile(root: string, dir: string, name: string, walk: Walk, real: string | undefined): void {
    if (real !== undefined) {
      if (walk.seenFiles.has(real)) return;
      walk.seenFiles.add(real);
    }
    const found = walk.found;
    const path = join(dir, name);
    if (name.endsWith('.wandb')) {
      found.wandbFiles.push({ root, file: path });
    } else if (name.endsWith('.trace.json')) {
      found.traceFiles.push(path);
    } else if (isEventFileName(name)) {
      let run = found.tensorboardRuns.get(dir);
      if (run === undefined) {
        run = { root, files: [] };
        found.tensorboardRuns.set(dir, run);
      }
      run.files.push(path);
    }
  }
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** A run's name as TensorBoard shows it: its directory relative to the logdir (`.` → the logdir's name). */
export function runNameOf(root: string, dir: string): string {
  const rel = relative(root, dir).split(sep).join('/');
  return rel === '' ? basename(root) : rel;
}
