import type { ConsoleChunk } from '../../../core/console-tap.js';
import { visibleText } from '../console-text.js';

/** Characters of plain `output.log` kept for the upload at finish (the oldest lines go first). */
const MAX_PLAIN_CHARS = 4 * 1024 * 1024;
/** A partial line longer than this is sent as it is (a runaway line without `\n`). */
const MAX_LINE_CHARS = 64 * 1024;

/**
 * Console writes as W&B's `output.log` (wandb-protocol-2.md §1): one line model per stream (`\n` ends a line,
 * `\r` returns to column 0, so a progress bar redrawn with `\r` collapses into its last state; other control
 * characters are dropped), each completed line sent as `[ERROR ]<UTC ISO time> <text>\n` (`ERROR ` marks
 * stderr), and the plain text kept (bounded) for the `output.log` file uploaded at finish.
 *
 * A partial line (no `\n` yet: a `\r` progress bar, a prompt) is sent by `sendPartials()` (the sink's 2 s timer,
 * the official client's output flush) as a line of its own, then rewritten at that line's index whenever it
 * changed and once it completes, as the official terminal emulator resends a changed last line with `\r`.
 */
export class ConsoleLines {
  private readonly partial = { stdout: '', stderr: '' };
  private readonly stamps = { stdout: 0, stderr: 0 };
  private plain: string[] = [];
  private plainChars = 0;
  /** Lines sent so far: the index the next one gets. */
  private sent = 0;
  /** Per stream, the partial line sent: its index and text (rewritten when it changes or completes). */
  private readonly sentPartial: Record<'stdout' | 'stderr', { index: number; line: string } | undefined> = {
    stdout: undefined,
    stderr: undefined,
  };

  /**
   * @param send a new line (the `index`-th sent, counting from 0)
   * @param rewrite replaces the line sent as `index` (a partial line that changed or completed)
   */
  constructor(
    private readonly send: (line: string) => void,
    private readonly rewrite: (index: number, line: string) => void = () => {},
  ) {}

  write(chunk: ConsoleChunk): void {
    const stream = chunk.stream;
    let text = this.partial[stream] + chunk.text;
    if (this.partial[stream] === '') this.stamps[stream] = chunk.time;
    let newline = text.indexOf('\n');
    while (newline >= 0) {
      this.complete(stream, text.slice(0, newline), this.stamps[stream]);
      text = text.slice(newline + 1);
      this.stamps[stream] = chunk.time;
      newline = text.indexOf('\n');
    }
    if (text.length > MAX_LINE_CHARS) {
      this.complete(stream, text, this.stamps[stream]);
      text = '';
    }
    this.partial[stream] = text;
  }

  /** Sends the partial lines (at finish). */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream] !== '') this.complete(stream, this.partial[stream], this.stamps[stream]);
      this.partial[stream] = '';
    }
  }

  /** Sends each stream's partial line as it is now, or rewrites the one sent when it changed since. */
  sendPartials(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const text = visibleText(this.partial[stream]);
      if (text.length === 0) continue;
      const line = formatLine(stream, text, this.stamps[stream]);
      const sent = this.sentPartial[stream];
      if (sent === undefined) {
        this.sentPartial[stream] = { index: this.sent, line };
        this.emit(line);
      } else if (sent.line !== line) {
        sent.line = line;
        this.rewrite(sent.index, line);
      }
    }
  }

  /** The plain `output.log` (both streams interleaved, no stamps), empty when nothing was written. */
  plainText(): string {
    return this.plain.join('\n');
  }

  private complete(stream: 'stdout' | 'stderr', raw: string, time: number): void {
    const line = visibleText(raw);
    const partial = this.sentPartial[stream];
    this.sentPartial[stream] = undefined;
    if (line.length === 0) return;
    const formatted = formatLine(stream, line, time);
    if (partial === undefined) this.emit(formatted);
    else if (partial.line !== formatted) this.rewrite(partial.index, formatted);
    this.plain.push(line);
    this.plainChars += line.length + 1;
    while (this.plainChars > MAX_PLAIN_CHARS && this.plain.length > 1) {
      this.plainChars -= (this.plain.shift() as string).length + 1;
    }
  }

  private emit(line: string): void {
    this.sent++;
    this.send(line);
  }
}

/** `[ERROR ]<UTC ISO time, microseconds> <text>\n`, as the official client sends `output.log` lines. */
function formatLine(stream: 'stdout' | 'stderr', text: string, time: number): string {
  const stamp = new Date(time).toISOString().replace('Z', '000');
  return `${stream === 'stderr' ? 'ERROR ' : ''}${stamp} ${text}\n`;
}
