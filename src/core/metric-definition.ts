/** A summary W&B keeps for a defined metric (`define_metric(summary=…)`). */
export type MetricSummaryMode = 'min' | 'max' | 'mean' | 'best' | 'last' | 'copy' | 'none';

const SUMMARY_MODES: ReadonlySet<string> = new Set(['min', 'max', 'mean', 'best', 'last', 'copy', 'none']);

/** `run.defineMetric(name, options)`: W&B's `define_metric` arguments, camelCased. */
export interface DefineMetricOptions {
  /** The key used as this metric's x-axis (W&B `step_metric`). */
  stepMetric?: string;
  /** Add the step metric's last value to rows that lack it (default true with a `stepMetric`). */
  stepSync?: boolean;
  /** Hide the metric's chart in the W&B UI. */
  hidden?: boolean;
  /** `'min'`, `'max'`, `'mean'`, `'best'`, `'last'`, `'copy'`, `'none'`, a list of them, or W&B's `'min,max'`. */
  summary?: MetricSummaryMode | readonly MetricSummaryMode[] | string;
  /** What `best` means: `'minimize'` (default) or `'maximize'` (`min…`/`max…` accepted, as in W&B). */
  goal?: 'minimize' | 'maximize' | string;
  /** Replace an earlier definition of the name instead of merging into it. */
  overwrite?: boolean;
}

/**
 * One validated `defineMetric` call as the backends get it (`BackendSet.defineMetric`): plain data. Exactly one of
 * `name` and `globName` (the name with its trailing `*`) is set.
 */
export interface MetricDefinition {
  readonly name?: string;
  readonly globName?: string;
  readonly stepMetric?: string;
  readonly stepSync: boolean;
  readonly hidden: boolean;
  readonly summary: readonly MetricSummaryMode[];
  readonly goal?: 'minimize' | 'maximize';
  readonly overwrite: boolean;
}

/** Validates a `defineMetric` call as W&B's `_define_metric` does. @returns the definition or why it is refused */
export function parseMetricDefinition(
  name: unknown,
  options: DefineMetricOptions | undefined = {},
): { definition: MetricDefinition } | { error: string } {
  if (typeof name !== 'string' || name.length === 0) return { error: 'the name must be a non-empty string' };
  const star = name.indexOf('*');
  if (star !== -1 && star !== name.length - 1) {
    return { error: `"${name}": a glob may only end with "*"` };
  }
  const o = options ?? {};
  if (o.stepMetric !== undefined && (typeof o.stepMetric !== 'string' || o.stepMetric.length === 0)) {
    return { error: `"${name}": stepMetric must be a non-empty string` };
  }
  const summary = parseSummary(o.summary);
  if (typeof summary === 'string') return { error: `"${name}": ${summary}` };
  let goal: 'minimize' | 'maximize' | undefined;
  if (o.goal !== undefined) {
    const text = typeof o.goal === 'string' ? o.goal.toLowerCase() : '';
    if (text.startsWith('min')) goal = 'minimize';
    else if (text.startsWith('max')) goal = 'maximize';
    else return { error: `"${name}": goal must be "minimize" or "maximize"` };
  }
  const glob = star !== -1;
  return {
    definition: {
      ...(glob ? { globName: name } : { name }),
      ...(o.stepMetric !== undefined ? { stepMetric: o.stepMetric } : {}),
      stepSync: o.stepMetric !== undefined && o.stepSync !== false,
      hidden: o.hidden === true,
      summary,
      ...(goal !== undefined ? { goal } : {}),
      overwrite: o.overwrite === true,
    },
  };
}

function parseSummary(summary: DefineMetricOptions['summary']): MetricSummaryMode[] | string {
  if (summary === undefined) return [];
  const parts =
    typeof summary === 'string' ? summary.split(',') : Array.isArray(summary) ? [...summary] : undefined;
  if (parts === undefined) return 'summary must be a string or a list of strings';
  const modes: MetricSummaryMode[] = [];
  for (const part of parts) {
    const mode = typeof part === 'string' ? part.trim().toLowerCase() : '';
    if (!SUMMARY_MODES.has(mode))
      return `unknown summary "${String(part)}" (min, max, mean, best, last, copy, none)`;
    if (!modes.includes(mode as MetricSummaryMode)) modes.push(mode as MetricSummaryMode);
  }
  return modes;
}
