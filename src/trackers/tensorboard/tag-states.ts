import { sameKeys } from '../../core/same-keys.js';

/** What a tag holds in a TensorBoard run, decided by its first value. */
export type TagKind = 'scalar' | 'text' | 'histogram';

/** What the TensorBoard backend keeps per tag. */
export interface TagState {
  readonly tag: string;
  kind: TagKind | undefined;
  /** Precomputed bytes of the scalar fast path, made on the tag's second scalar. */
  block: Uint8Array | null;
  /** Whether this file already holds the tag's first value (the one that carries plugin metadata). */
  described: boolean;
  lastStep: number;
}

/**
 * The state of every tag of a TensorBoard run, by the key it was logged under: history keys and system-metric
 * keys apart (a system key is written as `system/<key>`), each tag sanitized once, when first seen.
 *
 * A history row with the previous row's keys (a training loop logs the same metrics every step) gets that row's
 * states back after a comparison per key, instead of a map lookup per key.
 */
export class TagStates {
  private readonly byHistoryKey = new Map<string, TagState>();
  private readonly bySystemKey = new Map<string, TagState>();
  private lastRowKeys: readonly string[] = [];
  private lastRowStates: readonly TagState[] = [];

  constructor(private readonly sanitize: (tag: string) => string) {}

  /** The state of each key of a row, made on first use. */
  ofRow(keys: readonly string[], system: boolean): readonly TagState[] {
    if (system) return this.lookUp(keys, this.bySystemKey, true);
    if (sameKeys(this.lastRowKeys, keys)) return this.lastRowStates;
    this.lastRowStates = this.lookUp(keys, this.byHistoryKey, false);
    this.lastRowKeys = keys.slice();
    return this.lastRowStates;
  }

  /** The TensorBoard tag a history key was written under, if it was. */
  historyTag(key: string): string | undefined {
    return this.byHistoryKey.get(key)?.tag;
  }

  /** Every history tag's state. */
  history(): IterableIterator<TagState> {
    return this.byHistoryKey.values();
  }

  private lookUp(keys: readonly string[], byKey: Map<string, TagState>, system: boolean): TagState[] {
    const states: TagState[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      let state = byKey.get(key);
      if (state === undefined) {
        const tag = this.sanitize(system ? systemTag(key) : key);
        state = { tag, kind: undefined, block: null, described: false, lastStep: Number.NEGATIVE_INFINITY };
        byKey.set(key, state);
      }
      states[i] = state;
    }
    return states;
  }
}

/**
 * A system metric's TensorBoard tag. W&B's keys write a disk's mount path with `\` for `/` (`disk.\.usagePercent`
 * for `/`), a character TensorBoard's tag rules reject: the path is written back with `/`, the root mount as
 * `system/disk/usagePercent`.
 */
function systemTag(key: string): string {
  return `system/${key.replaceAll('\\', '/').replaceAll('./.', '/')}`;
}
