import { type InboundNodesFormat, kerasModelConfig, parseKerasModelConfig } from './keras-model-config.js';
import { describeLayersModel, type LayersModelLike } from './layers-model-description.js';
import {
  type ModelDescription,
  type ValidModelDescription,
  validateModelDescription,
} from './model-description.js';

/**
 * A tfjs `LayersModel` as `run.logModel` reads it: its layers (for the summary table) and `toJSON()`, which gives
 * the Keras-format model config (a JSON string, or the object with `toJSON(null, false)`).
 */
export interface KerasModelLike extends LayersModelLike {
  toJSON(unused?: unknown, returnString?: boolean): unknown;
}

export interface LogModelOptions {
  /** The model's name in the summary and the W&B file name (default: the model's own name, else `model`). */
  name?: string;
  /**
   * How a Functional graph's edges are written for TensorBoard's Graphs dashboard: `keras3` (default) is what
   * TensorBoard 2.17 and later read; TensorBoard 2.16 and earlier need `keras2`. Sequential models read alike.
   */
  inboundNodes?: InboundNodesFormat;
}

/**
 * A model as the run hands it to the backends: plain, structured-cloneable data, checked on the caller's thread.
 * Each backend renders it its own way (TensorBoard: the Graphs dashboard's conceptual graph and a summary text;
 * W&B: a summary table and the config as a run file).
 */
export interface LoggedModel {
  readonly name: string;
  /** The run's step when `logModel` was called. */
  readonly step: number;
  /** Wall-clock time of the call, in milliseconds since the Unix epoch. */
  readonly time: number;
  /** The Keras-format model config as the model gave it (a tfjs `toJSON()`), or as made from a description. */
  readonly kerasConfigJson: string;
  /** The form TensorBoard's graph should use for `inbound_nodes`. */
  readonly inboundNodes: InboundNodesFormat;
  /** Layers with classes, inputs, output shapes and parameter counts: the summary table's rows. */
  readonly description: ValidModelDescription;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isKerasModel(model: unknown): model is KerasModelLike {
  return isRecord(model) && typeof model.toJSON === 'function' && Array.isArray(model.layers);
}

/** `toJSON()` as tfjs gives it (a string by default), checked: throws a `TypeError` saying what is wrong. */
function kerasConfigJsonOf(model: KerasModelLike): string {
  let json: unknown;
  try {
    json = model.toJSON();
  } catch (error) {
    throw new TypeError(`the model's toJSON() failed: ${(error as Error).message}`);
  }
  if (typeof json === 'string') {
    parseKerasModelConfig(json);
    return json;
  }
  if (!isRecord(json)) throw new TypeError("the model's toJSON() gave neither a JSON string nor an object");
  // `parseKerasModelConfig` unwraps `modelTopology`; stringify what it found (a cycle throws a TypeError).
  return JSON.stringify(parseKerasModelConfig(json));
}

/**
 * Checks what `run.logModel` was given and makes the `LoggedModel` the backends receive. Throws a `TypeError`
 * saying what is wrong (the run turns it into one warning).
 */
export function loggedModel(
  model: unknown,
  options: LogModelOptions | undefined,
  step: number,
  time: number,
): LoggedModel {
  const name = options?.name;
  if (name !== undefined && (typeof name !== 'string' || name === '')) {
    throw new TypeError('the name option must be a non-empty string');
  }
  const inboundNodes = options?.inboundNodes ?? 'keras3';
  if (inboundNodes !== 'keras3' && inboundNodes !== 'keras2') {
    throw new TypeError(`inboundNodes must be 'keras3' or 'keras2', not ${JSON.stringify(inboundNodes)}`);
  }
  if (isKerasModel(model)) {
    const kerasConfigJson = kerasConfigJsonOf(model);
    const described = describeLayersModel(model);
    const description = validateModelDescription({ ...described, name: name ?? described.name ?? 'model' });
    return { name: description.name, step, time, kerasConfigJson, inboundNodes, description };
  }
  if (!isRecord(model) || !Array.isArray(model.layers)) {
    throw new TypeError(
      'expected a tfjs LayersModel (with toJSON() and layers) or a model description { name?, layers: [...] }',
    );
  }
  const given = model as unknown as ModelDescription;
  const description = validateModelDescription(name === undefined ? given : { ...given, name });
  const kerasConfigJson = JSON.stringify(kerasModelConfig(description, { inboundNodes }));
  return { name: description.name, step, time, kerasConfigJson, inboundNodes, description };
}
