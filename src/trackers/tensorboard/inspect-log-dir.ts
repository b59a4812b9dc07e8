import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { isEventFileName } from './event-file-name.js';
import { type EventFileProblem, type EventFileStatus, readEventFile } from './event-file-reader.js';
import { type KerasModelGraphInfo, kerasModelGraphInfo } from './keras-model-graph.js';
import { SessionLogStatus } from './proto.js';
import { type ReadingProblem, RunReadingCheck } from './run-reading-check.js';
import { pointValueOf, type TagKindInfo, type TagPointValue, tagKindOf } from './tag-point-value.js';

export interface InspectPoint {
  readonly step: number;
  /** Seconds since the Unix epoch. */
  readonly wallTime: number;
  readonly value: TagPointValue;
}

export interface InspectTag {
  readonly tag: string;
  readonly plugin: string;
  readonly dataClass: TagKindInfo['dataClass'];
  readonly count: number;
  readonly firstStep: number;
  readonly lastStep: number;
  /** Smallest and largest numeric value, NaN excluded (undefined for non-numeric tags or all-NaN). */
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** The last point's value. */
  readonly last: TagPointValue;
  readonly points: InspectPoint[];
  /** The decoded plugin content of the tag's first value (hparams: experiment, session start/end info). */
  readonly pluginContent?: Record<string, unknown>;
  /** A conceptual graph (plugin `graph_keras_model`): what the Graphs dashboard draws from its last value. */
  readonly kerasModel?: KerasModelGraphInfo;
}

export interface InspectEventFile {
  readonly name: string;
  readonly path: string;
  readonly sizeBytes: number;
  /** Whole, CRC-valid records read. */
  readonly recordsRead: number;
  readonly status: EventFileStatus;
  readonly firstRecord: { readonly fileVersion: string | undefined; readonly wallTime: number } | undefined;
}

export interface InspectPurge {
  readonly step: number;
  readonly file: string;
  readonly droppedPoints: number;
}

export interface InspectRun {
  /** Directory relative to the log directory (`.` for the log directory itself), as TensorBoard names runs. */
  readonly name: string;
  readonly files: InspectEventFile[];
  /** The run's start time as TensorBoard reports it: the first event's wall time. */
  readonly firstEventWallTime: number | undefined;
  /** Each `SessionLog.START` after the run's first (a restart): its step, file and how many points it dropped. */
  readonly purges: InspectPurge[];
  readonly tags: Record<string, InspectTag>;
}

export interface InspectResult {
  readonly logDir: string;
  readonly runs: Record<string, InspectRun>;
  /** Truncated tails (warnings) and damage where TensorBoard stops reading (errors), with file and byte offset. */
  readonly problems: EventFileProblem[];
  /**
   * Tags a TensorBoard dashboard would fail on (errors: listed with nothing stored) or where its two readers
   * differ (warnings), from applying TensorBoard's reading rules (`RunReadingCheck`).
   */
  readonly readingProblems: ReadingProblem[];
  readonly errors: number;
  readonly warnings: number;
}

/** Every event file under `dir`, grouped by run directory, each run's files in name order. */
function findRuns(dir: string): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  const visit = (current: string): void => {
    const entries = readdirSync(current, { withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && isEventFileName(e.name))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (files.length > 0) {
      const name = relative(dir, current).split(sep).join('/') || '.';
      runs.set(
        name,
        files.map((f) => join(current, f)),
      );
    }
    for (const entry of entries) if (entry.isDirectory()) visit(join(current, entry.name));
  };
  visit(dir);
  return runs;
}

interface MutableTag {
  tag: string;
  points: InspectPoint[];
}

/**
 * Decodes every event file under a log directory (or one event file) and summarizes it as TensorBoard's Python
 * loader sees it: runs → tags → plugin, points in file order, legacy values converted, purges on SessionLog.START
 * (except a run's first), and reading of a file stopped at its first bad record.
 */
export function inspectLogDir(logDir: string): InspectResult {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(logDir);
  } catch (error) {
    throw new Error(`cannot inspect ${logDir}: ${(error as Error).message}`);
  }
  const runFiles = stats.isFile() ? new Map([['.', [logDir]]]) : findRuns(logDir);
  const runs: Record<string, InspectRun> = {};
  const problems: EventFileProblem[] = [];
  const readingProblems: ReadingProblem[] = [];
  for (const [runName, paths] of [...runFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const files: InspectEventFile[] = [];
    const tags = new Map<string, MutableTag>();
    let firstEventWallTime: number | undefined;
    let startsSeen = 0;
    const purges: InspectPurge[] = [];
    const check = new RunReadingCheck(runName);
    for (const path of paths) {
      check.startFile();
      const decoded = readEventFile(path);
      if (decoded.problem) problems.push(decoded.problem);
      const first = decoded.events[0];
      files.push({
        name: basename(path),
        path,
        sizeBytes: decoded.sizeBytes,
        recordsRead: decoded.events.length,
        status: decoded.status,
        firstRecord: first ? { fileVersion: first.fileVersion, wallTime: first.wallTime ?? 0 } : undefined,
      });
      for (const event of decoded.events) {
        const step = event.step ?? 0;
        const wallTime = event.wallTime ?? 0;
        if (firstEventWallTime === undefined) firstEventWallTime = wallTime;
        if (event.sessionLog?.status === SessionLogStatus.START) {
          if (startsSeen++ > 0) {
            let dropped = 0;
            for (const state of tags.values()) {
              const kept = state.points.filter((p) => p.step < step);
              dropped += state.points.length - kept.length;
              state.points = kept;
            }
            purges.push({ step, file: basename(path), droppedPoints: dropped });
          }
          continue;
        }
        for (const value of event.summary?.value ?? []) {
          // Only values the Python loader stores (those with a tensor once migrated) are points.
          if (!check.observe(value, step)) continue;
          const tag = value.tag ?? '';
          let state = tags.get(tag);
          if (state === undefined) {
            state = { tag, points: [] };
            tags.set(tag, state);
          }
          const plugin = check.metadataOf(tag)?.pluginData?.pluginName ?? '';
          state.points.push({ step, wallTime, value: pointValueOf(value, plugin) });
        }
      }
    }
    readingProblems.push(...check.problems());
    const tagRecord: Record<string, InspectTag> = {};
    for (const name of [...tags.keys()].sort()) {
      const state = tags.get(name)!;
      if (state.points.length === 0) continue;
      tagRecord[name] = summarizeTag(state, tagKindOf(check.metadataOf(name)));
    }
    runs[runName] = { name: runName, files, firstEventWallTime, purges, tags: tagRecord };
  }
  const all = [...problems, ...readingProblems];
  const errors = all.filter((p) => p.severity === 'error').length;
  return { logDir, runs, problems, readingProblems, errors, warnings: all.length - errors };
}

function summarizeTag(state: MutableTag, kind: TagKindInfo): InspectTag {
  const points = state.points;
  let min: number | undefined;
  let max: number | undefined;
  for (const point of points) {
    const v = point.value;
    if (typeof v !== 'number' || Number.isNaN(v)) continue;
    if (min === undefined || v < min) min = v;
    if (max === undefined || v > max) max = v;
  }
  const tag: InspectTag = {
    tag: state.tag,
    plugin: kind.plugin,
    dataClass: kind.dataClass,
    count: points.length,
    firstStep: points[0]!.step,
    lastStep: points[points.length - 1]!.step,
    min,
    max,
    last: points[points.length - 1]!.value,
    points,
  };
  if (kind.pluginContent) return { ...tag, pluginContent: kind.pluginContent };
  const last = tag.last;
  if (kind.plugin === 'graph_keras_model' && typeof last === 'string') {
    try {
      return { ...tag, kerasModel: kerasModelGraphInfo(last) };
    } catch {
      return tag; // reported by the reading check
    }
  }
  return tag;
}
