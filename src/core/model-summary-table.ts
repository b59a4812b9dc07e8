import { type ModelDescription, type ShapeDimension, validateModelDescription } from './model-description.js';
import { type TableValue, table } from './values.js';

/**
 * Keras' `model.summary()` as data: one row per layer (`name (Class)`, output shape, parameter count) and the total.
 * Each backend renders it: TensorBoard as Markdown text, W&B as a table.
 */
export interface ModelSummary {
  readonly name: string;
  readonly table: TableValue;
  /** Sum of the layers' known parameter counts. */
  readonly totalParams: number;
  /** Layers whose parameter count is not known (not counted in the total). */
  readonly unknownParamLayers: number;
}

export const MODEL_SUMMARY_COLUMNS = ['Layer (type)', 'Output Shape', 'Param #'] as const;

/** `[null, 128, 64]` → `(None, 128, 64)`, `[10]` → `(10,)`: Python's tuple notation, as Keras prints shapes. */
export function formatOutputShape(shape: readonly ShapeDimension[] | string | undefined): string {
  if (shape === undefined) return '?';
  if (typeof shape === 'string') return shape;
  const dims = shape.map((dim) => (dim === null ? 'None' : String(dim)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** 1234567 → `1,234,567` (no locale involved, so the text is the same everywhere). */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Throws the description's `TypeError` when it is invalid. */
export function modelSummary(description: ModelDescription): ModelSummary {
  const model = validateModelDescription(description);
  let totalParams = 0;
  let unknownParamLayers = 0;
  const rows = model.layers.map((layer) => {
    if (layer.params === undefined) unknownParamLayers++;
    else totalParams += layer.params;
    return [
      `${layer.name} (${layer.className})`,
      formatOutputShape(layer.outputShape),
      layer.params === undefined ? '?' : formatCount(layer.params),
    ];
  });
  return { name: model.name, table: table(MODEL_SUMMARY_COLUMNS, rows), totalParams, unknownParamLayers };
}

/** The line under the table: `Total params: 1,234` (plus how many layers were not counted). */
export function totalParamsLine(summary: ModelSummary): string {
  const unknown = summary.unknownParamLayers;
  const note =
    unknown === 0 ? '' : ` (${unknown} layer${unknown === 1 ? '' : 's'} of unknown size not counted)`;
  return `Total params: ${formatCount(summary.totalParams)}${note}`;
}
