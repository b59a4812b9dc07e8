/**
 * A word-piece tokenizer for short marketing copy. A piece is a word or one punctuation mark, carrying its
 * leading space (` shoes`, `,`, ` |`), so decoding is plain concatenation and round-trips exactly. Pieces seen
 * often enough in training become tokens; any other ASCII text falls back to one token per character, and
 * characters outside printable ASCII become `<unk>`.
 */

export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
export const UNK = 3;
const SPECIALS = ['<pad>', '<bos>', '<eos>', '<unk>'];
const PIECE = / ?[A-Za-z0-9']+| ?[^A-Za-z0-9'\s]/g;

export interface TokenizerJson {
  readonly kind: 'word-piece';
  readonly vocabulary: readonly string[];
}

function characterPieces(): string[] {
  const pieces: string[] = [' '];
  for (let code = 33; code < 127; code++) {
    const ch = String.fromCharCode(code);
    pieces.push(ch, ` ${ch}`);
  }
  return pieces;
}

/** Collapses whitespace runs to one space, as the pieces assume (a leading space is kept: it is part of a piece). */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export class WordPieceTokenizer {
  private readonly ids = new Map<string, number>();

  private constructor(readonly vocabulary: readonly string[]) {
    for (const [id, piece] of vocabulary.entries()) this.ids.set(piece, id);
  }

  /** Builds the vocabulary from texts: every piece seen at least `minCount` times, most frequent first. */
  static fit(
    texts: Iterable<string>,
    options: { minCount?: number; maxPieces?: number } = {},
  ): WordPieceTokenizer {
    const minCount = options.minCount ?? 2;
    const maxPieces = options.maxPieces ?? 4000;
    const counts = new Map<string, number>();
    for (const text of texts) {
      for (const piece of normalizeText(text).match(PIECE) ?? [])
        counts.set(piece, (counts.get(piece) ?? 0) + 1);
    }
    const base = [...SPECIALS, ...characterPieces()];
    const known = new Set(base);
    const words = [...counts.entries()]
      .filter(([piece, n]) => n >= minCount && !known.has(piece))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxPieces)
      .map(([piece]) => piece);
    return new WordPieceTokenizer([...base, ...words]);
  }

  static fromJSON(json: TokenizerJson): WordPieceTokenizer {
    if (json.kind !== 'word-piece' || !Array.isArray(json.vocabulary)) {
      throw new Error('tokenizer: expected {kind: "word-piece", vocabulary: string[]}');
    }
    return new WordPieceTokenizer(json.vocabulary);
  }

  toJSON(): TokenizerJson {
    return { kind: 'word-piece', vocabulary: this.vocabulary };
  }

  get size(): number {
    return this.vocabulary.length;
  }

  encode(text: string): number[] {
    const out: number[] = [];
    for (const piece of normalizeText(text).match(PIECE) ?? []) {
      const id = this.ids.get(piece);
      if (id !== undefined) {
        out.push(id);
        continue;
      }
      for (let i = 0; i < piece.length; i++) {
        const ch = i === 0 && piece[0] === ' ' ? piece.slice(0, 2) : (piece[i] as string);
        if (i === 0 && piece[0] === ' ') i++;
        out.push(this.ids.get(ch) ?? UNK);
      }
    }
    return out;
  }

  /** Characters the token adds to decoded text (0 for the special tokens). */
  pieceLength(id: number): number {
    return id < SPECIALS.length ? 0 : (this.vocabulary[id]?.length ?? 0);
  }

  /** Concatenates pieces, stopping at the first `<eos>` and skipping the other special tokens. */
  decode(ids: Iterable<number>): string {
    let text = '';
    for (const id of ids) {
      if (id === EOS) break;
      if (id < SPECIALS.length) continue;
      text += this.vocabulary[id] ?? '';
    }
    return text;
  }
}
