/**
 * Process-wide registry of profiled operations. Decorators register their operation once, when the class is
 * defined (before any run exists), and record spans by numeric id so the hot path never hashes a string.
 */

export interface Operation {
  readonly id: number;
  readonly name: string;
  readonly category: string;
}

const operations: Operation[] = [];
const byKey = new Map<string, number>();

/** Returns the id of `name` in `category`, registering it on first use. */
export function registerOperation(name: string, category = 'default'): number {
  const key = `${category}\u0000${name}`;
  const existing = byKey.get(key);
  if (existing !== undefined) return existing;
  const id = operations.length;
  operations.push({ id, name, category });
  byKey.set(key, id);
  return id;
}

export function operationById(id: number): Operation | undefined {
  return operations[id];
}

export function operationCount(): number {
  return operations.length;
}
