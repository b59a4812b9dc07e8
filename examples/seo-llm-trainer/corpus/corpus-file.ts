import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SeoRecord } from './record.js';

/** The committed data file. */
export const CORPUS_PATH = fileURLToPath(new URL('../data/seo-corpus.jsonl', import.meta.url));

export interface CorpusSplits {
  readonly train: readonly SeoRecord[];
  readonly validation: readonly SeoRecord[];
}

/** Reads a JSONL corpus; a malformed line is an error naming the file and line. */
export async function loadCorpus(path: string = CORPUS_PATH): Promise<CorpusSplits> {
  const text = await readFile(path, 'utf8');
  const train: SeoRecord[] = [];
  const validation: SeoRecord[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let record: SeoRecord;
    try {
      record = JSON.parse(line) as SeoRecord;
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not valid JSON (${(error as Error).message})`);
    }
    if (typeof record.keyword !== 'string' || typeof record.title !== 'string') {
      throw new Error(`${path}:${i + 1}: a record needs string "keyword", "title" and "description"`);
    }
    if (typeof record.description !== 'string') {
      throw new Error(`${path}:${i + 1}: a record needs string "keyword", "title" and "description"`);
    }
    (record.split === 'validation' ? validation : train).push(record);
  }
  if (train.length === 0 || validation.length === 0) {
    throw new Error(
      `${path}: needs records in both splits (train: ${train.length}, validation: ${validation.length})`,
    );
  }
  return { train, validation };
}
