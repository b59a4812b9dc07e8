import { describe, expect, it } from 'vitest';
import { summaryEvent } from '../../../src/trackers/tensorboard/event.js';
import { encodeEvent } from '../../../src/trackers/tensorboard/proto.js';
import {
  encodeScalarsEvent,
  isFastStep,
  maxScalarsEventLength,
  scalarValueBlock,
} from '../../../src/trackers/tensorboard/scalar-event-encoder.js';
import { hex } from '../../helpers/tensorboard.js';

/** The fast path's event for the scalars `values[i]` of `tags[i]`. */
function fastMany(
  tags: readonly string[],
  step: number,
  wallTime: number,
  values: readonly number[],
): string {
  const blocks = tags.map(scalarValueBlock);
  const blocksLength = blocks.reduce((sum, block) => sum + block.length, 0);
  const max = maxScalarsEventLength(blocksLength, blocks.length);
  const target = new Uint8Array(max + 7);
  const length = encodeScalarsEvent(target, 3, blocks, values, blocks.length, blocksLength, step, wallTime);
  expect(length).toBeLessThanOrEqual(max);
  return hex(target.subarray(3, 3 + length));
}

function slowMany(
  tags: readonly string[],
  step: number,
  wallTime: number,
  values: readonly number[],
): string {
  const summaryValues = tags.map((tag, i) => ({ tag, simpleValue: values[i] as number }));
  return hex(encodeEvent(summaryEvent(step, wallTime, summaryValues)));
}

function fast(tag: string, step: number, wallTime: number, value: number): string {
  return fastMany([tag], step, wallTime, [value]);
}

function slow(tag: string, step: number, wallTime: number, value: number): string {
  return slowMany([tag], step, wallTime, [value]);
}

describe('scalar fast path', () => {
  const tags = [
    'loss',
    'training/loss',
    'performance/gpu_memory_allocated_mb',
    'système/ünïcode/日本語',
    'x'.repeat(127),
    'y'.repeat(128),
    `long/${'z'.repeat(300)}`,
  ];
  const steps = [0, 1, 127, 128, 16_383, 16_384, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER];
  const wallTimes = [0, 1767225600, 1767225600.123456, 1796000221.3425722];
  const values = [
    0,
    -0,
    1,
    0.5,
    1 / 3,
    -2.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e-45,
    3.4e38,
    1e39,
    -1e-40,
  ];

  it('is byte-identical to protobufjs for every tag, step, wall time and value tried', () => {
    let compared = 0;
    for (const tag of tags) {
      for (const step of steps) {
        for (const wallTime of wallTimes) {
          for (const value of values) {
            expect(fast(tag, step, wallTime, value), `${tag} ${step} ${wallTime} ${value}`).toBe(
              slow(tag, step, wallTime, value),
            );
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(tags.length * steps.length * wallTimes.length * values.length);
  });

  it('is byte-identical for pseudo-random values and steps', () => {
    let seed = 42;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2000; i++) {
      const step = Math.floor(next() * 2 ** (next() * 50));
      const value = (next() - 0.5) * 10 ** Math.floor(next() * 80 - 40);
      const wallTime = 1.7e9 + next() * 1e8;
      expect(fast('metric/00', step, wallTime, value)).toBe(slow('metric/00', step, wallTime, value));
    }
  });

  it('writes a 28-byte event for `loss` at a 3-byte step (44 bytes framed, as tensorboardX)', () => {
    // wall_time 9 + step 4 + summary 15, as the reference's benchmark records.
    expect(fast('loss', 100_000, 1767225600.5, 0.25).length / 2).toBe(28);
  });

  it('writes several scalars as one event byte-identical to protobufjs, whatever the summary length', () => {
    const wallTime = 1796000221.3425722;
    for (const count of [2, 3, 8, 40, 300]) {
      const many = Array.from({ length: count }, (_, i) => tags[i % tags.length] as string);
      const values = many.map((_, i) => (i % 2 === 0 ? 1 / (i + 3) : -i * 1e5));
      for (const step of [0, 1, 300_000, Number.MAX_SAFE_INTEGER]) {
        expect(fastMany(many, step, wallTime, values), `${count} values at step ${step}`).toBe(
          slowMany(many, step, wallTime, values),
        );
      }
    }
  });

  it('uses only the first `count` blocks and values', () => {
    const blocks = ['a', 'b', 'c'].map(scalarValueBlock);
    const target = new Uint8Array(64);
    const firstTwo = (blocks[0]?.length ?? 0) + (blocks[1]?.length ?? 0);
    const length = encodeScalarsEvent(target, 0, blocks, [1, 2, 3], 2, firstTwo, 7, 0);
    expect(hex(target.subarray(0, length))).toBe(slowMany(['a', 'b'], 7, 0, [1, 2]));
  });

  it('sends negative and fractional steps to the protobufjs path', () => {
    expect(isFastStep(-1)).toBe(false);
    expect(isFastStep(1.5)).toBe(false);
    expect(isFastStep(2 ** 53)).toBe(false);
    expect(isFastStep(0)).toBe(true);
  });
});
