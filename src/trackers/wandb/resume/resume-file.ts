import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `resume: 'auto'` (W&B's): `<dir>/wandb/wandb-resume.json` `{"run_id": …}` is written when such a run starts and
 * removed when it finishes with exit code 0, so the next start in the same directory continues a run that crashed.
 */
export function resumeFilePath(rootDir: string): string {
  return join(rootDir, 'wandb', 'wandb-resume.json');
}

/** The id of the run that did not finish cleanly, or `undefined`. */
export function readResumeFileId(rootDir: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(resumeFilePath(rootDir), 'utf8')) as { run_id?: unknown };
    return typeof parsed.run_id === 'string' && /^[a-zA-Z0-9_-]{1,64}$/.test(parsed.run_id)
      ? parsed.run_id
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeResumeFile(rootDir: string, runId: string): void {
  mkdirSync(join(rootDir, 'wandb'), { recursive: true });
  writeFileSync(resumeFilePath(rootDir), JSON.stringify({ run_id: runId }));
}

export function removeResumeFile(rootDir: string): void {
  rmSync(resumeFilePath(rootDir), { force: true });
}
