export { WandbLogSink, type WandbLogSinkOptions, type WandbLogCounters } from './log-sink.js';
export { readWandbFile, decodeWandbLog, type WandbFileContents } from './read-wandb-file.js';
export { encodeWandbRecord, decodeWandbRecord } from './record-codec.js';
export { WandbLogWriter, type WandbLogWriterOptions } from './log-writer.js';
export { WandbLogReader, type WandbLogScan, type WandbLogEntry } from './log-reader.js';
export type {
  WandbRecord,
  WandbRecordType,
  WandbItem,
  WandbRunRecord,
  WandbHistoryRecord,
  WandbStatsRecord,
  WandbExitRecord,
  WandbTimestamp,
} from './wandb-record.js';
