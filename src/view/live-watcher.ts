import { type FSWatcher, watch } from 'node:fs';

/**
 * Calls `onChange` soon after anything under the roots changes: `fs.watch` (recursive where the platform has it)
 * for speed, and a polling interval as the fallback that always works (network file systems, missed events,
 * files appended by another machine). Calls never overlap: a change during a refresh schedules one more.
 */
export class LiveWatcher {
  private readonly watchers: FSWatcher[] = [];
  private interval: NodeJS.Timeout | undefined;
  private pending: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;

  constructor(
    private readonly roots: readonly string[],
    private readonly onChange: () => Promise<void> | void,
    private readonly pollMs = 1000,
    private readonly debounceMs = 50,
  ) {}

  start(): void {
    for (const root of this.roots) {
      try {
        const watcher = watch(root, { recursive: true }, () => this.schedule());
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // No watcher for this root (missing, or no recursive watch here): the interval covers it.
      }
    }
    this.interval = setInterval(() => this.schedule(), this.pollMs);
    this.interval.unref();
  }

  stop(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers.length = 0;
    if (this.interval !== undefined) clearInterval(this.interval);
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.interval = undefined;
    this.pending = undefined;
  }

  private schedule(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.pending !== undefined) return;
    this.pending = setTimeout(() => void this.run(), this.debounceMs);
  }

  private async run(): Promise<void> {
    this.pending = undefined;
    this.running = true;
    try {
      await this.onChange();
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }
}
