/** What `run.finish()` takes. */
export interface FinishOptions {
  /** Recorded as the run's exit code (W&B's exit record, TensorBoard's hparams session status). Default 0. */
  exitCode?: number;
  /** Bound on the whole finish (profiler, drain, every backend's flush + finish). Default `finishTimeoutMs`. */
  timeoutMs?: number;
}
