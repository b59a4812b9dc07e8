/** Where a progress bar writes: a stream, and whether it is an interactive terminal. */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressFields {
  readonly loss: number;
  readonly stepsPerSecond: number;
  readonly extra?: string;
}

/**
 * A one-line progress bar redrawn in place with `\r` on a terminal; on a pipe or file it prints a plain line
 * every tenth of the run instead, so logs stay readable.
 */
export class ProgressBar {
  private lastPlainBucket = -1;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly label = 'train',
  ) {}

  update(step: number, fields: ProgressFields): void {
    const text = this.describe(step, fields);
    if (this.stream.isTTY) {
      const now = Date.now();
      if (step < this.total && now - this.lastDraw < 80) return;
      this.lastDraw = now;
      const width = Math.max(10, Math.min(30, (this.stream.columns ?? 100) - text.length - 12));
      const filled = Math.round((width * Math.min(step, this.total)) / Math.max(1, this.total));
      this.stream.write(
        `\r${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}\u001b[K`,
      );
      this.drawn = true;
      return;
    }
    const bucket = Math.floor((10 * step) / Math.max(1, this.total));
    if (bucket !== this.lastPlainBucket || step === this.total) {
      if (bucket === this.lastPlainBucket && step !== this.total) return;
      this.lastPlainBucket = bucket;
      this.stream.write(`${this.label} ${text}\n`);
    }
  }

  /** Ends the in-place line so the next output starts on a fresh line. */
  done(): void {
    if (this.stream.isTTY && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }

  private describe(step: number, fields: ProgressFields): string {
    const pct = ((100 * step) / Math.max(1, this.total)).toFixed(0).padStart(3);
    const rate = Number.isFinite(fields.stepsPerSecond) ? fields.stepsPerSecond.toFixed(2) : '-';
    const extra = fields.extra ? `  ${fields.extra}` : '';
    return `${pct}% step ${step}/${this.total}  loss ${fields.loss.toFixed(4)}  ${rate} steps/s${extra}`;
  }
}
