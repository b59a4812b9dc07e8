import type { ModelDescription } from '../../core/model-description.js';
import { modelSummary, totalParamsLine } from '../../core/model-summary-table.js';
import { tableToMarkdown } from './summary.js';

/** The tag of the model summary text. */
export const MODEL_SUMMARY_TAG = 'model/summary';

/**
 * Keras' `model.summary()` as Markdown for TensorBoard's text plugin: the model's name, a table of layers
 * (`Layer (type) | Output Shape | Param #`) and the total. Throws the description's `TypeError` when it is invalid.
 */
export function modelSummaryMarkdown(description: ModelDescription): string {
  const summary = modelSummary(description);
  return [`Model: "${summary.name}"`, '', tableToMarkdown(summary.table), '', totalParamsLine(summary)].join(
    '\n',
  );
}
