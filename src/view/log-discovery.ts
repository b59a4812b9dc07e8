import { type Dirent, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isEventFileName } from '../trackers/tensorboard/event-file-name.js';

export interface DiscoveredLogs {
  /** Run directory → its event files. */
  readonly tensorboardRuns: Map<string, { root: string; files: string[] }>;
  /** `.wandb` transaction logs, with the root they were found under. */
  readonly wandbFiles: { root: string; file: string }[];
  /** Chrome trace files (`*.trace.json`) under the roots or in `traces/` next to them. */
  readonly traceFiles: string[];
}

const MAX_DEPTH = 12;

/**
 * Finds what the dashboard can show under the given PATHs: TensorBoard run directories (any directory holding
 * event files), W&B `.wandb` logs, and Chrome traces. Symlinks are not followed, so the walk stays inside the
 * PATHs; directories named `node_modules` or starting with `.` are skipped.
 */
export class LogDiscovery {
  constructor(readonly roots: readonly string[]) {}

  /** Where traces may live: the roots, and `traces/` beside each root. */
  traceRoots(): string[] {
    return this.roots.map((root) => join(dirname(root), 'traces'));
  }

  scan(): DiscoveredLogs {
    const found: DiscoveredLogs = { tensorboardRuns: new Map(), wandbFiles: [], traceFiles: [] };
    for (const root of this.roots) this.visit(root, root, 0, found);
    for (const traces of this.traceRoots()) {
      if (this.roots.some((root) => traces === root || traces.startsWith(`${root}${sep}`))) continue;
      for (const entry of list(traces)) {
        if (entry.isFile() && entry.name.endsWith('.trace.json'))
          found.traceFiles.push(join(traces, entry.name));
      }
    }
    return found;
  }

  private visit(root: string, dir: string, depth: number, found: DiscoveredLogs): void {
    let isFile = false;
    try {
      isFile = depth === 0 && statSync(dir).isFile();
    } catch {
      return;
    }
    if (isFile) {
      this.addFile(root, dirname(dir), basename(dir), found);
      return;
    }
    const entries = list(dir);
    for (const entry of entries) {
      if (entry.isFile()) this.addFile(root, dir, entry.name, found);
    }
    if (depth >= MAX_DEPTH) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
        this.visit(root, join(dir, entry.name), depth + 1, found);
      }
    }
  }

  private addFile(root: string, dir: string, name: string, found: DiscoveredLogs): void {
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
