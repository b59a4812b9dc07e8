/** One write to the process's stdout or stderr, as backends get it (plain data). */
export interface ConsoleChunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  /** Milliseconds since the Unix epoch. */
  readonly time: number;
}

type Write = typeof process.stdout.write;

/** Larger writes are cut to their last part (a runaway dump must not fill memory). */
const MAX_CHUNK_CHARS = 256 * 1024;

/**
 * Tees `process.stdout.write` / `process.stderr.write` (W&B's `console="wrap"`): the original write runs first
 * and unchanged, then a copy goes to `onChunk`. Writes made while `onChunk` runs (a backend logging an error)
 * pass through uncaptured, so trainscope never captures itself recursively; a failing `onChunk` never loses or
 * breaks the user's output. `uninstall` restores the original only where nothing replaced the hook since.
 */
export class ConsoleTap {
  private forwarding = false;
  private active = false;
  private readonly hooks: { stream: NodeJS.WriteStream; original: Write; hook: Write }[] = [];

  constructor(private readonly onChunk: (chunk: ConsoleChunk) => void) {}

  install(): void {
    if (this.active) return;
    this.active = true;
    this.hook(process.stdout, 'stdout');
    this.hook(process.stderr, 'stderr');
  }

  uninstall(): void {
    this.active = false;
    for (const { stream, original, hook } of this.hooks.splice(0)) {
      if (stream.write === hook) stream.write = original;
    }
  }

  private hook(stream: NodeJS.WriteStream, name: ConsoleChunk['stream']): void {
    const original = stream.write;
    const tap = this;
    const hook = function (this: unknown, ...args: Parameters<Write>): boolean {
      const written = original.apply(this ?? stream, args);
      if (tap.active && !tap.forwarding) tap.forward(name, args[0]);
      return written;
    } as Write;
    stream.write = hook;
    this.hooks.push({ stream, original, hook });
  }

  private forward(stream: ConsoleChunk['stream'], data: unknown): void {
    let text: string;
    if (typeof data === 'string') text = data;
    else if (data instanceof Uint8Array) text = Buffer.from(data).toString('utf8');
    else return;
    if (text.length === 0) return;
    if (text.length > MAX_CHUNK_CHARS) text = text.slice(-MAX_CHUNK_CHARS);
    this.forwarding = true;
    try {
      this.onChunk({ stream, text, time: Date.now() });
    } catch {
      // The user's output was written already; a capture failure must not reach their program.
    } finally {
      this.forwarding = false;
    }
  }
}
