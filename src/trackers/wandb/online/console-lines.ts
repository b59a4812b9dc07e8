import type { ConsoleChunk } from '../../../core/console-tap.js';

/** Characters of plain `output.log` kept for the upload at finish (the oldest lines go first). */
const MAX_PLAIN_CHARS = 4 * 1024 * 1024;
/** A partial line longer than this is sent as it is (a runaway line without `\n`). */
const MAX_LINE_CHARS = 64 * 1024;

/**
 * What W&B's terminal emulator drops: OSC sequences, CSI sequences other than colours (`m`, kept as SGR), and
 * control characters but `\t` (C0, DEL–NBSP, soft hyphen).
 */
const DROPPED = /\x1b\][^\x07]*\x07|\x1b\[[0-9;?]*[A-LN-Za-ln-z]|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\xa0\xad]/g;

/**
 * Console writes as W&B's `output.log` (wandb-protocol-2.md §1): one line model per stream (`\n` ends a line,
 * `\r` returns to column 0, so a progress bar redrawn with `\r` collapses into its last state; other control
 * characters are dropped), each completed line sent as `[ERROR ]<UTC ISO time> <text>\n` (`ERROR ` marks
 * stderr), and the plain text kept (bounded) for the `output.log` file uploaded at finish.
 */
export class ConsoleLines {
  private readonly partial = { stdout: '', stderr: '' };
  private readonly stamps = { stdout: 0, stderr: 0 };
  private plain: string[] = [];
  private plainChars = 0;

  constructor(private readonly send: (line: string) => void) {}

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

  /** The plain `output.log` (both streams interleaved, no stamps), empty when nothing was written. */
  plainText(): string {
    return this.plain.join('\n');
  }

  private complete(stream: 'stdout' | 'stderr', raw: string, time: number): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const cr = text.lastIndexOf('\r');
    const line = (cr >= 0 ? text.slice(cr + 1) : text).replace(DROPPED, '');
    if (line.length === 0) return;
    const stamp = new Date(time).toISOString().replace('Z', '000');
    this.send(`${stream === 'stderr' ? 'ERROR ' : ''}${stamp} ${line}\n`);
    this.plain.push(line);
    this.plainChars += line.length + 1;
    while (this.plainChars > MAX_PLAIN_CHARS && this.plain.length > 1) {
      this.plainChars -= (this.plain.shift() as string).length + 1;
    }
  }
}
