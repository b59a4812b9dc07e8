import type { Logger } from '../../core/backend.js';

/**
 * The W&B backend's errors (dropped batches, lines, files): logged as an error the first time each kind
 * happens, at debug level after that, and counted. Messages go through `redact` so a key never reaches a log.
 */
export class WandbErrorReporter {
  private count = 0;
  private readonly reportedKinds = new Set<string>();

  constructor(
    private readonly logger: Logger | undefined,
    private readonly redact: (text: string) => string,
  ) {}

  get errors(): number {
    return this.count;
  }

  /** Counts an error that was logged elsewhere (e.g. the key refused). */
  countOne(): void {
    this.count++;
  }

  report(message: string): void {
    this.count++;
    // Messages of one kind start alike and differ in counts and paths further on.
    const kind = message.slice(0, 40);
    const text = `W&B: ${this.redact(message)}`;
    if (this.reportedKinds.has(kind)) {
      this.logger?.debug(text);
      return;
    }
    this.reportedKinds.add(kind);
    this.logger?.error(`${text} (later ones are counted in trainscope/wandb/errors)`);
  }
}
