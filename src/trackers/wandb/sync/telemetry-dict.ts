/**
 * A protobuf message as W&B's `proto_encode_to_dict` writes it into config `_wandb` (`t`, `m`): field numbers as
 * keys, strings and numbers as values, a message of flags as the list of its true field numbers.
 */
export type ProtoDict = Record<string, string | number | number[]>;

/** Telemetry `feature.sync` (field 42): `wandb sync` marks the runs it uploads (seen in the fixture's sync upserts). */
const FEATURE_FIELD = '3';
const SYNC_FEATURE = 42;
/** Fields from 200 on are W&B's bookkeeping (`_info`), which `proto_encode_to_dict` skips. */
const FIRST_PRIVATE_FIELD = 200;

/**
 * Decodes an encoded `TelemetryRecord` without its schema (trainscope keeps it as bytes): a length-delimited
 * field that parses as flags only (varints equal to 1) is a flag message, any other is a UTF-8 string; varints
 * are numbers. That covers every field 0.15.12 writes (imports, features, env as flags; versions, platform).
 * @returns undefined when the bytes are not a protobuf message
 */
export function telemetryDict(bytes: Uint8Array): ProtoDict | undefined {
  const fields = readFields(bytes);
  if (fields === undefined) return undefined;
  const out: ProtoDict = {};
  for (const field of fields) {
    if (field.number >= FIRST_PRIVATE_FIELD) continue;
    const key = String(field.number);
    if (typeof field.value === 'number') out[key] = field.value;
    else {
      const flags = flagNumbers(field.value);
      if (flags === undefined) out[key] = Buffer.from(field.value).toString('utf8');
      else if (flags.length > 0) out[key] = flags;
    }
  }
  return out;
}

/** protobuf `MergeFrom` on two dicts: flag lists are joined (sorted), other values replaced. */
export function mergeTelemetry(into: ProtoDict, next: ProtoDict): ProtoDict {
  const out: ProtoDict = { ...into };
  for (const [key, value] of Object.entries(next)) {
    const old = out[key];
    out[key] =
      Array.isArray(old) && Array.isArray(value)
        ? [...new Set([...old, ...value])].sort((a, b) => a - b)
        : value;
  }
  return sortedByField(out);
}

/**
 * Config `_wandb` as `wandb sync` 0.15.12 sends it for a log (`sender.py` `_config_telemetry_update`): what the
 * log's config holds, plus from its telemetry `python_version` (4), `cli_version` (5), `huggingface_version`
 * (6), `is_jupyter_run`/`is_kaggle_kernel` (false), `start_time` and `t` (with `feature.sync`), and `m`.
 */
export function syncConfigWandb(
  logged: unknown,
  telemetry: ProtoDict | undefined,
  startTimeMs: number,
  m: readonly Record<string, unknown>[],
): Record<string, unknown> {
  const out: Record<string, unknown> =
    typeof logged === 'object' && logged !== null && !Array.isArray(logged) ? { ...logged } : {};
  if (telemetry !== undefined) {
    const t = mergeTelemetry(telemetry, { [FEATURE_FIELD]: [SYNC_FEATURE] });
    if (typeof t['4'] === 'string') out.python_version ??= t['4'];
    if (typeof t['5'] === 'string') out.cli_version ??= t['5'];
    if (typeof t['6'] === 'string') out.huggingface_version ??= t['6'];
    out.is_jupyter_run ??= false;
    out.is_kaggle_kernel ??= false;
    out.start_time ??= startTimeMs / 1000;
    out.t = t;
  }
  if (m.length > 0) out.m = m;
  return out;
}

type Field = { number: number; value: number | Uint8Array };

function readFields(bytes: Uint8Array): Field[] | undefined {
  const fields: Field[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = readVarint(bytes, at);
    if (tag === undefined) return undefined;
    at = tag.next;
    const number = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    if (number === 0) return undefined;
    if (wire === 0) {
      const v = readVarint(bytes, at);
      if (v === undefined) return undefined;
      fields.push({ number, value: v.value });
      at = v.next;
    } else if (wire === 2) {
      const length = readVarint(bytes, at);
      if (length === undefined || length.next + length.value > bytes.length) return undefined;
      fields.push({ number, value: bytes.subarray(length.next, length.next + length.value) });
      at = length.next + length.value;
    } else return undefined;
  }
  return fields;
}

/** The true field numbers of a flags-only message, or undefined when `bytes` is something else. */
function flagNumbers(bytes: Uint8Array): number[] | undefined {
  if (bytes.length === 0) return [];
  const fields = readFields(bytes);
  if (fields === undefined || fields.some((f) => f.value !== 1)) return undefined;
  return [...new Set(fields.map((f) => f.number))].sort((a, b) => a - b);
}

function readVarint(bytes: Uint8Array, from: number): { value: number; next: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let at = from; at < bytes.length && at < from + 10; at++) {
    const byte = bytes[at] as number;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return { value, next: at + 1 };
  }
  return undefined;
}

function sortedByField(dict: ProtoDict): ProtoDict {
  return Object.fromEntries(Object.entries(dict).sort(([a], [b]) => Number(a) - Number(b)));
}
