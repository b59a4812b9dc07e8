/** Why `trainscope sync` could not upload a run directory (or all of it). */
export class SyncError extends Error {
  constructor(
    readonly runDir: string,
    message: string,
    /** `true` when running the same sync again later can succeed (network trouble). */
    readonly resumable: boolean,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
