import { parseKerasModelConfig, withInboundNodes } from '../../core/keras-model-config.js';
import type { LoggedModel } from '../../core/logged-model.js';
import { kerasModelGraphInfo, kerasModelSummaryValue } from './keras-model-graph.js';
import { MODEL_SUMMARY_TAG, modelSummaryMarkdown } from './model-summary-text.js';
import type { SummaryValueMessage } from './proto.js';
import { textSummaryValue } from './summary.js';

/**
 * What `run.logModel` writes to TensorBoard: the Graphs dashboard's conceptual graph and the `model.summary()`
 * text. The config is stored as the model gave it, unless its `inbound_nodes` are in the other form than the one
 * asked for (a tfjs Functional model writes Keras 2's, which TensorBoard 2.17 and later draw without edges).
 * Both values carry their metadata: TensorBoard keeps the first value's per tag, so repeating it costs nothing.
 */
export function modelGraphValues(model: LoggedModel): SummaryValueMessage[] {
  const json = model.kerasConfigJson;
  const found = kerasModelGraphInfo(json).inboundNodes;
  const graph =
    found === 'none' || found === model.inboundNodes
      ? kerasModelSummaryValue(json)
      : kerasModelSummaryValue(withInboundNodes(parseKerasModelConfig(json), model.inboundNodes));
  return [graph, textSummaryValue(MODEL_SUMMARY_TAG, modelSummaryMarkdown(model.description), true)];
}
