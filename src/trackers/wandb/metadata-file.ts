import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { RunInfo } from '../../core/backend.js';
import { probeGpuInventory } from '../../profiler/gpu/gpu-inventory.js';
import { runMetadata, WANDB_METADATA } from './run-files.js';

/** Whether the metadata may ask the GPU tools (`profiling.gpu`): `'off'` runs none of them. */
export type GpuProbeMode = 'auto' | 'off';

/**
 * Writes `files/wandb-metadata.json` once the GPU probe answered or its 2 s deadline passed, and resolves to the
 * bytes written (the live stream uploads exactly these). The probe's tools run as async children, so starting a
 * run never waits on them; with `gpu: 'off'` none runs and the file is written at once. A failed write still
 * resolves (to the bytes) after `onError`. Never rejects.
 */
export async function writeMetadataFile(
  filesDirectory: string,
  run: RunInfo,
  gpu: GpuProbeMode,
  onError: (message: string) => void = () => {},
): Promise<Buffer> {
  const fields = gpu === 'off' ? {} : await probeGpuInventory();
  let bytes = Buffer.from('{}\n');
  try {
    bytes = Buffer.from(`${JSON.stringify(runMetadata(run, fields), null, 4)}\n`);
    await fs.writeFile(join(filesDirectory, WANDB_METADATA), bytes);
  } catch (error) {
    onError(`writing ${WANDB_METADATA} failed: ${(error as Error).message}`);
  }
  return bytes;
}
