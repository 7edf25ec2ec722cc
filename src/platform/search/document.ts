import { normalizeWithMap } from './normalize.ts';
import { segment } from './segment.ts';

/**
 * The indexed form of a searchable row. `search_text` is the normalised text (pg_trgm answers
 * substrings of ≥ 3 characters on it); `search_terms` is a tsvector literal built here, in the
 * application, so it needs no text-search configuration on either engine. It holds every
 * character unigram and bigram (exact substring semantics for 1–2-character queries: 100 % recall
 * against LIKE) plus the jieba words of ≥ 3 characters (ranking).
 */
export type SearchDocument = { search_text: string; search_terms: string };

/** Same normal form for documents and queries (character-level, so highlights map back exactly). */
export const normalizeForSearch = (text: string | null | undefined): string => (text ? normalizeWithMap(text).text : '');

const INDEXABLE = /^[\p{L}\p{N}]$/u;
export const isIndexableChar = (ch: string) => INDEXABLE.test(ch);

/** Marks a document whose tsvector was cut short: queries recheck such rows with LIKE. */
export const TRUNCATED_LEXEME = '~trunc';
// PostgreSQL caps a tsvector at 1 MB; a normal complaint needs a few KB. The cap keeps huge
// pasted documents cheap to index; their short-term matches fall back to a LIKE recheck.
const MAX_LEXEME_BYTES = 256_000;
const MAX_WORD_CHARS = 64;
const MAX_SEGMENTED_CHARS = 50_000;

/** Quotes one lexeme for tsvector / tsquery input syntax. */
export const quoteLexeme = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

class LexemeSet {
  readonly items = new Set<string>();
  bytes = 0;
  full = false;
  add(l: string) {
    if (this.full || this.items.has(l)) return;
    const b = Buffer.byteLength(l) + 8;
    if (this.bytes + b > MAX_LEXEME_BYTES) {
      this.full = true;
      return;
    }
    this.bytes += b;
    this.items.add(l);
  }
}

const addGrams = (text: string, into: LexemeSet) => {
  let prev = '';
  for (const ch of text) {
    if (into.full) return;
    if (!isIndexableChar(ch)) {
      prev = '';
      continue;
    }
    into.add(ch);
    if (prev) into.add(prev + ch);
    prev = ch;
  }
};

export const buildSearchDocument = (parts: ReadonlyArray<string | null | undefined>): SearchDocument => {
  const normalized = parts.map((p) => normalizeForSearch(p)).filter((p) => p.length > 0);
  // Parts are joined by a newline, which no query term can contain, so no hit spans two parts.
  const search_text = normalized.join('\n');
  const lexemes = new LexemeSet();
  for (const part of normalized) addGrams(part, lexemes);
  for (const part of normalized) {
    if (lexemes.full) break;
    for (const w of segment(part.length > MAX_SEGMENTED_CHARS ? part.slice(0, MAX_SEGMENTED_CHARS) : part)) {
      if (w.length < 3) continue;
      const chars = [...w];
      if (chars.length >= 3 && chars.length <= MAX_WORD_CHARS && chars.some(isIndexableChar)) lexemes.add(w);
    }
  }
  const quoted = [...lexemes.items].map(quoteLexeme);
  if (lexemes.full) quoted.push(quoteLexeme(TRUNCATED_LEXEME));
  return { search_text, search_terms: quoted.join(' ') };
};
