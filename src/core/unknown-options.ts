import { DistributedOptionsSchema } from './distributed-options.js';
import {
  LoggingOptionsSchema,
  ProfilingOptionsSchema,
  TensorBoardOptionsSchema,
  TrainscopeOptionsSchema,
  WandbOptionsSchema,
} from './options.js';

const TOP_LEVEL = new Set(Object.keys(TrainscopeOptionsSchema.shape));
const SECTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  logging: new Set(Object.keys(LoggingOptionsSchema.shape)),
  profiling: new Set(Object.keys(ProfilingOptionsSchema.shape)),
  tensorboard: new Set(Object.keys(TensorBoardOptionsSchema.shape)),
  wandb: new Set(Object.keys(WandbOptionsSchema.shape)),
  distributed: new Set(Object.keys(DistributedOptionsSchema.shape)),
};

/**
 * Option names the schema does not know (`loging`, `wandb.projct`): validation strips them silently, so the
 * caller warns about them. `config` is free-form and not checked.
 */
export function unknownOptionKeys(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!TOP_LEVEL.has(key)) {
      unknown.push(key);
      continue;
    }
    const section = SECTIONS[key];
    if (section === undefined || typeof value !== 'object' || value === null) continue;
    for (const inner of Object.keys(value)) {
      if (!section.has(inner)) unknown.push(`${key}.${inner}`);
    }
  }
  return unknown;
}

export function unknownOptionsWarning(keys: readonly string[], where: string): string {
  return `unknown option${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} in ${where} ignored (check the spelling)`;
}
