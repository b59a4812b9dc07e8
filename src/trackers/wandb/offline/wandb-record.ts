/**
 * `wandb_internal.Record` as plain objects: protobuf field names (snake_case, as W&B's reader prints them),
 * int64 as number, enums by name, absent fields left out. `type` names the member of the `record_type` oneof.
 */

export interface WandbTimestamp {
  seconds: number;
  nanos?: number;
}

export interface WandbRecordInfo {
  stream_id?: string;
}

export interface WandbControl {
  req_resp?: boolean;
  local?: boolean;
  relay_id?: string;
  mailbox_slot?: string;
  always_send?: boolean;
}

/** A config, summary or history item: `value_json` is W&B JSON text (NaN/Infinity as bare tokens). */
export interface WandbItem {
  key?: string;
  nested_key?: string[];
  value_json?: string;
}

export interface WandbConfigRecord {
  update?: WandbItem[];
  remove?: WandbItem[];
  _info?: WandbRecordInfo;
}

export type WandbSummaryRecord = WandbConfigRecord;

export interface WandbHistoryRecord {
  item?: WandbItem[];
  step?: { num?: number };
  _info?: WandbRecordInfo;
}

export interface WandbStatsRecord {
  stats_type?: 'SYSTEM';
  timestamp?: WandbTimestamp;
  /** Keys without the `system.` prefix (`cpu`, `gpu.0.memory`). */
  item?: { key?: string; value_json?: string }[];
  _info?: WandbRecordInfo;
}

export interface WandbOutputRecord {
  output_type?: 'STDERR' | 'STDOUT';
  timestamp?: WandbTimestamp;
  line?: string;
  _info?: WandbRecordInfo;
}

export interface WandbFilesRecord {
  files?: { path?: string; policy?: 'NOW' | 'END' | 'LIVE'; external_path?: string }[];
  _info?: WandbRecordInfo;
}

export interface WandbRunRecord {
  run_id?: string;
  entity?: string;
  project?: string;
  config?: WandbConfigRecord;
  summary?: WandbSummaryRecord;
  run_group?: string;
  job_type?: string;
  display_name?: string;
  notes?: string;
  tags?: string[];
  sweep_id?: string;
  host?: string;
  starting_step?: number;
  storage_id?: string;
  start_time?: WandbTimestamp;
  resumed?: boolean;
  /** The encoded `TelemetryRecord` (not decoded by trainscope). */
  telemetry?: Uint8Array;
  runtime?: number;
  git?: { remote_url?: string; commit?: string };
  _info?: WandbRecordInfo;
}

export interface WandbExitRecord {
  exit_code?: number;
  /** Seconds. */
  runtime?: number;
  _info?: WandbRecordInfo;
}

export interface WandbMarkerRecord {
  _info?: WandbRecordInfo;
}

export type WandbRecordType =
  | 'history'
  | 'summary'
  | 'output'
  | 'config'
  | 'files'
  | 'stats'
  | 'artifact'
  | 'telemetry'
  | 'metric'
  | 'output_raw'
  | 'run'
  | 'exit'
  | 'final'
  | 'header'
  | 'footer'
  | 'preempting'
  /** A record kind outside trainscope's schema subset (its body is skipped). */
  | 'unknown';

export interface WandbRecord {
  type: WandbRecordType;
  /** 1-based sequence number (0 when absent). */
  num?: number;
  history?: WandbHistoryRecord;
  summary?: WandbSummaryRecord;
  output?: WandbOutputRecord;
  config?: WandbConfigRecord;
  files?: WandbFilesRecord;
  stats?: WandbStatsRecord;
  /** Encoded `ArtifactRecord` (not decoded). */
  artifact?: Uint8Array;
  /** Encoded `TelemetryRecord` (not decoded). */
  telemetry?: Uint8Array;
  /** Encoded `MetricRecord` (not decoded). */
  metric?: Uint8Array;
  output_raw?: WandbOutputRecord;
  run?: WandbRunRecord;
  exit?: WandbExitRecord;
  final?: WandbMarkerRecord;
  header?: WandbMarkerRecord;
  footer?: WandbMarkerRecord;
  preempting?: WandbMarkerRecord;
  control?: WandbControl;
  uuid?: string;
  _info?: WandbRecordInfo;
}
