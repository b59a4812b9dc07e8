import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

const MODEL_FILE = 'model.json';
const WEIGHTS_FILE = 'weights.bin';

/**
 * A tfjs `IOHandler` that stores model artifacts as `model.json` + `weights.bin` in a directory, the layout of
 * tfjs's own `file://` handler (which only `@tensorflow/tfjs-node` provides). Files are written to temporary
 * names and renamed, so a crash mid-save leaves the previous checkpoint intact.
 */
export class DirectoryCheckpointHandler implements tf.io.IOHandler {
  constructor(readonly directory: string) {}

  async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
    await mkdir(this.directory, { recursive: true });
    const weightData = artifacts.weightData
      ? new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData))
      : new Uint8Array(0);
    const manifest = {
      format: artifacts.format,
      generatedBy: artifacts.generatedBy,
      modelTopology: artifacts.modelTopology,
      userDefinedMetadata: artifacts.userDefinedMetadata,
      weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
    };
    const json = JSON.stringify(manifest);
    const weightsPath = join(this.directory, WEIGHTS_FILE);
    const modelPath = join(this.directory, MODEL_FILE);
    await writeFile(`${weightsPath}.tmp`, weightData);
    await writeFile(`${modelPath}.tmp`, json);
    await rename(`${weightsPath}.tmp`, weightsPath);
    await rename(`${modelPath}.tmp`, modelPath);
    return {
      modelArtifactsInfo: {
        dateSaved: new Date(),
        modelTopologyType: 'JSON',
        modelTopologyBytes: JSON.stringify(artifacts.modelTopology ?? null).length,
        weightSpecsBytes: JSON.stringify(artifacts.weightSpecs ?? []).length,
        weightDataBytes: weightData.byteLength,
      },
    };
  }

  async load(): Promise<tf.io.ModelArtifacts> {
    const manifest = JSON.parse(await readFile(join(this.directory, MODEL_FILE), 'utf8')) as {
      format?: string;
      generatedBy?: string;
      modelTopology?: {};
      userDefinedMetadata?: {};
      weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
    };
    const group = manifest.weightsManifest[0];
    if (!group) throw new Error(`${this.directory}/${MODEL_FILE}: no weightsManifest`);
    const bytes = await readFile(join(this.directory, group.paths[0] ?? WEIGHTS_FILE));
    return {
      format: manifest.format,
      generatedBy: manifest.generatedBy,
      modelTopology: manifest.modelTopology,
      userDefinedMetadata: manifest.userDefinedMetadata,
      weightSpecs: group.weights,
      weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    };
  }
}

/** Saves named variables with their metadata (model config, tokenizer, step) through an IOHandler. */
export async function saveWeights(
  handler: tf.io.IOHandler,
  variables: ReadonlyMap<string, tf.Variable>,
  metadata: Record<string, unknown>,
): Promise<number> {
  const named = [...variables].map(([name, tensor]) => ({ name, tensor }));
  const { data, specs } = await tf.io.encodeWeights(named);
  if (!handler.save) throw new Error('checkpoint handler cannot save');
  const result = await handler.save({
    format: 'trainscope-seo-transformer',
    generatedBy: 'trainscope examples/seo-llm-trainer',
    modelTopology: metadata,
    weightSpecs: specs,
    weightData: data,
  });
  return result.modelArtifactsInfo?.weightDataBytes ?? 0;
}

/** Loads tensors saved by `saveWeights` (the caller disposes them) and the metadata. */
export async function loadWeights(
  handler: tf.io.IOHandler,
): Promise<{ tensors: tf.NamedTensorMap; metadata: Record<string, unknown> }> {
  if (!handler.load) throw new Error('checkpoint handler cannot load');
  const artifacts = await handler.load();
  if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error('checkpoint has no weights');
  const tensors = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  return { tensors, metadata: (artifacts.modelTopology ?? {}) as Record<string, unknown> };
}
