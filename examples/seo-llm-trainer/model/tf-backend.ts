import * as tf from '@tensorflow/tfjs';

export interface SelectedBackend {
  /** tfjs backend name: `tensorflow` (tfjs-node / tfjs-node-gpu), `wasm` or `cpu`. */
  readonly name: string;
  /** The package that provided it, for the console and the run's config. */
  readonly provider: string;
  readonly gpu: boolean;
}

// Kept in variables so TypeScript and bundlers do not try to resolve optional packages at build time.
const NODE_GPU_PACKAGE = '@tensorflow/tfjs-node-gpu';
const NODE_PACKAGE = '@tensorflow/tfjs-node';
const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';

async function tryImport(specifier: string): Promise<boolean> {
  try {
    await import(specifier);
    return true;
  } catch {
    return false;
  }
}

async function trySetBackend(name: string): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/**
 * Picks the fastest tfjs backend available: tfjs-node-gpu, then tfjs-node (both optional, native, loaded only
 * if the user installed them), then WebAssembly, then plain JS. `prefer` forces one (`cpu`, `wasm`).
 */
export async function selectTfBackend(prefer?: 'wasm' | 'cpu'): Promise<SelectedBackend> {
  if (!prefer) {
    if ((await tryImport(NODE_GPU_PACKAGE)) && (await trySetBackend('tensorflow'))) {
      return { name: 'tensorflow', provider: NODE_GPU_PACKAGE, gpu: true };
    }
    if ((await tryImport(NODE_PACKAGE)) && (await trySetBackend('tensorflow'))) {
      return { name: 'tensorflow', provider: NODE_PACKAGE, gpu: false };
    }
  }
  if (prefer !== 'cpu' && (await tryImport(WASM_PACKAGE)) && (await trySetBackend('wasm'))) {
    return { name: 'wasm', provider: WASM_PACKAGE, gpu: false };
  }
  await tf.setBackend('cpu');
  return { name: 'cpu', provider: '@tensorflow/tfjs', gpu: false };
}
