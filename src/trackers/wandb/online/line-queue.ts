/**
 * The lines of one streamed file that the server has not acknowledged yet: `offset` is the file offset of the
 * first one. Acknowledged lines leave from the front, and the offset moves past them.
 */
export class LineQueue {
  lines: string[] = [];
  chars = 0;
  /** Leading lines in the request in flight (their text as it was then is in its body) until `ack`. */
  sending = 0;
  constructor(public offset: number) {}

  /** How many leading lines fit in `budget` characters (at least one). */
  countWithin(budget: number): number {
    let used = 0;
    let n = 0;
    for (const line of this.lines) {
      if (n > 0 && used + line.length > budget) break;
      used += line.length + 4;
      n++;
    }
    return n;
  }

  /** The leading lines that fit in `budget` characters (at least one), in flight from now until `ack`. */
  take(budget: number): string[] {
    this.sending = this.countWithin(budget);
    return this.lines.slice(0, this.sending);
  }

  ack(n: number): void {
    this.sending = 0;
    for (let i = 0; i < n; i++) this.chars -= (this.lines[i] as string).length;
    this.lines.splice(0, n);
    this.offset += n;
  }
}
