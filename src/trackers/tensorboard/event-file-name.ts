import { hostname } from 'node:os';

let counter = 0;

/**
 * TensorBoard's own scheme: `events.out.tfevents.<secs %010d>.<host>.<pid>.<counter><suffix>`. Names sort by
 * creation time (TensorBoard reads a run's files in name order), and the pid and per-process counter keep two
 * writers from ever sharing a file, even within one second.
 */
export function eventFileName(suffix = '', now = Date.now(), host = hostname()): string {
  const seconds = String(Math.floor(now / 1000)).padStart(10, '0');
  const safeHost = host.replace(/[/\\\s]/g, '_') || 'localhost';
  return `events.out.tfevents.${seconds}.${safeHost}.${process.pid}.${counter++}${suffix}`;
}

/** True for files TensorBoard reads as event files. */
export function isEventFileName(name: string): boolean {
  return name.includes('tfevents') && !name.endsWith('.profile-empty');
}
