/**
 * Measures decoding settings on a trained checkpoint: the SEO checks over many validation pages, for greedy
 * decoding as is, with no-repeat bigrams, with the repetition penalty, and with both (the example's default).
 *   npx tsx examples/seo-llm-trainer/compare-decoding.ts runs/<run>/checkpoint [--pages 96] [--default-only]
 */
import { loadCorpus } from './corpus/corpus-file.js';
import { descriptionQuality } from './corpus/description-quality.js';
import { containsKeyword } from './corpus/record.js';
import { SeededRandom } from './corpus/seeded-random.js';
import { DirectoryCheckpointHandler, loadWeights } from './model/checkpoint.js';
import { LanguageModel } from './model/language-model.js';
import { selectTfBackend } from './model/tf-backend.js';
import { type TokenizerJson, WordPieceTokenizer } from './model/tokenizer.js';
import { DecoderTransformer, type TransformerConfig } from './model/transformer.js';
import { spread } from './run-training.js';

const VARIANTS = [
  { name: 'greedy', noRepeatNgram: 0, repetitionPenalty: 1 },
  { name: 'no-repeat bigrams', noRepeatNgram: 2, repetitionPenalty: 1 },
  { name: 'repetition penalty 2.5', noRepeatNgram: 0, repetitionPenalty: 2.5 },
  { name: 'both (default)', noRepeatNgram: 2, repetitionPenalty: 2.5 },
] as const;

async function loadModel(directory: string): Promise<LanguageModel> {
  const { tensors, metadata } = await loadWeights(new DirectoryCheckpointHandler(directory));
  const network = new DecoderTransformer(metadata.model as TransformerConfig);
  for (const [name, variable] of network.params) {
    const saved = tensors[name];
    if (!saved) throw new Error(`${directory}: checkpoint has no ${name}`);
    variable.assign(saved);
  }
  for (const t of Object.values(tensors)) t.dispose();
  return new LanguageModel(network, WordPieceTokenizer.fromJSON(metadata.tokenizer as TokenizerJson));
}

const args = process.argv.slice(2);
const directory = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--pages');
const pagesFlag = args.indexOf('--pages');
const count = pagesFlag >= 0 ? Number(args[pagesFlag + 1]) : 96;
if (!directory || !Number.isInteger(count) || count < 1) {
  console.error('usage: compare-decoding.ts <checkpoint directory> [--pages N] [--default-only]');
  process.exit(1);
}
await selectTfBackend();
const model = await loadModel(directory);
const pages = spread((await loadCorpus()).validation, count);
const pct = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(6);
console.log(`${pages.length} validation pages, greedy decoding (temperature 0)`);
console.log('decoding                  keyword  length_ok  repetition  distinct_2');
const variants = args.includes('--default-only') ? VARIANTS.slice(-1) : VARIANTS;
for (const variant of variants) {
  const generated = model.generate(pages, {
    maxTokens: model.network.config.seqLen,
    temperature: 0,
    rng: new SeededRandom(0),
    ...variant,
  });
  const samples = pages.map((p, i) => ({ keyword: p.keyword, generated: generated[i] ?? '' }));
  const q = descriptionQuality(samples);
  console.log(
    `${variant.name.padEnd(24)} ${pct(q.keyword_share)}   ${pct(q.length_ok_share)}      ${pct(q.repetition)}       ${q.distinct_2.toFixed(2)}`,
  );
  if (variant === VARIANTS[VARIANTS.length - 1]) {
    for (const s of samples.filter((x) => !containsKeyword(x.generated, x.keyword))) {
      console.log(`  keyword missed: "${s.keyword}" → ${s.generated}`);
    }
  }
}
