import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readWandbFile } from '../offline/read-wandb-file.js';
import { planReplay } from '../sync/run-replay.js';
import { parseWandbJson } from '../wandb-json.js';
import { summaryTexts, type WandbResumeState } from './wandb-resume-state.js';

/**
 * The newest local run directory of `runId` under `<rootDir>/wandb/` (`offline-run-<ts>-<id>` or the local copy
 * of an online run, `run-<ts>-<id>`, with a `-<n>` suffix for a second one in the same second) holding its log.
 */
export function latestLocalRunDir(rootDir: string, runId: string): string | undefined {
  const wandbDir = join(rootDir, 'wandb');
  let names: string[];
  try {
    names = readdirSync(wandbDir);
  } catch {
    return undefined;
  }
  const pattern = /^(?:offline-)?run-(\d{8}_\d{6})-(.+?)(?:-(\d+))?$/;
  const candidates = names.flatMap((name) => {
    const match = pattern.exec(name);
    if (!match || (match[2] !== runId && `${match[2]}-${match[3]}` !== runId)) return [];
    if (!existsSync(join(wandbDir, name, `run-${runId}.wandb`))) return [];
    return [{ name, key: `${match[1]}-${(match[3] ?? '').padStart(6, '0')}` }];
  });
  candidates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const newest = candidates[candidates.length - 1];
  return newest ? join(wandbDir, newest.name) : undefined;
}

/** Where the run in `runDir` left off, read from its log (offsets 0: the server is asked at sync time). */
export function resumeStateFromLocalRun(runDir: string, runId: string): WandbResumeState {
  const contents = readWandbFile(join(runDir, `run-${runId}.wandb`));
  const plan = planReplay(contents.records);
  const last = plan.historyLines[plan.historyLines.length - 1];
  const row = last === undefined ? {} : (parseWandbJson(last) as Record<string, unknown>);
  const step = typeof row._step === 'number' ? row._step : undefined;
  const runtime = typeof row._runtime === 'number' ? row._runtime : 0;
  const summary = plan.summaryLine === undefined ? {} : (parseWandbJson(plan.summaryLine) as object);
  return {
    source: runDir,
    startingStep: step === undefined ? 0 : Math.trunc(step) + 1,
    runtimeSeconds: Math.max(runtime, plan.runtimeSeconds ?? 0),
    historyOffset: 0,
    eventsOffset: 0,
    outputOffset: 0,
    config: plan.config,
    summary: summaryTexts(summary as Record<string, unknown>),
  };
}
