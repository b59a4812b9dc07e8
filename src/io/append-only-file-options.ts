export interface AppendOnlyFileOptions {
  /** What the file is, for error messages: `TensorBoard event file`, `W&B log`. */
  readonly description: string;
  /** Bytes written synchronously at offset 0 when the file is created (a format's magic). */
  readonly header?: Uint8Array;
  /** Permission bits of the new file (before the umask). Default 0o666. */
  readonly mode?: number;
  /**
   * Back-pressure bound: once this many bytes are pending, the file starts a write, or, when one is already in
   * flight, writes synchronously instead of buffering more. Default 8 MiB.
   */
  readonly maxPendingBytes?: number;
  /** When set, pending records are written at least this often, and the file is checked to still exist. */
  readonly writeIntervalMs?: number;
  /** `flush()` also waits for `fdatasync` (survives power loss, not only a killed process). Default false. */
  readonly syncOnFlush?: boolean;
  /** Called once, with a message that says what failed, when the file can no longer be written. */
  readonly onError?: (error: Error) => void;
}

export interface AppendOnlyFileStats {
  /** Bytes known to be in the file, header included. */
  readonly bytesWritten: number;
  /** Bytes of committed records not yet handed to the OS. */
  readonly bytesPending: number;
  /** Bytes of records lost to the failure (pending when it happened) or appended after it. */
  readonly bytesDropped: number;
  readonly recordsWritten: number;
  readonly recordsDropped: number;
  /** Write calls that completed (one per batch, synchronous or not). */
  readonly writeCalls: number;
  /** 1 once the file failed: it reports one error and stops writing. */
  readonly errors: number;
  readonly failed: boolean;
  /** Mean duration of the last write calls (ms). */
  readonly writeLatencyMs: number;
}
