import { LineQueue } from './line-queue.js';

/** Acknowledged `output.log` lines kept for a rewrite (a partial console line is rewritten within seconds). */
const KEPT_LINES = 1_000;

/**
 * The `output.log` line queue: a `LineQueue` that also keeps the last acknowledged lines, so that a line already
 * sent can be rewritten at its own offset (a partial console line that grew or completed, as the official
 * client's terminal emulator resends it). Rewriting an acknowledged line queues it again with the lines after it
 * (which W&B then stores again, unchanged): one request still names one consecutive run of offsets.
 */
export class OutputLineQueue extends LineQueue {
  private kept: string[] = [];
  /** The first offset rewritten while the request in flight carried its old text or stood at the queue's front. */
  private resendFrom: number | undefined;

  override ack(n: number): void {
    for (let i = 0; i < n; i++) this.kept.push(this.lines[i] as string);
    if (this.kept.length > KEPT_LINES) this.kept.splice(0, this.kept.length - KEPT_LINES);
    super.ack(n);
    const from = this.resendFrom;
    this.resendFrom = undefined;
    if (from !== undefined && from < this.offset) this.requeue(from);
  }

  /**
   * Replaces the line at `offset`; one acknowledged longer ago than the kept lines is left as it is. While a
   * request is in flight, a line it carries is replaced for the next one and sent again once it is acknowledged,
   * and an acknowledged line is queued again only then: the request's acknowledgement removes as many lines from
   * the front as it carried, so the front must not change under it (the rewrite was lost either way).
   */
  rewrite(offset: number, line: string): void {
    const index = offset - this.offset;
    if (index >= this.lines.length) return;
    if (index >= 0) {
      this.chars += line.length - (this.lines[index] as string).length;
      this.lines[index] = line;
      if (index < this.sending) this.resendAfterAck(offset);
      return;
    }
    const from = this.kept.length + index;
    if (from < 0) return;
    this.kept[from] = line;
    if (this.sending > 0) this.resendAfterAck(offset);
    else this.requeue(offset);
  }

  private resendAfterAck(offset: number): void {
    this.resendFrom = Math.min(this.resendFrom ?? offset, offset);
  }

  /** Queues the kept lines from `offset` (acknowledged) again, before the unacknowledged ones. */
  private requeue(offset: number): void {
    const from = this.kept.length - (this.offset - offset);
    if (from < 0) return;
    const again = this.kept.splice(from);
    for (const l of again) this.chars += l.length;
    this.lines = [...again, ...this.lines];
    this.offset = offset;
  }
}
