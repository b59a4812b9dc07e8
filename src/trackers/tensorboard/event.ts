import { type EventMessage, SessionLogStatus, type SummaryValueMessage } from './proto.js';

/**
 * The event layer: wraps summaries and session markers in `Event`s. Zero wall_time/step are left unset, as
 * proto3 serializers do, so the bytes match TensorBoard's and tensorboardX's.
 */

export const FILE_VERSION = 'brain.Event:2';

function base(step: number, wallTime: number): EventMessage {
  const event: EventMessage = {};
  if (wallTime !== 0) event.wallTime = wallTime;
  if (step !== 0) event.step = step;
  return event;
}

export function fileVersionEvent(wallTime: number): EventMessage {
  return { ...base(0, wallTime), fileVersion: FILE_VERSION, sourceMetadata: { writer: 'trainscope' } };
}

export function summaryEvent(step: number, wallTime: number, values: SummaryValueMessage[]): EventMessage {
  return { ...base(step, wallTime), summary: { value: values } };
}

/** `SessionLog.START` at `step`: TensorBoard drops every point at or after `step` logged before it. */
export function sessionStartEvent(step: number, wallTime: number): EventMessage {
  return { ...base(step, wallTime), sessionLog: { status: SessionLogStatus.START } };
}
