/** `trainscope/tensorboard`: the TensorBoard backend, its event-file writer and the reader behind `inspect`. */
export { TensorBoardBackend, createTensorBoardBackend } from '../trackers/tensorboard/tensorboard-backend.js';
export {
  EventFileWriter,
  type EventFileWriterOptions,
  type EventFileWriterStats,
} from '../trackers/tensorboard/event-file-writer.js';
export {
  inspectLogDir,
  type InspectEventFile,
  type InspectPoint,
  type InspectResult,
  type InspectRun,
  type InspectTag,
} from '../trackers/tensorboard/inspect-log-dir.js';
export {
  readEventFile,
  type DecodedEventFile,
  type EventFileProblem,
  type EventFileStatus,
} from '../trackers/tensorboard/event-file-reader.js';
export type { ReadingProblem } from '../trackers/tensorboard/run-reading-check.js';
export type {
  HistogramBuckets,
  ImagePointValue,
  TagPointValue,
} from '../trackers/tensorboard/tag-point-value.js';
