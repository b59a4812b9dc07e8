import type { MetricRow, RunInfo } from '../../src/core/backend.js';
import type { MetricValue } from '../../src/core/values.js';
import { WandbLogSink, type WandbLogSinkOptions } from '../../src/trackers/wandb/offline/log-sink.js';
import { WandbRunModel } from '../../src/trackers/wandb/run-model.js';

/**
 * An offline W&B run as the backend wires it in offline mode (a run model feeding the `.wandb` log sink),
 * without the backend around it: what the offline tests drive and read back.
 */
export class OfflineRun {
  readonly directory: string;
  readonly wandbPath: string;
  readonly filesDirectory: string;

  private constructor(
    readonly model: WandbRunModel,
    readonly log: WandbLogSink,
  ) {
    this.directory = log.directory;
    this.wandbPath = log.wandbPath;
    this.filesDirectory = log.filesDirectory;
  }

  static create(rootDir: string, run: RunInfo, options: WandbLogSinkOptions = {}): OfflineRun {
    const log = WandbLogSink.create(rootDir, run, options);
    return new OfflineRun(new WandbRunModel(run, [log], options.logger), log);
  }

  get counters() {
    return { ...this.model.counters, ...this.log.counters };
  }

  write(rows: readonly MetricRow[]): void {
    this.model.write(rows);
  }

  async flush(): Promise<void> {
    this.model.flush();
    await this.log.flush();
  }

  flushSync(): void {
    this.model.flush();
    this.log.flushSync();
  }

  finish(exitCode: number, summary?: ReadonlyMap<string, MetricValue>, endTime?: number): Promise<void> {
    return this.model.finish(exitCode, summary, endTime);
  }
}
