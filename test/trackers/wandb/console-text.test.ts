import { describe, expect, it } from 'vitest';
import { visibleConsole, visibleText } from '../../../src/trackers/wandb/console-text.js';

describe("console text as W&B's Logs tab shows it", () => {
  it('a line redrawn with \\r shows its last state; a trailing \\r only returns the cursor', () => {
    expect(visibleText('epoch 1 [#   ]\repoch 1 [####]')).toBe('epoch 1 [####]');
    expect(visibleText('done\r')).toBe('done');
    expect(visibleText('a\tb\x07\x1b[2K\x1b[31mred\x1b[0m')).toBe('a\tb\x1b[31mred\x1b[0m');
  });

  it('applies the rule line by line to raw output', () => {
    expect(visibleConsole('loading\nepoch 1 [#   ]\repoch 1 [####]\ndone\n')).toBe(
      'loading\nepoch 1 [####]\ndone\n',
    );
  });
});
