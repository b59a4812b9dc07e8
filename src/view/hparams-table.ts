import type { ViewRun } from './view-run.js';

export interface HparamsTableJson {
  readonly hparams: string[];
  readonly metrics: string[];
  readonly rows: {
    run: string;
    name: string;
    hparams: Record<string, unknown>;
    metrics: Record<string, unknown>;
  }[];
}

/** Flattens nested config objects to dotted keys (`optimizer.lr`), as the TensorBoard writer does. */
function flatten(
  value: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      flatten(v as Record<string, unknown>, name, out);
    else out[name] = Array.isArray(v) ? JSON.stringify(v) : v;
  }
  return out;
}

const INSTRUMENTATION = /^(profiling|performance|system|trainscope)\//;

/** Runs × hyper-parameters × final metrics (the last value of each scalar, or the run's summary). */
export function hparamsTable(runs: readonly ViewRun[]): HparamsTableJson {
  const hparamNames = new Set<string>();
  const metricNames = new Set<string>();
  const rows = runs.map((run) => {
    const hparams = flatten(run.hparams);
    const metrics: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(run.finalMetrics())) {
      if (!INSTRUMENTATION.test(key)) metrics[key] = value;
    }
    for (const key of Object.keys(hparams)) hparamNames.add(key);
    for (const key of Object.keys(metrics)) metricNames.add(key);
    return { run: run.id, name: run.displayName ?? run.name, hparams, metrics };
  });
  return { hparams: [...hparamNames].sort(), metrics: [...metricNames].sort(), rows };
}
