export interface WarmupCosineSchedule {
  readonly baseLearningRate: number;
  readonly warmupSteps: number;
  readonly totalSteps: number;
  /** Floor the cosine decays to, as a fraction of the base rate. */
  readonly minRatio: number;
}

/** Linear warmup from 0 to the base rate, then cosine decay to `minRatio × base` at `totalSteps`. */
export function learningRateAt(step: number, s: WarmupCosineSchedule): number {
  if (s.warmupSteps > 0 && step < s.warmupSteps) return (s.baseLearningRate * (step + 1)) / s.warmupSteps;
  const decaySteps = Math.max(1, s.totalSteps - s.warmupSteps);
  const progress = Math.min(1, Math.max(0, (step - s.warmupSteps) / decaySteps));
  const cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
  return s.baseLearningRate * (s.minRatio + (1 - s.minRatio) * cosine);
}
