import type { LoggedModel } from '../../core/logged-model.js';
import { modelSummary } from '../../core/model-summary-table.js';
import { encodeMetricValue } from './history-value.js';
import type { RunFile } from './run-files.js';
import { tableKeyPath } from './table-file.js';

/** The summary key of a logged model's layer table (the same name as TensorBoard's text tag). */
export const MODEL_SUMMARY_KEY = 'model/summary';

/** What `run.logModel` adds to a W&B run. */
export interface ModelRunFiles {
  /** The W&B JSON of the `model/summary` table (a `table-file` reference). */
  readonly summaryJson: string;
  /** The table's `.table.json` and the Keras config `model/<name>.json`, stored before the summary names them. */
  readonly files: readonly RunFile[];
}

/**
 * A logged model as W&B keeps it: Keras' `model.summary()` as a table (`Layer (type)`, `Output Shape`,
 * `Param #`) under `model/summary` in the summary, and the model's Keras config as the run file
 * `model/<name>.json` (what tfjs' `tf.models.modelFromJSON` and Keras' `model_from_json` read back).
 */
export function modelRunFiles(model: LoggedModel): ModelRunFiles {
  const summary = modelSummary(model.description);
  const encoded = encodeMetricValue(MODEL_SUMMARY_KEY, model.step, summary.table);
  const config: RunFile = {
    path: `model/${tableKeyPath(model.name)}.json`,
    bytes: Buffer.from(model.kerasConfigJson, 'utf8'),
  };
  const files = encoded.tableFile === undefined ? [config] : [encoded.tableFile, config];
  return { summaryJson: encoded.json, files };
}
