/** What `takeSealed` answers when no chunk was sealed (never written to). */
const NONE: readonly Buffer[] = Object.freeze([]);

/**
 * Recycles an `AppendOnlyFile`'s chunks once their bytes are in the file. A fresh chunk costs its first-touch
 * page faults (16 per 64 KiB chunk; on a virtual machine each fault can take several µs), and the garbage
 * collector's time to find it dead; a burst of logging went through one fresh chunk per ~200 records.
 *
 * A chunk moves through three states: in use (records are framed into it), sealed (it takes no more records; its
 * last bytes wait in a batch), written (its batch is in the file). A written chunk is reused only while no
 * asynchronous write is in flight, since a synchronous write at exit or under back-pressure can write a batch
 * again while the asynchronous `writev` of that batch still reads the same memory.
 */
export class ChunkPool {
  private readonly free: Buffer[] = [];
  private sealed: Buffer[] = bufferList();
  private written: Buffer[] = [];

  constructor(
    /** Bytes of one chunk; a larger record gets a chunk of its own size, never recycled. */
    readonly chunkBytes: number,
    /** Free chunks kept at most (the rest are left to the garbage collector). */
    private readonly keep: number,
  ) {}

  /** A chunk of at least `bytes` bytes (its whole length is free for records). */
  take(bytes: number): Buffer {
    if (bytes <= this.chunkBytes) {
      const chunk = this.free.pop();
      if (chunk !== undefined) return chunk;
    }
    // Its own memory (never a slice of the shared pool): the chunk is recognised by its `ArrayBuffer`.
    return Buffer.allocUnsafeSlow(Math.max(this.chunkBytes, bytes));
  }

  /** `chunk` (as `take` returned it) takes no more records. */
  seal(chunk: Buffer): void {
    if (chunk.length === this.chunkBytes) this.sealed.push(chunk);
  }

  /** The chunks sealed since the last call: their last bytes are in the batch being taken. */
  takeSealed(): readonly Buffer[] {
    if (this.sealed.length === 0) return NONE;
    const sealed = this.sealed;
    this.sealed = bufferList();
    return sealed;
  }

  /**
   * A batch's chunks are in the file. Those the asynchronous write in flight still reads (`reading`: its
   * buffers) wait for `idle`; the others are free at once — a writer that never yields to its event loop during a
   * burst writes synchronously (back-pressure) while one asynchronous write waits for its callback.
   */
  wrote(chunks: readonly Buffer[], reading?: readonly Buffer[]): void {
    for (const chunk of chunks) {
      if (reading?.some((buffer) => buffer.buffer === chunk.buffer)) this.written.push(chunk);
      else if (this.free.length < this.keep) this.free.push(chunk);
    }
  }

  /** No write is in flight: written chunks can be reused. */
  idle(): void {
    const written = this.written;
    if (written.length === 0) return;
    for (const chunk of written) if (this.free.length < this.keep) this.free.push(chunk);
    this.written = [];
  }
}

/**
 * An empty list that V8 already knows holds objects. A fresh `[]` starts as a list of small integers: the first
 * buffer pushed into it (after every write) changed its map, and deoptimized the encoders that inline
 * `AppendOnlyFile.reserve`, where chunks and batch buffers are pushed.
 */
export function bufferList(): Buffer[] {
  const list = [EMPTY_BUFFER];
  list.pop();
  return list;
}

const EMPTY_BUFFER = Buffer.alloc(0);
