import { OperationStats } from './operation-stats.js';
import { operationById } from './operations.js';

/** Statistics of every operation seen in this run, indexed by operation id (dense, from `registerOperation`). */
export class OperationStatsTable {
  private readonly byId: (OperationStats | undefined)[] = [];

  /** The statistics of `operation`, created on its first span; undefined for an unregistered id. */
  get(operation: number): OperationStats | undefined {
    const existing = this.byId[operation];
    if (existing !== undefined) return existing;
    const op = operationById(operation);
    if (op === undefined) return undefined;
    const stats = new OperationStats(op);
    this.byId[operation] = stats;
    return stats;
  }

  record(operation: number, durationNs: number, heapDelta: number, failed: boolean): void {
    this.get(operation)?.record(durationNs, heapDelta, failed);
  }

  /** Every operation with at least one span, by id. */
  all(): OperationStats[] {
    const out: OperationStats[] = [];
    for (const stats of this.byId) if (stats !== undefined && stats.count > 0) out.push(stats);
    return out;
  }
}
