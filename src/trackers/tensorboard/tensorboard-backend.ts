import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type Backend,
  type BackendContext,
  type BackendStartInfo,
  type BackendStats,
  emptyBackendStats,
  type Logger,
  type MetricRow,
  type RunInfo,
  type RunOutcome,
} from '../../core/backend.js';
import type { LoggedModel } from '../../core/logged-model.js';
import type { SummaryUpdate } from '../../core/summary-update.js';
import type { TensorBoardOptions } from '../../core/options.js';
import type { StagedArtifact } from '../../core/staged-artifact.js';
import type { MetricValue } from '../../core/values.js';
import { sessionStartEvent, summaryEvent } from './event.js';
import { isEventFileName } from './event-file-name.js';
import { EventFileWriter } from './event-file-writer.js';
import { lastLoggedStep } from './last-logged-step.js';
import {
  configMarkdown,
  experimentValue,
  finalMetricTags,
  flattenConfig,
  type HParamValue,
  sessionEndInfoValue,
  sessionStartInfoValue,
} from './hparams.js';
import { modelGraphValues } from './model-graph-values.js';
import type { SummaryValueMessage } from './proto.js';
import { isFastStep, scalarValueBlock } from './scalar-event-encoder.js';
import { histogramSummaryValue, scalarSummaryValue, tableToMarkdown, textSummaryValue } from './summary.js';
import { TagSanitizer } from './tag-sanitizer.js';
import { type TagKind, type TagState, TagStates } from './tag-states.js';

/**
 * Where a run's event files go: `<logDir>/<runName or run name><comment>`, plus `rank_<r>` for multi-process runs.
 * `/` in the name still nests runs (as TensorBoard allows), but empty, `.` and `..` segments are removed, so a
 * name can never point outside `logDir`.
 */
export function tensorBoardRunDir(options: TensorBoardOptions, run: RunInfo): string {
  const segments = `${options.runName ?? run.name}${options.comment}`
    .split(/[/\\]/)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  const base = join(options.logDir, segments.length > 0 ? segments.join('/') : '_');
  return run.worldSize > 1 ? join(base, `rank_${run.rank}`) : base;
}

/**
 * Writes a run as TensorBoard event files (the same files PyTorch's `SummaryWriter` and tensorboardX write).
 *
 * `write` runs on the core's background drain: it encodes and frames every value into the event file writer's
 * buffer and lets it schedule the I/O. Scalars after a tag's first take a precomputed-prefix fast path, a row's
 * together in one event.
 */
export class TensorBoardBackend implements Backend {
  readonly name = 'tensorboard';
  readonly runDir: string;
  private writer: EventFileWriter | null = null;
  private logger: Logger | null = null;
  private sanitizer: TagSanitizer | null = null;
  private readonly tags = new TagStates((tag) => this.sanitizer?.sanitize(tag) ?? tag);
  private hparams: Map<string, HParamValue> = new Map();
  private errors = 0;
  private dropped = 0;
  /** The fast-path scalars of the row being written (reused). */
  private readonly rowBlocks: Uint8Array[] = [];
  private readonly rowScalars: number[] = [];
  private finished = false;
  /** Resumed into a directory with event files: `resumeAt` writes the purge. */
  private awaitingResumeStep = false;

  constructor(
    readonly options: TensorBoardOptions,
    readonly run: RunInfo,
  ) {
    this.runDir = tensorBoardRunDir(options, run);
  }

  /** The event file being written, once started. */
  get filePath(): string | undefined {
    return this.writer?.path;
  }

  async start(context: BackendContext): Promise<BackendStartInfo | undefined> {
    const logger = context.logger;
    this.logger = logger;
    this.sanitizer = new TagSanitizer(logger);
    const resumed = hasEventFiles(this.runDir);
    const resume = this.run.resume;
    const last = resume !== undefined && resumed ? lastLoggedStep(this.runDir) : undefined;
    if (resume === 'must' && !resumed) {
      return {
        refusal: `resume 'must' but ${resolve(this.runDir)} holds no event files of run ${this.run.id}`,
      };
    }
    if (resume === 'never' && resumed) {
      return { refusal: `resume 'never' but ${resolve(this.runDir)} already holds event files of this run` };
    }
    const wallTime = this.run.startTime / 1000;
    try {
      this.writer = new EventFileWriter({
        dir: this.runDir,
        // `<host>.<pid>.<n>` already keep writers apart; the rank says whose file it is on shared storage.
        filenameSuffix: `${this.run.worldSize > 1 ? `.rank${this.run.rank}` : ''}${this.options.filenameSuffix}`,
        flushSecs: this.options.flushSecs,
        maxQueue: this.options.maxQueue,
        wallTime,
        onError: (error) => {
          this.errors++;
          logger.error(error.message);
        },
      });
    } catch (error) {
      this.errors++;
      logger.error(
        `TensorBoard: cannot create an event file in ${resolve(this.runDir)} (${(error as Error).message}); ` +
          'TensorBoard logging is off for this run',
      );
      return;
    }
    if (this.options.purgeStep !== undefined) {
      this.writer.append(sessionStartEvent(this.options.purgeStep, wallTime));
    } else if (resume !== undefined && resumed) {
      // The purge START is written by `resumeAt`, once the core has settled the step every backend continues at.
      this.awaitingResumeStep = true;
    } else if (!resumed) {
      // A START at creation makes a later resume's START (with purgeStep) count: TensorBoard ignores a run's first.
      this.writer.append(sessionStartEvent(0, wallTime));
    } else {
      logger.warn(
        `TensorBoard: ${this.runDir} already holds event files; steps that go back will show as loops ` +
          '(set tensorboard.purgeStep to the resume step to replace them)',
      );
    }
    this.hparams = flattenConfig(this.run.config);
    const startValues: SummaryValueMessage[] = [
      sessionStartInfoValue(this.hparams, wallTime, this.run.group),
      textSummaryValue('config', configMarkdown(this.hparams), true),
    ];
    this.writer.append(summaryEvent(0, wallTime, startValues));
    await this.writer.flush();
    return resumed && resume !== undefined ? { resumeStep: (last ?? -1) + 1 } : undefined;
  }

  /**
   * A resumed run continues at `step`: a `SessionLog.START` there, so TensorBoard drops the points the earlier
   * session logged at and after it (orphaned by a crash after the last checkpoint, or a rewind to `resumeStep`).
   */
  resumeAt(step: number): void {
    if (!this.awaitingResumeStep || this.writer === null) return;
    this.awaitingResumeStep = false;
    this.writer.append(sessionStartEvent(step, Date.now() / 1000));
    this.logger?.info(
      `TensorBoard: ${this.runDir} continues at step ${step} (later points of the earlier session purged)`,
    );
  }

  write(rows: readonly MetricRow[]): void {
    const writer = this.writer;
    if (writer === null || this.finished) {
      for (const row of rows) this.dropped += row.keys.length;
      return;
    }
    const blocks = this.rowBlocks;
    const scalars = this.rowScalars;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const step = row.step;
      const wallTime = row.time / 1000;
      const system = row.channel === 'system';
      const keys = row.keys;
      const values = row.values;
      const fastStep = isFastStep(step);
      const states = this.tags.ofRow(keys, system);
      let count = 0;
      let blocksLength = 0;
      for (let i = 0; i < keys.length; i++) {
        const state = states[i]!;
        if (step <= state.lastStep) this.warnStep(state, step);
        state.lastStep = step;
        const value = values[i]!;
        if (typeof value === 'number' && state.block !== null && fastStep) {
          blocks[count] = state.block;
          scalars[count++] = value;
          blocksLength += state.block.length;
        } else {
          this.writeSlow(writer, state, step, wallTime, value);
        }
      }
      // The row's scalars share its step and time: one event holds them all (as a TF1 merged summary does).
      if (count > 0 && !writer.appendScalars(blocks, scalars, count, blocksLength, step, wallTime))
        this.dropped += count - 1; // the writer counts the refused event once
    }
    writer.endBatch();
  }

  /** The model's conceptual graph (tag `keras`) and summary text (`model/summary`), in one event at its step. */
  logModel(model: LoggedModel): void {
    const writer = this.writer;
    if (writer === null || this.finished) {
      this.dropped++;
      return;
    }
    let values: SummaryValueMessage[];
    try {
      values = modelGraphValues(model);
    } catch (error) {
      this.dropped++;
      this.logger?.warn(
        `TensorBoard: cannot write the model ${JSON.stringify(model.name)} (${(error as Error).message})`,
      );
      return;
    }
    writer.append(summaryEvent(model.step, model.time / 1000, values));
    writer.endBatch();
  }

  /** A text entry `artifacts/<name>` at the step it was logged: what it is, its digest and its files. */
  logArtifact(artifact: StagedArtifact): void {
    if (this.writer === null || this.finished) return;
    const files = artifact.files.map((f) => `- \`${f.path}\` (${f.size} bytes, md5 ${f.digest})`).join('\n');
    const text = `**${artifact.name}** (${artifact.type}), digest \`${artifact.digest}\`, aliases ${artifact.aliases.join(', ')}\n\n${files}`;
    const tag = this.sanitizer?.sanitize(`artifacts/${artifact.name}`) ?? `artifacts/${artifact.name}`;
    this.writer.append(summaryEvent(artifact.step, Date.now() / 1000, [textSummaryValue(tag, text, true)]));
  }

  /**
   * `run.summary.update()`: TensorBoard has no summary, so a number for a key without a chart becomes one scalar
   * at the run's last step (the hparams dashboard lists it as a final metric); anything else (and a number for a
   * key already charted, whose history stays as logged) becomes the text `summary/<key>` holding its JSON.
   */
  updateSummary(update: SummaryUpdate): void {
    let step = 0;
    for (const state of this.tags.history()) if (state.lastStep > step) step = state.lastStep;
    const keys: string[] = [];
    const values: MetricValue[] = [];
    for (const { key, value } of update.set) {
      const charted = this.tags.historyTag(key) !== undefined;
      if (typeof value === 'number' && !charted) {
        keys.push(key);
        values.push(value);
      } else {
        keys.push(`summary/${key}`);
        values.push({ kind: 'text', text: JSON.stringify(value) ?? 'null' });
      }
    }
    this.write([{ step, time: Date.now(), channel: 'history', keys, values }]);
  }

  flush(): Promise<void> {
    return this.writer?.flush() ?? Promise.resolve();
  }

  /** Writes everything pending synchronously (for `process.on('exit')`, where nothing asynchronous runs). */
  flushSync(): void {
    this.writer?.flushSync();
  }

  async finish(outcome: RunOutcome): Promise<void> {
    const writer = this.writer;
    if (writer === null || this.finished) return;
    this.finished = true;
    const wallTime = outcome.endTime / 1000;
    const metricTags = finalMetricTags(outcome.summary, (key) => this.tags.historyTag(key));
    const success = outcome.exitCode === 0 && outcome.reason !== 'exception' && outcome.reason !== 'signal';
    writer.append(
      summaryEvent(0, wallTime, [
        experimentValue(this.hparams, metricTags, this.run.startTime / 1000, this.run.project),
        sessionEndInfoValue(success, wallTime),
      ]),
    );
    await writer.close();
  }

  stats(): BackendStats {
    const stats = emptyBackendStats();
    stats.errors = this.errors;
    stats.dropped = this.dropped;
    if (this.writer !== null) {
      const writerStats = this.writer.stats();
      stats.bytesWritten = writerStats.bytesWritten;
      stats.requests = writerStats.writeCalls;
      stats.dropped += writerStats.recordsDropped;
      stats.sendLatencyMs = writerStats.writeLatencyMs;
    }
    return stats;
  }

  describe(): readonly string[] {
    if (this.writer === null) return [`TensorBoard: no event file (could not create one in ${this.runDir})`];
    return [`TensorBoard: ${this.writer.path}`, `  view it: tensorboard --logdir ${this.options.logDir}`];
  }

  private writeSlow(
    writer: EventFileWriter,
    state: TagState,
    step: number,
    wallTime: number,
    value: MetricValue,
  ): void {
    let summaryValue: SummaryValueMessage;
    let kind: TagKind;
    try {
      if (typeof value === 'number') {
        kind = 'scalar';
        summaryValue = scalarSummaryValue(state.tag, value, !state.described);
      } else if (value.kind === 'text') {
        kind = 'text';
        summaryValue = textSummaryValue(state.tag, value.text, !state.described);
      } else if (value.kind === 'table') {
        kind = 'text';
        summaryValue = textSummaryValue(state.tag, tableToMarkdown(value), !state.described);
      } else {
        kind = 'histogram';
        summaryValue = histogramSummaryValue(state.tag, value, !state.described);
      }
    } catch (error) {
      this.dropped++;
      this.logger?.warnOnce(
        `tensorboard.bad-value.${state.tag}`,
        `TensorBoard: cannot write a value of ${JSON.stringify(state.tag)} (${(error as Error).message}); skipped`,
      );
      return;
    }
    if (state.kind === undefined) {
      state.kind = kind;
    } else if (state.kind !== kind) {
      this.logger?.warnOnce(
        `tensorboard.kind-change.${state.tag}`,
        `TensorBoard: tag ${JSON.stringify(state.tag)} was first a ${state.kind} and now gets a ${kind}; ` +
          `TensorBoard shows it as a ${state.kind} only`,
      );
    }
    writer.append(summaryEvent(step, wallTime, [summaryValue]));
    state.described = true;
    if (kind === 'scalar' && state.block === null) state.block = scalarValueBlock(state.tag);
  }

  private warnStep(state: TagState, step: number): void {
    this.logger?.warnOnce(
      'tensorboard.non-increasing-step',
      `TensorBoard: step ${step} of ${JSON.stringify(state.tag)} is not after its previous step ${state.lastStep}; ` +
        'written anyway, but TensorBoard treats a step that goes back as a restart',
    );
  }
}

function hasEventFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some(isEventFileName);
  } catch {
    return false;
  }
}

export function createTensorBoardBackend(options: TensorBoardOptions, run: RunInfo): Backend {
  return new TensorBoardBackend(options, run);
}
