/**
 * W&B's `_stats_samples_to_average`: the profiler's system sampler reports the mean of this many samples (15 × 2 s
 * = one report per 30 s), and W&B publishes one `stats` record per report. Its own module so that the writer
 * thread's `createBackends` reads it without loading the profiler.
 */
export const SYSTEM_SAMPLES_PER_REPORT = 15;
