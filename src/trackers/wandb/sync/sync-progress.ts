import type { SyncProgress } from './sync-run.js';

export interface ProgressOutput {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/**
 * Renders sync progress: a redrawn bar on a terminal, one plain line per phase otherwise (CI logs).
 */
export class SyncProgressReporter {
  private lastPhase: string | undefined;
  private drawn = false;

  constructor(
    private readonly out: ProgressOutput,
    private readonly label: string,
  ) {}

  update(progress: SyncProgress): void {
    if (this.out.isTTY) {
      const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - this.label.length - 30));
      const ratio = progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
      const filled = Math.round(ratio * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      this.out.write(
        `\r${this.label} [${bar}] ${String(Math.round(ratio * 100)).padStart(3)}% ${progress.done}/${progress.total} ${progress.phase.padEnd(7)}`,
      );
      this.drawn = true;
      return;
    }
    if (progress.phase === this.lastPhase) return;
    this.lastPhase = progress.phase;
    this.out.write(`${this.label}: ${progress.phase} (${progress.done}/${progress.total})\n`);
  }

  /** Ends the bar's line before other output. */
  end(): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }
}
