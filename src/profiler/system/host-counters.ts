/** Busy and total CPU time of one logical core since boot, in any unit (only their deltas are used). */
export interface CoreTimes {
  readonly busy: number;
  readonly total: number;
}

/** One file system's size, as `statfs` reports it. */
export interface DiskSpace {
  readonly totalBytes: number;
  readonly usedBytes: number;
  /** What an unprivileged user may still write (`f_bavail`). */
  readonly availableBytes: number;
}

/**
 * The machine-wide and process counters W&B's system charts are computed from. Each read is cheap (a small
 * `/proc` file on Linux) and returns `undefined` where the platform cannot tell; it never throws.
 */
export interface HostCounters {
  /** Per logical core, in core order. */
  coreTimes(): readonly CoreTimes[] | undefined;
  /** System memory: total and available (what can be used without swapping) in bytes. */
  memory(): { readonly totalBytes: number; readonly availableBytes: number };
  diskSpace(path: string): DiskSpace | undefined;
  /** Bytes read and written by the machine's storage devices since boot. */
  diskIo(): { readonly readBytes: number; readonly writeBytes: number } | undefined;
  /** Bytes sent and received by every network interface (loopback included) since boot. */
  network(): { readonly sentBytes: number; readonly receivedBytes: number } | undefined;
  /** This process's thread count. */
  threads(): number | undefined;
}
