import type { StreamedFile } from './file-stream-client.js';
import type { OnlineRun } from './online-run.js';

/**
 * Feeds one `OnlineRun` with a run's lines and files: what the live stream sink sends as rows complete and what
 * `trainscope sync` sends from a log, through the same calls. A line W&B would refuse (over the line limit) is not
 * sent and takes no offset; it is counted in `droppedLines` unless the stream had stopped.
 */
export class StreamFeed {
  private dropped = 0;

  constructor(readonly run: OnlineRun) {}

  /** Lines the server would have refused (the local log still has them). */
  get droppedLines(): number {
    return this.dropped;
  }

  /** A `wandb-history.jsonl` line; `false` when it was not queued. */
  history(line: string): boolean {
    return this.counted(this.run.stream.pushHistory(line));
  }

  /** A `wandb-events.jsonl` line (system metrics). */
  events(line: string): boolean {
    return this.run.stream.pushEvents(line);
  }

  /** An `output.log` line. */
  output(line: string): boolean {
    return this.run.stream.pushOutput(line);
  }

  /** Replaces the `output.log` line at `offset` (a partial console line resent when it changed). */
  rewriteOutput(offset: number, line: string): void {
    this.run.stream.rewriteOutput(offset, line);
  }

  /** A run file (a table, `wandb-metadata.json`): uploaded before the next notice names it. */
  upload(path: string, bytes: Uint8Array): void {
    this.run.uploader.upload(path, bytes);
  }

  /** The whole summary line, or a source read only when a request goes out. */
  summary(line: string | (() => string)): void {
    this.run.stream.setSummary(line);
  }

  /**
   * Sends `lines` from index `from` on, waiting for the server whenever `pageChars` are pending (so a long log
   * never sits in memory twice) and calling `onPage` after each page. Stops early once the stream stopped.
   */
  async sendAll(
    file: StreamedFile,
    lines: readonly string[],
    from: number,
    pageChars: number,
    onPage: () => void,
  ): Promise<void> {
    const stream = this.run.stream;
    const push = (line: string): boolean =>
      file === 'history' ? this.history(line) : file === 'events' ? this.events(line) : this.output(line);
    for (let i = from; i < lines.length; i++) {
      push(lines[i] as string);
      if (stream.pendingChars >= pageChars) {
        await stream.drain();
        if (stream.stopped) return;
        onPage();
      }
    }
    await stream.drain();
    onPage();
  }

  private counted(queued: boolean): boolean {
    if (!queued && !this.run.stream.stopped) this.dropped++;
    return queued;
  }
}
