import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WandbLogScan } from '../trackers/wandb/offline/log-reader.js';
import { decodeWandbRecord } from '../trackers/wandb/offline/record-codec.js';
import type {
  WandbItem,
  WandbOutputRecord,
  WandbRecord,
  WandbTimestamp,
} from '../trackers/wandb/offline/wandb-record.js';
import { parseWandbJson } from '../trackers/wandb/wandb-json.js';
import type { PathGuard } from './path-guard.js';
import type { ViewRun } from './view-run.js';
import { scanWandbLogFrom } from './wandb-log-tail.js';

const HIDDEN_CONFIG_KEYS = new Set(['_wandb']);

function seconds(timestamp: WandbTimestamp | undefined): number {
  if (timestamp === undefined) return 0;
  return (timestamp.seconds ?? 0) + (timestamp.nanos ?? 0) / 1e9;
}

function itemKey(item: WandbItem): string {
  return item.key ?? (item.nested_key ?? []).join('/');
}

function itemValue(item: { value_json?: string }): unknown {
  try {
    return parseWandbJson(item.value_json ?? 'null');
  } catch {
    return item.value_json;
  }
}

/**
 * Keeps one W&B run (a `.wandb` transaction log, the official client's or trainscope's) up to date. On growth the
 * log is framed again from the block of the last record read (`scanWandbLogFrom` over the project's
 * `WandbLogReader`), and only records past it are decoded (`decodeWandbRecord`) and applied. A record cut short at
 * the end waits for the next poll.
 */
export class WandbRunIndexer {
  private lastSize = -1;
  private nextOffset = 0;
  /** Start of the last record applied: the next poll frames the file from the block holding it. */
  private lastRecordOffset = 0;
  private stepCounter = 0;
  private statsCounter = 0;

  constructor(
    readonly run: ViewRun,
    readonly file: string,
    private readonly guard: PathGuard,
  ) {
    run.expectsEndRecord = true;
  }

  /** Reads what the file gained; true when the run changed. */
  poll(): boolean {
    let size: number;
    let modifiedMs: number;
    try {
      ({ size, mtimeMs: modifiedMs } = statSync(this.file));
    } catch {
      return false;
    }
    if (size === this.lastSize) return false;
    this.lastSize = size;
    let scan: WandbLogScan;
    try {
      ({ scan } = scanWandbLogFrom(this.file, this.lastRecordOffset));
    } catch (error) {
      this.run.problems.push(`cannot read ${this.file}: ${(error as Error).message}`);
      return true;
    }
    let applied = 0;
    for (const entry of scan.records) {
      if (entry.offset < this.nextOffset) continue;
      this.nextOffset = entry.offset + 1;
      this.lastRecordOffset = entry.offset;
      try {
        this.apply(decodeWandbRecord(entry.payload));
      } catch (error) {
        this.run.problems.push(`record at offset ${entry.offset}: ${(error as Error).message}`);
      }
      applied++;
    }
    for (const error of scan.errors) if (!this.run.problems.includes(error)) this.run.problems.push(error);
    this.run.lastGrowthMs = modifiedMs;
    this.run.version++;
    return applied > 0;
  }

  private apply(record: WandbRecord): void {
    const run = this.run;
    switch (record.type) {
      case 'run': {
        const r = record.run ?? {};
        run.displayName = r.display_name || r.run_id || undefined;
        run.tags = [...(r.tags ?? [])];
        run.seeTime(seconds(r.start_time));
        this.applyConfig(r.config?.update ?? []);
        break;
      }
      case 'config':
        this.applyConfig(record.config?.update ?? []);
        break;
      case 'history':
        this.applyHistory(record.history?.item ?? [], record.history?.step?.num);
        break;
      case 'summary':
        for (const item of record.summary?.update ?? []) run.summary[itemKey(item)] = itemValue(item);
        break;
      case 'output':
      case 'output_raw':
        this.applyOutput(record.output ?? record.output_raw ?? {});
        break;
      case 'stats':
        this.applyStats(seconds(record.stats?.timestamp), record.stats?.item ?? []);
        break;
      case 'exit':
        run.exitCode = record.exit?.exit_code ?? 0;
        run.ended = run.exitCode === 0 ? 'finished' : 'crashed';
        if (run.startTime !== null && record.exit?.runtime) run.seeTime(run.startTime + record.exit.runtime);
        break;
      default:
        break;
    }
  }

  private applyConfig(items: readonly WandbItem[]): void {
    for (const item of items) {
      const key = itemKey(item);
      if (HIDDEN_CONFIG_KEYS.has(key)) continue;
      const value = itemValue(item);
      this.run.config[key] = value;
      this.run.hparams[key] = value;
    }
  }

  private applyHistory(items: readonly WandbItem[], stepNum: number | undefined): void {
    const run = this.run;
    const values = new Map(items.map((item) => [itemKey(item), itemValue(item)]));
    const stepValue = values.get('_step');
    const step = typeof stepValue === 'number' ? stepValue : (stepNum ?? this.stepCounter);
    this.stepCounter = step + 1;
    const timestamp = values.get('_timestamp');
    const wallTime = typeof timestamp === 'number' ? timestamp : 0;
    run.seeTime(wallTime);
    for (const [key, value] of values) {
      if (key.startsWith('_')) continue;
      if (typeof value === 'number') run.scalar(key).push(step, wallTime, value);
      else if (typeof value === 'boolean') run.scalar(key).push(step, wallTime, value ? 1 : 0);
      else if (typeof value === 'string') run.pushTo(run.texts, key, { step, wallTime, text: value });
      else if (value !== null && typeof value === 'object') this.applyMedia(key, step, wallTime, value);
    }
  }

  /** `wandb.Histogram` (`values` + `bins`) and `table-file` references (the table read from `files/`). */
  private applyMedia(key: string, step: number, wallTime: number, value: object): void {
    const run = this.run;
    const media = value as { _type?: string; values?: number[]; bins?: number[]; path?: string };
    if (media._type === 'histogram' && Array.isArray(media.values) && Array.isArray(media.bins)) {
      const buckets: [number, number, number][] = media.values.map((count, i) => [
        Number(media.bins![i]),
        Number(media.bins![i + 1]),
        Number(count),
      ]);
      run.pushTo(run.histograms, key, { step, wallTime, buckets });
    } else if (media._type === 'table-file' && typeof media.path === 'string') {
      const table = this.readTable(media.path);
      if (table !== undefined) run.pushTo(run.tables, key, { step, wallTime, ...table });
    }
  }

  private readTable(relativePath: string): { columns: string[]; rows: unknown[][] } | undefined {
    const path = this.guard.resolveInside(`${dirname(this.file)}/files`, relativePath);
    if (path === undefined) {
      this.run.problems.push(`table path outside the run directory ignored: ${relativePath}`);
      return undefined;
    }
    try {
      const parsed = parseWandbJson(readFileSync(path, 'utf8')) as {
        columns?: unknown[];
        data?: unknown[][];
      };
      return {
        columns: (parsed.columns ?? []).map(String),
        rows: Array.isArray(parsed.data) ? parsed.data : [],
      };
    } catch (error) {
      this.run.problems.push(`cannot read table ${relativePath}: ${(error as Error).message}`);
      return undefined;
    }
  }

  private applyOutput(output: WandbOutputRecord): void {
    const time = seconds(output.timestamp);
    this.run.seeTime(time);
    this.run.consoleLines.push({
      time,
      stream: output.output_type === 'STDERR' ? 'stderr' : 'stdout',
      line: output.line ?? '',
    });
  }

  private applyStats(time: number, items: readonly { key?: string; value_json?: string }[]): void {
    const step = this.statsCounter++;
    this.run.seeTime(time);
    for (const item of items) {
      const value = itemValue(item);
      if (typeof value === 'number') this.run.scalar(item.key ?? '', this.run.system).push(step, time, value);
    }
  }
}
