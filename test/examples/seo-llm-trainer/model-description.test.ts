import { describe, expect, it } from 'vitest';
import { DecoderTransformer } from '../../../examples/seo-llm-trainer/model/transformer.js';
import { validateModelDescription } from '../../../src/core/model-description.js';

const BASE = { vocabSize: 50, seqLen: 12, dModel: 8, nHeads: 2, nLayers: 2, dFF: 16, seed: 1 };

describe('DecoderTransformer.modelDescription', () => {
  for (const [label, extra, layerCount] of [
    // tokens, token/position embeddings, 6 per block, ln_final, logits
    ['plain', {}, 3 + 2 * 6 + 2],
    // + length_buckets input, length_embedding, embedding_sum, pointer head
    ['with copy head and length signal', { pointer: true, lengthBuckets: 5 }, 3 + 3 + 2 * 6 + 2 + 1],
  ] as const) {
    it(`${label}: the layers' params add up to parameterCount and read only earlier layers`, () => {
      const network = new DecoderTransformer({ ...BASE, ...extra });
      try {
        const description = network.modelDescription();
        expect(description.layers).toHaveLength(layerCount);
        const total = description.layers.reduce((n, layer) => n + (layer.params ?? 0), 0);
        expect(total).toBe(network.parameterCount);
        expect(total).toBeGreaterThan(0);
        const seen = new Set<string>();
        for (const layer of description.layers) {
          for (const input of layer.inputs ?? [])
            expect(seen.has(input), `${layer.name} <- ${input}`).toBe(true);
          seen.add(layer.name);
        }
        // What run.logModel accepts (it warns and logs nothing otherwise).
        expect(() => validateModelDescription(description)).not.toThrow();
        const names = description.layers.map((layer) => layer.name);
        if ('pointer' in extra)
          expect(names).toEqual(expect.arrayContaining(['pointer', 'length_embedding']));
        else expect(names.some((n) => n === 'pointer' || n === 'length_embedding')).toBe(false);
      } finally {
        network.dispose();
      }
    });
  }
});
