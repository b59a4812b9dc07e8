import { MessageChannel } from 'node:worker_threads';
import { afterEach } from 'vitest';
import { MetricSummary } from '../../src/core/metric-summary.js';
import type { MetricKey } from '../../src/core/priority-filter.js';
import { RingQueue } from '../../src/core/writer/ring-queue.js';
import { SharedRing } from '../../src/core/writer/shared-ring.js';
import { recordingLogger } from './tensorboard.js';

/**
 * The training thread's end of a writer ring for tests: a `RingQueue` on a fresh `SharedRing`, its side channel, and
 * a `key(tag)` that makes metric keys the way the recorder does. Call at module level of a test file once per
 * `ringWriterEnds()`; each `create()` returns one end, and the channels are closed after each test.
 */
export function ringWriterEnds() {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const c of channels.splice(0)) {
      c.port1.close();
      c.port2.close();
    }
  });
  return {
    create(entries = 64) {
      const ring = SharedRing.create(entries);
      const channel = new MessageChannel();
      channels.push(channel);
      const summary = new MetricSummary();
      const queue = new RingQueue(ring, channel.port1, summary, recordingLogger());
      const key = (tag: string): MetricKey => ({
        key: tag,
        prefix: '',
        slot: summary.slot(tag),
        priority: 0,
        interval: 1,
        lastExplicitStep: -1,
      });
      return { ring, channel, summary, queue, key };
    },
  };
}
