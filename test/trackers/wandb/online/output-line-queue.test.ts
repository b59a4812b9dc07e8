import { describe, expect, it } from 'vitest';
import { OutputLineQueue } from '../../../../src/trackers/wandb/online/output-line-queue.js';

function queue(...lines: string[]): OutputLineQueue {
  const q = new OutputLineQueue(10);
  for (const line of lines) {
    q.lines.push(line);
    q.chars += line.length;
  }
  return q;
}

describe('OutputLineQueue (output.log lines rewritten at their offset)', () => {
  it('replaces a line not yet acknowledged in place', () => {
    const q = queue('a\n', 'b\n');
    q.rewrite(11, 'bb\n');
    expect([q.offset, q.lines, q.chars]).toEqual([10, ['a\n', 'bb\n'], 5]);
  });

  it('queues an acknowledged line again at its offset, with the lines after it', () => {
    const q = queue('a\n', 'b\n', 'c\n');
    q.ack(3);
    q.lines.push('d\n');
    q.chars += 2;
    q.rewrite(11, 'B\n');
    expect([q.offset, q.lines, q.chars]).toEqual([11, ['B\n', 'c\n', 'd\n'], 6]);
    q.ack(3);
    expect(q.offset).toBe(14);
  });

  it('ignores an offset older than the kept lines or not sent yet', () => {
    const q = queue('a\n');
    q.ack(1);
    q.rewrite(5, 'x\n');
    q.rewrite(11, 'y\n');
    expect([q.offset, q.lines, q.chars]).toEqual([11, [], 0]);
  });
});
