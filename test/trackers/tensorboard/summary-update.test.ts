import { describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { tempDir } from '../../helpers/tensorboard.js';

describe('TensorBoard: run.summary.update()', () => {
  it('a new number is one scalar at the last step (an hparams final metric); other values are summary/ texts', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const run = await init({
        project: 'tb-summary',
        name: 'r',
        wandb: false,
        handleExit: false,
        logLevel: 'silent',
        profiling: { enabled: false },
        tensorboard: { logDir: dir },
      });
      for (let i = 0; i < 5; i++) run.log({ loss: 1 / (i + 1) });
      run.summary.update({ best_accuracy: 0.9, loss: 0.1, status: 'done' });
      await run.finish();
      const tags = Object.values(inspectLogDir(dir).runs)[0]?.tags ?? {};
      expect(tags.best_accuracy?.points.map((p) => [p.step, Math.fround(0.9) === p.value])).toEqual([
        [4, true],
      ]);
      expect(tags.loss?.count).toBe(5);
      expect(tags['summary/loss']?.last).toBe('0.1');
      expect(tags['summary/status']?.last).toBe('"done"');
      const experiment = JSON.stringify(tags['_hparams_/experiment']?.pluginContent ?? {});
      expect(experiment).toContain('best_accuracy');
    } finally {
      cleanup();
    }
  });
});
