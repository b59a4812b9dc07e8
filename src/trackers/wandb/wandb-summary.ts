import { jsonObjectLine } from './history-value.js';
import { sameKeys } from '../../core/same-keys.js';
import { summaryJson } from './run-files.js';

/**
 * W&B's run summary: the latest W&B JSON of every key, in first-seen order. While the run is going, `line()` is
 * the summary so far (what the live stream sends); `close(runtime)` fixes the final text with
 * `"_wandb": {"runtime": …}` (what `wandb-summary.json` holds and the stream sends last).
 *
 * A history row's values (`setAll`, once per row) are held as the row itself until the summary is read or a row
 * with other keys comes: most rows repeat the previous row's keys, so a burst of rows costs one reference each
 * instead of a map update per key, and the map ends as if every row had been set in turn.
 */
export class WandbSummary {
  private readonly values = new Map<string, string>();
  private finalLine: string | undefined;
  /** The last row given to `setAll` and not yet in `values` (its keys, then its JSON texts). */
  private rowKeys: readonly string[] | undefined;
  private rowValues: readonly string[] = NO_VALUES;

  get size(): number {
    return this.settled().size;
  }

  has(key: string): boolean {
    return this.settled().has(key);
  }

  /** Sets one key's JSON text. */
  set(key: string, json: string): void {
    this.settled().set(key, json);
  }

  /** Removes one key (a `none` summary of a defined metric). */
  delete(key: string): void {
    this.settled().delete(key);
  }

  /** Sets parallel keys and JSON texts (a history row's; the arrays must not change afterwards). */
  setAll(keys: readonly string[], valuesJson: readonly string[]): void {
    const held = this.rowKeys;
    if (held !== undefined && !sameKeys(held, keys)) this.settled();
    this.rowKeys = keys;
    this.rowValues = valuesJson;
  }

  get(key: string): string | undefined {
    return this.settled().get(key);
  }

  keys(): string[] {
    return [...this.settled().keys()];
  }

  valuesJson(): string[] {
    return [...this.settled().values()];
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

  /** The map with the held row set in it. */
  private settled(): Map<string, string> {
    const keys = this.rowKeys;
    if (keys !== undefined) {
      const values = this.values;
      const json = this.rowValues;
      for (let i = 0; i < keys.length; i++) values.set(keys[i] as string, json[i] as string);
      this.rowKeys = undefined;
      this.rowValues = NO_VALUES;
    }
    return this.values;
  }
}

const NO_VALUES: readonly string[] = [];
