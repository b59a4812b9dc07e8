import { dataClassName, migrateDataClass, migrateLegacyValue, tensorSize } from './data-class-migration.js';
import { isKerasModelPluginContent, kerasModelProblem } from './keras-model-graph.js';
import { DataClass, type SummaryMetadataMessage, type SummaryValueMessage } from './proto.js';
import { type RustSeriesClass, rustInitialClass, rustKeeps } from './rust-reader-rules.js';

/** A tag that a TensorBoard dashboard would fail on (error) or show differently than written (warning). */
export interface ReadingProblem {
  readonly severity: 'error' | 'warning';
  readonly run: string;
  readonly tag: string;
  readonly plugin: string;
  /** The dashboard concerned, as TensorBoard's UI names it (`HPARAMS`, `SCALARS`, `GRAPHS`, ...). */
  readonly dashboard: string;
  /** `python`: TensorBoard's Python loader (`--load_fast=false`); `rust`: its data server (the default). */
  readonly reader: 'python' | 'rust';
  readonly message: string;
}

const DASHBOARDS: Readonly<Record<string, string>> = {
  scalars: 'SCALARS',
  histograms: 'HISTOGRAMS',
  images: 'IMAGES',
  audio: 'AUDIO',
  text: 'TEXT',
  hparams: 'HPARAMS',
  pr_curves: 'PR CURVES',
  graphs: 'GRAPHS',
  graph_keras_model: 'GRAPHS',
  graph_run_metadata: 'GRAPHS',
  graph_run_metadata_graph: 'GRAPHS',
  custom_scalars: 'CUSTOM SCALARS',
  mesh: 'MESH',
};

export function dashboardOf(pluginName: string): string {
  return DASHBOARDS[pluginName] ?? pluginName.toUpperCase();
}

/** The data provider call a dashboard makes for a data class (`MultiplexerDataProvider`). */
const READ_CALL: Readonly<Record<number, string>> = {
  [DataClass.SCALAR]: 'read_scalars',
  [DataClass.TENSOR]: 'read_tensors',
  [DataClass.BLOB_SEQUENCE]: 'read_blob_sequences',
};

type AddProblem = (
  severity: ReadingProblem['severity'],
  reader: ReadingProblem['reader'],
  message: string,
) => void;

interface TagRecord {
  stored: number;
  /** The first stored value that `read_scalars` cannot turn into one number. */
  badScalar?: { step: number; size: number };
  graphProblem?: { severity: 'error' | 'warning'; message: string } | undefined;
  graphChecked?: boolean;
  rust: RustSeriesClass;
  rustDropped: number;
}

/**
 * Applies TensorBoard's reading rules to one run, value by value, and lists what its dashboards would fail on.
 * Python loader: per file, `data_compat` then `dataclass_compat`; per run, the metadata of the first value of a
 * tag that has any is recorded and lists the tag, and only values that then carry a tensor are stored. A listed
 * tag with nothing stored makes the plugin's `list_*`/`read_*` raise `KeyError`: the whole dashboard fails.
 */
export class RunReadingCheck {
  private readonly metadata = new Map<string, SummaryMetadataMessage>();
  private readonly tags = new Map<string, TagRecord>();
  private fileInitialMetadata = new Map<string, SummaryMetadataMessage>();

  constructor(readonly run: string) {}

  /** The Python loader keeps `dataclass_compat`'s first-metadata map per event file. */
  startFile(): void {
    this.fileInitialMetadata = new Map();
  }

  /** The metadata the Python loader recorded for a tag (after migration), if any. */
  metadataOf(tag: string): SummaryMetadataMessage | undefined {
    return this.metadata.get(tag);
  }

  /** Reads one value as both readers do; returns whether the Python loader stores it (it has a tensor). */
  observe(value: SummaryValueMessage, step: number): boolean {
    const tag = value.tag ?? '';
    let record = this.tags.get(tag);
    if (record === undefined) {
      record = { stored: 0, rustDropped: 0, rust: rustInitialClass(value) };
      this.tags.set(tag, record);
    }
    const migrated = migrateDataClass(migrateLegacyValue(value), this.fileInitialMetadata);
    if (migrated.metadata !== undefined && !this.metadata.has(tag)) this.metadata.set(tag, migrated.metadata);
    const tensor = migrated.tensor;
    if (tensor === undefined) return false;
    record.stored++;
    const metadata = this.metadata.get(tag);
    if (
      metadata?.dataClass === DataClass.SCALAR &&
      record.badScalar === undefined &&
      tensorSize(tensor) !== 1
    ) {
      record.badScalar = { step, size: tensorSize(tensor) };
    }
    if (metadata?.pluginData?.pluginName === 'graph_keras_model' && !record.graphChecked) {
      record.graphChecked = true;
      record.graphProblem = kerasModelProblem(tensor);
    }
    if (record.rust.dataClass !== DataClass.UNKNOWN && !rustKeeps(value, record.rust)) {
      record.rustDropped++;
    }
    return true;
  }

  problems(): ReadingProblem[] {
    const problems: ReadingProblem[] = [];
    for (const [tag, record] of this.tags) {
      const plugin = this.metadata.get(tag)?.pluginData?.pluginName ?? '';
      const dashboard = dashboardOf(plugin || record.rust.pluginName);
      const add = (
        severity: ReadingProblem['severity'],
        reader: ReadingProblem['reader'],
        message: string,
      ) => {
        problems.push({
          severity,
          run: this.run,
          tag,
          plugin,
          dashboard,
          reader,
          message: `${dashboard} dashboard: ${message}`,
        });
      };
      this.pythonProblems(tag, record, add);
      this.rustProblems(tag, record, add);
    }
    return problems;
  }

  private pythonProblems(tag: string, record: TagRecord, add: AddProblem): void {
    const metadata = this.metadata.get(tag);
    const plugin = metadata?.pluginData?.pluginName ?? '';
    const dataClass = metadata?.dataClass ?? DataClass.UNKNOWN;
    const call = `TensorBoard's ${READ_CALL[dataClass] ?? 'read'}(plugin_name='${plugin}')`;
    if (plugin !== '' && dataClass !== DataClass.UNKNOWN && record.stored === 0) {
      const what = dataClass === DataClass.SCALAR ? 'no simple_value or tensor' : 'no tensor';
      add(
        'error',
        'python',
        `tag ${tag} has data_class ${dataClassName(dataClass)} but ${what}; ${call} fails`,
      );
      return;
    }
    if (plugin !== '' && dataClass === DataClass.UNKNOWN) {
      add('warning', 'python', `tag ${tag} of plugin ${plugin} has no data_class; no dashboard lists it`);
    }
    if (record.badScalar !== undefined) {
      const { step, size } = record.badScalar;
      add(
        'error',
        'python',
        `tag ${tag} has a tensor of ${size} values at step ${step}, not one; ${call} fails`,
      );
    }
    if (record.graphProblem !== undefined) {
      add(record.graphProblem.severity, 'python', `tag ${tag}: ${record.graphProblem.message}`);
    }
    if (plugin === 'graph_keras_model' && !isKerasModelPluginContent(metadata?.pluginData?.content)) {
      add('warning', 'python', `tag ${tag} has plugin content other than "1"; the graphs plugin ignores it`);
    }
  }

  /** Only where the Rust data server differs from the Python loader, which `pythonProblems` covers. */
  private rustProblems(tag: string, record: TagRecord, add: AddProblem): void {
    const pythonClass = this.metadata.get(tag)?.dataClass ?? DataClass.UNKNOWN;
    const rust = record.rust;
    if (rust.dataClass === DataClass.UNKNOWN && record.stored > 0 && pythonClass !== DataClass.UNKNOWN) {
      add(
        'warning',
        'rust',
        `tag ${tag}: the Rust data server keeps nothing (its first value has no plugin metadata)`,
      );
    } else if (record.rustDropped > 0) {
      const rule =
        rust.dataClass === DataClass.SCALAR
          ? 'only a simple_value or a rank-0 DT_FLOAT tensor is a scalar'
          : `not a ${dataClassName(rust.dataClass)} value`;
      add(
        'warning',
        'rust',
        `the Rust data server drops ${record.rustDropped} of ${record.stored} values of tag ${tag} (${rule})`,
      );
    }
  }
}
