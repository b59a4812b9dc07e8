import { jsonObjectLine } from './history-value.js';
import { summaryJson } from './run-files.js';

/**
 * W&B's run summary: the latest W&B JSON of every key, in first-seen order. While the run is going, `line()` is
 * the summary so far (what the live stream sends); `close(runtime)` fixes the final text with
 * `"_wandb": {"runtime": …}` (what `wandb-summary.json` holds and the stream sends last).
 */
export class WandbSummary {
  private readonly values = new Map<string, string>();
  private finalLine: string | undefined;

  get size(): number {
    return this.values.size;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /** Sets one key's JSON text. */
  set(key: string, json: string): void {
    this.values.set(key, json);
  }

  /** Removes one key (a `none` summary of a defined metric). */
  delete(key: string): void {
    this.values.delete(key);
  }

  /** Sets parallel keys and JSON texts (a history row's). */
  setAll(keys: readonly string[], valuesJson: readonly string[]): void {
    const values = this.values;
    for (let i = 0; i < keys.length; i++) values.set(keys[i] as string, valuesJson[i] as string);
  }

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  keys(): string[] {
    return [...this.values.keys()];
  }

  valuesJson(): string[] {
    return [...this.values.values()];
  }

  /** The summary line: every key so far, or after `close` the final summary with `_wandb.runtime`. */
  line(): string {
    return this.finalLine ?? jsonObjectLine(this.keys(), this.valuesJson());
  }

  /** `line`, bound: a summary source the stream reads only when a request goes out. */
  readonly source = (): string => this.line();

  get closed(): boolean {
    return this.finalLine !== undefined;
  }

  /** Fixes the final summary (`wandb-summary.json`'s text) and returns it. */
  close(runtimeSeconds: number): string {
    this.finalLine ??= summaryJson(this.keys(), this.valuesJson(), runtimeSeconds);
    return this.finalLine;
  }
}
