import type { ModelDescription, ModelLayerDescription, ShapeDimension } from './model-description.js';

/**
 * The parts of a tfjs `LayersModel` (`@tensorflow/tfjs-layers`) that a model description needs, typed
 * structurally so that trainscope does not depend on tfjs.
 */
export interface LayersModelLike {
  readonly name: string;
  readonly layers: readonly LayerLike[];
}

export interface LayerLike {
  readonly name: string;
  getClassName(): string;
  /** tfjs throws when a layer has no single output shape (never called, or called on several shapes). */
  readonly outputShape?: unknown;
  /** tfjs throws when the layer is not built yet. */
  countParams(): number;
  readonly inboundNodes?: readonly { readonly inboundLayers?: readonly { readonly name: string }[] }[];
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function shapeOf(shape: unknown): readonly ShapeDimension[] | string | undefined {
  if (!Array.isArray(shape)) return undefined;
  if (shape.every((dim) => dim === null || typeof dim === 'number')) return shape as ShapeDimension[];
  // Several outputs: a list of shapes, shown as text.
  return JSON.stringify(shape).replace(/null/g, 'None');
}

/**
 * Describes a tfjs `LayersModel` as `tf.LayersModel.summary()` sees it: each layer's class, output shape, parameter
 * count and the layers of its first inbound node. What a layer cannot tell (not built yet) is left out.
 */
export function describeLayersModel(model: LayersModelLike): ModelDescription {
  // A Sequential model's `layers` leave out its InputLayer, which its first layer still reads from.
  const names = new Set(model.layers.map((layer) => layer.name));
  const layers = model.layers.map((layer): ModelLayerDescription => {
    const inputs = (layer.inboundNodes?.[0]?.inboundLayers ?? [])
      .map((inbound) => inbound.name)
      .filter((name) => names.has(name));
    const outputShape = shapeOf(attempt(() => layer.outputShape));
    const params = attempt(() => layer.countParams());
    return {
      name: layer.name,
      className: attempt(() => layer.getClassName()) ?? 'Layer',
      inputs,
      ...(outputShape !== undefined ? { outputShape } : {}),
      ...(params !== undefined ? { params } : {}),
    };
  });
  return { name: model.name, layers };
}
