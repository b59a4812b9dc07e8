import type { Logger } from '../../src/core/backend.js';

/** A Logger that keeps every line, for assertions. */
export class MemoryLogger implements Logger {
  readonly lines: { level: string; message: string }[] = [];
  private readonly seen = new Set<string>();
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  warnOnce(key: string, message: string): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.warn(message);
  }
  messages(level: string): string[] {
    return this.lines.filter((l) => l.level === level).map((l) => l.message);
  }
}
