export { createTensorBoardBackend, TensorBoardBackend, tensorBoardRunDir } from './tensorboard-backend.js';
export {
  EventFileWriter,
  type EventFileWriterOptions,
  type EventFileWriterStats,
} from './event-file-writer.js';
export { crc32c, maskCrc, maskedCrc32c } from './crc32c.js';
export { frameRecord, scanRecords, type RecordProblem, type RecordScan } from './record.js';
export { isEventFileName } from './event-file-name.js';
export { sanitizeTag } from './tag-sanitizer.js';
export {
  inspectLogDir,
  type InspectEventFile,
  type InspectPoint,
  type InspectResult,
  type InspectRun,
  type InspectTag,
} from './inspect-log-dir.js';
export {
  readEventFile,
  type DecodedEventFile,
  type EventFileProblem,
  type EventFileStatus,
} from './event-file-reader.js';
export type { HistogramBuckets, ImagePointValue, TagPointValue } from './tag-point-value.js';
export { nullTensor } from './summary.js';
export {
  isKerasModelPluginContent,
  KERAS_MODEL_PLUGIN,
  KERAS_MODEL_TAG,
  type KerasModelGraphInfo,
  kerasModelGraphInfo,
  kerasModelSummaryValue,
} from './keras-model-graph.js';
export { MODEL_SUMMARY_TAG, modelSummaryMarkdown } from './model-summary-text.js';
export { dashboardOf, type ReadingProblem, RunReadingCheck } from './run-reading-check.js';
export { type DataClassName, migrateDataClass, migrateLegacyValue } from './data-class-migration.js';
