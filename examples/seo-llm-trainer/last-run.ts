import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { DirectoryCheckpointHandler, loadWeights } from './model/checkpoint.js';

/**
 * What `--resume` needs to continue the last run: its id (the same W&B run), its name (the same TensorBoard run
 * directory and checkpoint) and the best validation loss so far (so `best` keeps meaning best over the whole run).
 */
export interface LastRun {
  readonly id: string;
  readonly name: string;
  readonly bestLoss: number | null;
}

/** `last-run.json`, written next to the run directories at the start of a run and after each evaluation. */
export function writeLastRun(file: string, lastRun: LastRun): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(lastRun, null, 2)}\n`);
}

export function readLastRun(file: string): LastRun {
  if (!existsSync(file)) {
    throw new Error(
      `--resume: no earlier run to continue (${file} does not exist); start one without --resume`,
    );
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LastRun>;
  if (typeof parsed.id !== 'string' || typeof parsed.name !== 'string') {
    throw new Error(`--resume: ${file} names no run (expected {"id", "name", "bestLoss"})`);
  }
  return {
    id: parsed.id,
    name: parsed.name,
    bestLoss: typeof parsed.bestLoss === 'number' ? parsed.bestLoss : null,
  };
}

/**
 * Loads the checkpoint in `dir` into the network's variables and returns the step it was saved at. The shapes
 * must match (same config and data, so the same tokenizer); the optimizer's moments are not in the checkpoint.
 */
export async function restoreCheckpoint(
  dir: string,
  params: ReadonlyMap<string, tf.Variable>,
): Promise<number> {
  if (!existsSync(dir)) throw new Error(`--resume: the last run has no checkpoint yet (${dir})`);
  const { tensors, metadata } = await loadWeights(new DirectoryCheckpointHandler(dir));
  try {
    for (const [name, variable] of params) {
      const saved = tensors[name];
      if (!saved || saved.shape.join('x') !== variable.shape.join('x')) {
        throw new Error(
          `--resume: the checkpoint in ${dir} does not fit this model (${name}: ${saved ? `[${saved.shape}]` : 'missing'}, model [${variable.shape}]); resume with the config of the run`,
        );
      }
    }
    for (const [name, variable] of params) variable.assign(tensors[name] as tf.Tensor);
  } finally {
    for (const t of Object.values(tensors)) t.dispose();
  }
  const step = metadata.step;
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) {
    throw new Error(`--resume: the checkpoint in ${dir} has no step`);
  }
  return step;
}
