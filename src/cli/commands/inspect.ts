import type { Command } from 'commander';
import {
  type InspectResult,
  type InspectTag,
  inspectLogDir,
} from '../../trackers/tensorboard/inspect-log-dir.js';
import type { KerasModelGraphInfo } from '../../trackers/tensorboard/keras-model-graph.js';
import type { TagPointValue } from '../../trackers/tensorboard/tag-point-value.js';

/** `JSON.stringify` replacer: NaN and ±Infinity as the strings TensorBoard's JSON uses (`Number(s)` restores them). */
export function nonFiniteAsString(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '-';
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? String(value) : value.toPrecision(7).replace(/\.?0+(e|$)/, '$1');
}

function describeValue(value: TagPointValue): string {
  if (value === null) return '(metadata only)';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    const line = value.replace(/\s+/g, ' ');
    return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
  }
  if (Array.isArray(value)) {
    if (value.length > 0 && Array.isArray(value[0])) {
      const buckets = value as [number, number, number][];
      const total = buckets.reduce((sum, b) => sum + b[2], 0);
      return `${buckets.length} buckets, ${formatNumber(total)} values`;
    }
    return `${value.length} strings`;
  }
  return `${value.images.length} image(s) ${value.width}x${value.height}`;
}

/** One line about an hparams record: the hparams, the experiment's size, or the session's status. */
function describePluginContent(content: Record<string, unknown>): string | undefined {
  const start = content.sessionStartInfo as { hparams?: Record<string, unknown> } | undefined;
  if (start) {
    const pairs = Object.entries(start.hparams ?? {}).map(
      ([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
    );
    const line = pairs.join(', ');
    return `hparams: ${line.length > 100 ? `${line.slice(0, 97)}...` : line}`;
  }
  const experiment = content.experiment as { hparamInfos?: unknown[]; metricInfos?: unknown[] } | undefined;
  if (experiment) {
    return `experiment: ${experiment.hparamInfos?.length ?? 0} hparams, ${experiment.metricInfos?.length ?? 0} metrics`;
  }
  const end = content.sessionEndInfo as { status?: string } | undefined;
  if (end) return `session end: ${end.status ?? 'STATUS_UNKNOWN'}`;
  return undefined;
}

/** One line about a conceptual graph: its class, name and how many layers the Graphs dashboard draws. */
function describeKerasModel(model: KerasModelGraphInfo): string {
  const name = model.name === undefined ? '' : ` ${JSON.stringify(model.name)}`;
  return `conceptual graph: ${model.className}${name}, ${model.layers} layer${model.layers === 1 ? '' : 's'}`;
}

/** The tag column is at most this wide: a longer tag is cut with `…` so one tag cannot widen the whole table. */
export const MAX_TAG_WIDTH = 60;

function tagCell(tag: string): string {
  return tag.length > MAX_TAG_WIDTH ? `${tag.slice(0, MAX_TAG_WIDTH - 1)}…` : tag;
}

function tagLine(tag: InspectTag, width: number): string {
  const steps = tag.firstStep === tag.lastStep ? `${tag.firstStep}` : `${tag.firstStep}..${tag.lastStep}`;
  const base = `    ${tagCell(tag.tag).padEnd(width)}  ${String(tag.count).padStart(6)}  ${steps.padEnd(13)}`;
  if (tag.plugin === 'scalars') {
    return `${base}  ${formatNumber(tag.min).padStart(12)}  ${formatNumber(tag.max).padStart(12)}  ${describeValue(tag.last).padStart(12)}`;
  }
  const content = tag.pluginContent
    ? describePluginContent(tag.pluginContent)
    : tag.kerasModel
      ? describeKerasModel(tag.kerasModel)
      : undefined;
  return `${base}  ${content ?? `last: ${describeValue(tag.last)}`}`;
}

/** The human-readable report, like `tensorboard --inspect`: runs → plugins → tags, then problems. */
export function formatInspectResult(result: InspectResult): string {
  const lines: string[] = [`Log directory: ${result.logDir}`];
  const runNames = Object.keys(result.runs);
  if (runNames.length === 0) lines.push('No event files found (names containing "tfevents").');
  for (const runName of runNames) {
    const run = result.runs[runName]!;
    lines.push('', `Run ${runName}`);
    for (const file of run.files) {
      lines.push(`  ${file.name}: ${file.sizeBytes} bytes, ${file.recordsRead} records, ${file.status}`);
    }
    for (const purge of run.purges) {
      lines.push(
        `  restart in ${purge.file}: SessionLog START at step ${purge.step} purged ${purge.droppedPoints} earlier point(s) at steps >= ${purge.step}`,
      );
    }
    const tags = Object.values(run.tags);
    const width = Math.max(3, ...tags.map((t) => tagCell(t.tag).length));
    const plugins = [...new Set(tags.map((t) => t.plugin))].sort();
    for (const plugin of plugins) {
      lines.push(`  ${plugin || '(no plugin)'}`);
      if (plugin === 'scalars') {
        lines.push(
          `    ${'tag'.padEnd(width)}  ${'count'.padStart(6)}  ${'steps'.padEnd(13)}  ${'min'.padStart(12)}  ${'max'.padStart(12)}  ${'last'.padStart(12)}`,
        );
      }
      for (const tag of tags) if (tag.plugin === plugin) lines.push(tagLine(tag, width));
    }
  }
  if (result.problems.length + result.readingProblems.length > 0) {
    lines.push('', 'Problems:');
    for (const problem of result.problems)
      lines.push(`  ${problem.severity}: ${problem.file}: ${problem.message}`);
    for (const problem of result.readingProblems) {
      const reader = problem.reader === 'rust' ? 'Rust data server' : 'Python loader';
      lines.push(`  ${problem.severity}: run ${problem.run} (${reader}): ${problem.message}`);
    }
  }
  lines.push('', `${result.errors} error(s), ${result.warnings} warning(s)`);
  return lines.join('\n');
}

/** The `--json` form: the full result with every point; NaN and ±Infinity as strings. */
export function inspectResultToJson(result: InspectResult): string {
  return JSON.stringify(result, nonFiniteAsString, 2);
}

export function registerInspectCommand(program: Command): void {
  program
    .command('inspect')
    .description(
      'Decode the TensorBoard event files under LOGDIR as TensorBoard reads them and summarize runs, tags, steps and ' +
        'values; exits 1 on damaged files, on tags a TensorBoard dashboard would fail on, and when no event file is found',
    )
    .argument('<logdir>', 'log directory (or one event file)')
    .option('--json', 'print the full result, with every point, as JSON')
    .action((logDir: string, options: { json?: boolean }) => {
      let result: InspectResult;
      try {
        result = inspectLogDir(logDir);
      } catch (error) {
        process.stderr.write(`trainscope inspect: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${options.json ? inspectResultToJson(result) : formatInspectResult(result)}\n`);
      if (Object.keys(result.runs).length === 0) {
        // Nothing to inspect is a mistake (a wrong path, a run not started yet), not a clean result.
        process.stderr.write(
          `trainscope inspect: no TensorBoard event files (names containing "tfevents") under ${logDir}\n`,
        );
        process.exitCode = 1;
      }
      if (result.errors > 0) process.exitCode = 1;
    });
}
