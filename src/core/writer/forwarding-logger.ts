import type { Logger } from '../backend.js';
import type { WriterReply } from './writer-protocol.js';

/**
 * The writer thread's logger: every line goes to the training thread's run logger (its level, its secret
 * scrubbing, its output), in order with the replies. `warnOnce` keys are deduplicated here.
 */
export class ForwardingLogger implements Logger {
  private readonly warned = new Set<string>();

  constructor(private readonly post: (message: WriterReply) => void) {}

  debug(message: string): void {
    this.post({ kind: 'log', level: 'debug', message });
  }

  info(message: string): void {
    this.post({ kind: 'log', level: 'info', message });
  }

  warn(message: string): void {
    this.post({ kind: 'log', level: 'warn', message });
  }

  error(message: string): void {
    this.post({ kind: 'log', level: 'error', message });
  }

  warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(message);
  }
}
