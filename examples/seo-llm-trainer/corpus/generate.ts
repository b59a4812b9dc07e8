/**
 * Recreates the committed corpus byte for byte:
 *   npx tsx examples/seo-llm-trainer/corpus/generate.ts [--check]
 * `--check` compares instead of writing and exits 1 when the committed file differs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { CORPUS_PATH } from './corpus-file.js';
import { generateCorpus, toJsonLines } from './generator.js';

const text = toJsonLines(generateCorpus());
if (process.argv.includes('--check')) {
  const committed = await readFile(CORPUS_PATH, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error(`${CORPUS_PATH} differs from the generator's output; run without --check to rewrite it`);
    process.exit(1);
  }
  console.log(`${CORPUS_PATH} is up to date`);
} else {
  await writeFile(CORPUS_PATH, text);
  console.log(`wrote ${text.split('\n').length - 1} records (${text.length} bytes) to ${CORPUS_PATH}`);
}
