/**
 * A model's architecture in a form no backend owns: its layers, each with a name, a class, the layers it reads from,
 * its output shape and its parameter count. Backends render it their own way (TensorBoard: a Keras-format model
 * config for the Graphs dashboard and a `model.summary()`-style text; W&B: a table and a file).
 */

/** A dimension of an output shape: a size, or `null` for one that varies (the batch, a sequence length). */
export type ShapeDimension = number | null;

export interface ModelLayerDescription {
  /** Unique within the model. A `/` nests the layer under a name scope in TensorBoard's graph. */
  readonly name: string;
  /** The layer's class, e.g. `Dense` or `TransformerBlock` (ASCII: TensorBoard's graph converter requires it). */
  readonly className: string;
  /** Names of the layers whose outputs this layer reads; empty or absent for an input. */
  readonly inputs?: readonly string[];
  /** e.g. `[null, 128, 512]`, or free text such as `"(batch, seq, 512)"`. */
  readonly outputShape?: readonly ShapeDimension[] | string;
  /** Number of parameters (weights) the layer owns. */
  readonly params?: number;
}

export interface ModelDescription {
  /** The model's name (default `model`). */
  readonly name?: string;
  readonly layers: readonly ModelLayerDescription[];
}

/** A layer of a checked description: inputs always present. */
export interface ValidModelLayer extends ModelLayerDescription {
  readonly inputs: readonly string[];
}

/** A description checked by `validateModelDescription`: name and inputs filled in, inputs resolved. */
export interface ValidModelDescription {
  readonly name: string;
  readonly layers: readonly ValidModelLayer[];
}

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

function fail(message: string): never {
  throw new TypeError(`model description: ${message}`);
}

function checkLayer(layer: ModelLayerDescription, index: number, names: ReadonlySet<string>): void {
  const where = `layer ${index} (${JSON.stringify(layer.name)})`;
  if (typeof layer.className !== 'string' || !PRINTABLE_ASCII.test(layer.className)) {
    fail(`${where} needs a className of printable ASCII characters`);
  }
  for (const input of layer.inputs ?? []) {
    if (typeof input !== 'string' || !names.has(input)) {
      fail(`${where} reads from ${JSON.stringify(input)}, which is not a layer of the model`);
    }
    if (input === layer.name) fail(`${where} reads from itself`);
  }
  const shape = layer.outputShape;
  if (Array.isArray(shape)) {
    for (const dim of shape) {
      if (dim !== null && !(Number.isSafeInteger(dim) && dim >= 0)) {
        fail(`${where} has output shape dimension ${JSON.stringify(dim)} (use a size >= 0 or null)`);
      }
    }
  } else if (shape !== undefined && typeof shape !== 'string') {
    fail(`${where} has an output shape that is neither a list of dimensions nor text`);
  }
  if (layer.params !== undefined && !(Number.isSafeInteger(layer.params) && layer.params >= 0)) {
    fail(`${where} has params ${JSON.stringify(layer.params)} (use a whole number >= 0)`);
  }
}

/**
 * A model's layers form a graph without cycles (Keras builds them in call order, so no layer can read its own
 * output through others); TensorBoard's graph layout and the summary's reading order both rely on it.
 */
function checkAcyclic(layers: readonly ModelLayerDescription[]): void {
  const inputsOf = new Map(layers.map((layer) => [layer.name, layer.inputs ?? []]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name].map((n) => JSON.stringify(n)).join(' -> ');
      fail(`the layers read from each other in a cycle (${cycle})`);
    }
    state.set(name, 'visiting');
    path.push(name);
    for (const input of inputsOf.get(name) ?? []) visit(input);
    path.pop();
    state.set(name, 'done');
  };
  for (const layer of layers) visit(layer.name);
}

/**
 * Checks a description and returns it with defaults filled in (name `model`, inputs `[]`). Throws a `TypeError`
 * that names the layer and the field for anything TensorBoard's or W&B's readers could not use.
 */
export function validateModelDescription(description: ModelDescription): ValidModelDescription {
  if (description === null || typeof description !== 'object' || !Array.isArray(description.layers)) {
    fail('expected { name?, layers: [...] }');
  }
  if (description.layers.length === 0) fail('a model needs at least one layer');
  const names = new Set<string>();
  for (const [index, layer] of description.layers.entries()) {
    if (layer === null || typeof layer !== 'object' || typeof layer.name !== 'string' || layer.name === '') {
      fail(`layer ${index} needs a non-empty name`);
    }
    if (names.has(layer.name)) fail(`layer name ${JSON.stringify(layer.name)} is used twice`);
    names.add(layer.name);
  }
  for (const [index, layer] of description.layers.entries()) checkLayer(layer, index, names);
  checkAcyclic(description.layers);
  const name = description.name ?? 'model';
  if (typeof name !== 'string' || name === '') fail('the model name must be a non-empty string');
  return {
    name,
    // Only the known fields, copied: the result is plain data (no getters, no cycles), safe to clone or send.
    layers: description.layers.map((layer) => ({
      name: layer.name,
      className: layer.className,
      inputs: [...(layer.inputs ?? [])],
      ...(layer.outputShape !== undefined
        ? { outputShape: typeof layer.outputShape === 'string' ? layer.outputShape : [...layer.outputShape] }
        : {}),
      ...(layer.params !== undefined ? { params: layer.params } : {}),
    })),
  };
}

/** True when each layer reads exactly the one before it (the first reads nothing): a Keras `Sequential`. */
export function isSequentialDescription(description: ValidModelDescription): boolean {
  return description.layers.every((layer, i) =>
    i === 0
      ? layer.inputs.length === 0
      : layer.inputs.length === 1 && layer.inputs[0] === description.layers[i - 1]!.name,
  );
}
