import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../../examples/seo-llm-trainer/progress-bar.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 120, write: (c: string) => chunks.push(c) };
}

describe('ProgressBar', () => {
  it('redraws one line in place on a terminal and ends it on done()', () => {
    const out = stream(true);
    const bar = new ProgressBar(out, 50);
    bar.update(1, { loss: 7.25, stepsPerSecond: 2.5 });
    bar.update(50, { loss: 1.5, stepsPerSecond: 3 });
    bar.done();
    expect(out.chunks[0]).toMatch(/^\rtrain \[.*\]\s+2% step 1\/50 {2}loss 7\.2500 {2}2\.50 steps\/s/);
    expect(out.chunks[1]).toContain('100% step 50/50  loss 1.5000  3.00 steps/s');
    expect(out.chunks.slice(0, 2).every((c) => !c.includes('\n'))).toBe(true);
    expect(out.chunks.at(-1)).toBe('\n');
  });

  it('prints a plain line every tenth of the run when not a terminal', () => {
    const out = stream(false);
    const bar = new ProgressBar(out, 100);
    for (let step = 1; step <= 100; step++) bar.update(step, { loss: 1, stepsPerSecond: 1 });
    bar.done();
    expect(out.chunks).toHaveLength(11);
    expect(out.chunks.every((c) => c.endsWith('\n') && !c.includes('\r'))).toBe(true);
    expect(out.chunks.at(-1)).toContain('step 100/100');
  });
});
