/**
 * The `config` variable of `UpsertBucket`: a JSON string of `{"<key>": {"desc": null, "value": <value>}}`, nested
 * objects whole under their top-level key. Non-finite numbers become `null`, as the Python client writes them in
 * config. Values JSON cannot hold (cycles, bigints) are replaced by their string form so one bad key does not lose
 * the rest.
 */
export function configWireJson(config: Readonly<Record<string, unknown>>): string {
  const wrapped: Record<string, { desc: null; value: unknown }> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    wrapped[key] = { desc: null, value: jsonSafe(value) };
  }
  return JSON.stringify(wrapped);
}

function jsonSafe(value: unknown): unknown {
  try {
    JSON.stringify(value);
    return value;
  } catch {
    return String(value);
  }
}
