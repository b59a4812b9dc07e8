import { z } from 'zod';

/**
 * The trainer's hyper-parameters: the `config` section of `trainscope.config.json`. The whole section is also
 * the run's tracked config (TensorBoard hparams, W&B config), so it carries the seed's fields as they are named
 * there (`learning_rate`, `batch_size`, …).
 */
export const TrainerConfigSchema = z.object({
  model_name: z.string().min(1).default('seo-gpt-mini'),
  learning_rate: z.number().positive('must be positive').default(3e-3),
  batch_size: z.number().int().min(1).default(16),
  /** Passes over the training split; training stops after `steps` when that comes first (0 = epochs only). */
  epochs: z.number().int().min(1).default(1),
  steps: z.number().int().min(0).default(250),
  optimizer: z
    .literal('adamw', { message: "must be 'adamw' (the only optimizer this example implements)" })
    .default('adamw'),
  scheduler: z
    .literal('warmup_cosine', {
      message: "must be 'warmup_cosine' (the only schedule this example implements)",
    })
    .default('warmup_cosine'),
  warmup_steps: z.number().int().min(0).default(20),
  /** Where the cosine ends, as a fraction of `learning_rate`. */
  min_lr_ratio: z.number().min(0).max(1).default(0.1),
  weight_decay: z.number().min(0).default(0.01),
  adam_beta1: z.number().min(0).lt(1).default(0.9),
  adam_beta2: z.number().min(0).lt(1).default(0.99),
  /** Global gradient-norm clip (0 = off). */
  gradient_clip_norm: z.number().min(0).default(1),
  gradient_accumulation_steps: z.number().int().min(1).default(1),
  /** float16 compute needs a GPU backend; on CPU/wasm the run warns and trains in float32. */
  mixed_precision: z.boolean().default(false),
  /** Seed's flag: trainscope's profiler on/off (mirrors `profiling.enabled`; the profiling section wins). */
  profiling: z.boolean().default(true),
  seq_len: z.number().int().min(8).default(64),
  d_model: z.number().int().min(8).default(64),
  n_heads: z.number().int().min(1).default(4),
  n_layers: z.number().int().min(1).max(8).default(2),
  d_ff: z.number().int().min(8).default(256),
  /** Embed how many description characters are written (length buckets), so the model learns where to stop. */
  length_signal: z.boolean().default(true),
  /** Pointer-generator copy head: the model can copy prompt tokens (the keyword) into the description. */
  pointer: z.boolean().default(true),
  /** Tokens seen at least this often in the training split become one token; others are spelled out. */
  vocab_min_count: z.number().int().min(1).default(2),
  /** Use only the first N training records (0 = all); for quick runs and tests. */
  max_train_records: z.number().int().min(0).default(0),
  eval_every: z.number().int().min(1).default(50),
  /** Validation batches per evaluation (of `batch_size` records). */
  eval_batches: z.number().int().min(1).default(4),
  /** Descriptions generated per evaluation for the SEO checks (and the samples table). */
  eval_samples: z.number().int().min(1).default(8),
  /** Sampling temperature for generated descriptions (0 = greedy). */
  temperature: z.number().min(0).default(0),
  /** Decoding never repeats a token n-gram of this size within a description (0 = off). */
  no_repeat_ngram: z.number().int().min(0).default(2),
  /** Decoding multiplies the log-probability of tokens already written by this (1 = off). */
  repetition_penalty: z.number().min(1).default(2.5),
  histogram_every: z.number().int().min(0).default(50),
  checkpoint_every: z.number().int().min(0).default(0),
  seed: z.number().int().min(0).default(42),
  /** tfjs backend: `auto` = tfjs-node-gpu, tfjs-node, wasm, cpu, the first that loads. */
  backend: z.enum(['auto', 'wasm', 'cpu']).default('auto'),
  /** Path of the corpus (JSONL); default the committed one. */
  data_path: z.string().min(1).optional(),
});

export type TrainerConfig = z.output<typeof TrainerConfigSchema>;

/** Validates the run's `config` section; the error names each bad field (`config.batch_size: …`). */
export function parseTrainerConfig(config: Readonly<Record<string, unknown>>): TrainerConfig {
  const result = TrainerConfigSchema.safeParse(config);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - config.${i.path.map(String).join('.')}: ${i.message}`);
  throw new Error(`invalid trainer config:\n${lines.join('\n')}`);
}
