import { dirname } from 'node:path';
import { containsKeyword, isLengthOk } from './corpus/record.js';
import type { GeneratedSample } from './trainer.js';

export interface ValidationPoint {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly perplexity: number;
  readonly length_ok_share: number;
  readonly keyword_share: number;
  readonly repetition: number;
  readonly distinct_2: number;
}

export interface ResultPaths {
  /** `<logDir>` to pass to `tensorboard --logdir`. */
  readonly tensorboardLogDir: string | undefined;
  /** This run's event-file directory. */
  readonly tensorboardRunDir: string | undefined;
  /** `wandb/offline-run-…` (offline) or `wandb/run-…` (online). */
  readonly wandbRunDir: string | undefined;
  readonly wandbMode: 'online' | 'offline' | undefined;
  readonly trace: string | undefined;
  readonly checkpoint: string;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** The final metrics block: training loss from first to last steps, and the latest validation results. */
export function formatFinalMetrics(input: {
  steps: number;
  seconds: number;
  firstLoss: number;
  finalLoss: number;
  finalAccuracy: number;
  validation: readonly ValidationPoint[];
  backend: string;
}): string[] {
  const first = input.validation[0];
  const last = input.validation[input.validation.length - 1];
  const lines = [
    '',
    `Trained ${input.steps} steps in ${input.seconds.toFixed(1)} s (${(input.steps / input.seconds).toFixed(2)} steps/s, tfjs backend: ${input.backend})`,
    '',
    'Final metrics',
    `  training/loss            ${input.firstLoss.toFixed(4)} → ${input.finalLoss.toFixed(4)}   (mean of the first / last 10 steps)`,
    `  training/accuracy        ${input.finalAccuracy.toFixed(4)}`,
  ];
  if (last) {
    const from = first && first !== last ? `${first.loss.toFixed(4)} → ` : '';
    lines.push(
      `  validation/loss          ${from}${last.loss.toFixed(4)}`,
      `  validation/perplexity    ${last.perplexity.toFixed(2)}`,
      `  validation/accuracy      ${last.accuracy.toFixed(4)}`,
      `  validation/length_ok     ${pct(last.length_ok_share)} of generated descriptions have 120–160 characters`,
      `  validation/keyword       ${pct(last.keyword_share)} contain their keyword`,
      `  validation/repetition    ${pct(last.repetition)} repeat a word pair`,
      `  validation/distinct_2    ${last.distinct_2.toFixed(2)} distinct word pairs / all word pairs`,
    );
  }
  return lines;
}

export function formatSamples(samples: readonly GeneratedSample[], limit = 3): string[] {
  const lines = ['', 'Generated meta descriptions (validation pages)'];
  for (const s of samples.slice(0, limit)) {
    const checks = `${s.generated.length} chars${isLengthOk(s.generated) ? ' ✓' : ''}, keyword ${containsKeyword(s.generated, s.keyword) ? '✓' : '✗'}`;
    lines.push(
      `  keyword:   ${s.keyword}`,
      `  title:     ${s.title}`,
      `  generated: ${s.generated}`,
      `             (${checks})`,
      '',
    );
  }
  return lines;
}

/** Exact commands for looking at what the run wrote. */
export function formatNextSteps(paths: ResultPaths): string[] {
  const lines = ['Look at the results'];
  // One local dashboard for both: the TensorBoard logdir and the W&B directory (the parent of the run's folder).
  const viewPaths = [
    paths.tensorboardLogDir,
    paths.wandbRunDir === undefined ? undefined : dirname(paths.wandbRunDir),
  ].filter((p): p is string => p !== undefined);
  if (viewPaths.length > 0) {
    lines.push(`  Dashboard:     npx trainscope view ${viewPaths.join(' ')}   (no Python, no account)`);
  }
  if (paths.tensorboardLogDir !== undefined) {
    lines.push(`  TensorBoard:   tensorboard --logdir ${paths.tensorboardLogDir}`);
    lines.push(
      `                 npx trainscope inspect ${paths.tensorboardRunDir ?? paths.tensorboardLogDir}`,
    );
  }
  if (paths.wandbRunDir !== undefined) {
    if (paths.wandbMode === 'offline') {
      lines.push(`  W&B (offline): wandb sync ${paths.wandbRunDir}`);
      lines.push(`                 or: npx trainscope sync ${paths.wandbRunDir}   (needs WANDB_API_KEY)`);
    } else {
      lines.push(`  W&B:           synced online; local copy in ${paths.wandbRunDir}`);
    }
  }
  if (paths.trace !== undefined)
    lines.push(`  Chrome trace:  ${paths.trace}  (open in https://ui.perfetto.dev or chrome://tracing)`);
  lines.push(`  Checkpoint:    ${paths.checkpoint}/model.json + weights.bin`);
  return lines;
}
