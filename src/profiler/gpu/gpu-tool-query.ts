import { execFile } from 'node:child_process';

/** nvidia-smi's machine-readable CSV: no header, no units. */
export const NVIDIA_SMI_FORMAT = '--format=csv,noheader,nounits';

/** What one run of a GPU tool answered: its standard output, or why there is none. */
export type GpuToolAnswer =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Runs a GPU tool (`nvidia-smi`, `rocm-smi`, `apple_gpu_stats`) once, asynchronously: the trainer's thread never
 * waits on it. A tool that hangs is killed with SIGKILL after `timeoutMs`; the child and its pipes are unref'd, so
 * a hung tool never keeps the process alive either. On that kill execFile also drops the pipes, so a wrapper
 * script's own child holding them open does not delay the answer. Never rejects.
 */
export function queryGpuTool(
  path: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<GpuToolAnswer> {
  return new Promise((resolve) => {
    try {
      const child = execFile(
        path,
        [...args],
        { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, windowsHide: true },
        (error, stdout) => {
          if (error) resolve({ ok: false, reason: reasonOf(error, timeoutMs) });
          else resolve({ ok: true, stdout: String(stdout) });
        },
      );
      child.unref();
      (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
      (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    } catch (error) {
      resolve({ ok: false, reason: (error as Error).message });
    }
  });
}

function reasonOf(error: Error & { killed?: boolean; code?: unknown }, timeoutMs: number): string {
  if (error.killed === true) return `no answer within ${timeoutMs} ms`;
  if (error.code === 'ENOENT') return 'not found';
  return typeof error.code === 'number' ? `exit code ${error.code}` : (error.message.split('\n')[0] ?? '');
}
