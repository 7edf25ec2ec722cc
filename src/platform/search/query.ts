import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { isIndexableChar, normalizeForSearch, quoteLexeme, TRUNCATED_LEXEME } from './document.ts';
import { segment } from './segment.ts';

/**
 * Query side of the hybrid search. A query is normalised like the documents and split on spaces;
 * every term must occur (AND), each as a contiguous substring (phrase semantics: 征信异议 never
 * matches 征信…异议). Terms of ≥ 3 characters use LIKE on `search_text` (pg_trgm GIN index);
 * 1–2-character terms look up their unigram/bigram lexeme in `search_terms` (GIN on tsvector).
 */
export type ParsedTerm = { term: string; kind: 'trigram' | 'gram' | 'scan' };

const MAX_TERMS = 8;
const MAX_TERM_CHARS = 200;

export const parseSearchQuery = (query: string | null | undefined): ParsedTerm[] => {
  const terms = [...new Set(normalizeForSearch(query ?? '').split(' '))].filter((t) => t.length > 0).slice(0, MAX_TERMS);
  return terms.map((raw) => {
    const chars = [...raw].slice(0, MAX_TERM_CHARS);
    const term = chars.join('');
    if (chars.length >= 3) return { term, kind: 'trigram' };
    // Punctuation is not indexed as a gram; such rare short terms fall back to a scan.
    return { term, kind: chars.every(isIndexableChar) ? 'gram' : 'scan' };
  });
};

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const col = (prefix: string | undefined, name: string) => sql.ref(prefix ? `${prefix}.${name}` : name);

/**
 * WHERE condition for Kysely: `.where(searchWhere(q, 'c'))`. An empty query matches every row.
 * `columnPrefix` is the table alias that holds `search_text` / `search_terms`.
 */
export const searchWhere = (query: string | null | undefined, columnPrefix?: string): Expression<SqlBool> => {
  const terms = parseSearchQuery(query);
  if (terms.length === 0) return sql<SqlBool>`true`;
  const text = col(columnPrefix, 'search_text');
  const vec = col(columnPrefix, 'search_terms');
  const conditions = terms.map((t) => {
    if (t.kind !== 'gram') return sql<SqlBool>`${text} like ${likePattern(t.term)}`;
    const exact = quoteLexeme(t.term);
    // Rows whose tsvector hit the size limit carry ~trunc and are rechecked with LIKE.
    const candidate = `${exact} | ${quoteLexeme(TRUNCATED_LEXEME)}`;
    return sql<SqlBool>`(${vec} @@ ${candidate}::tsquery and (${vec} @@ ${exact}::tsquery or ${text} like ${likePattern(t.term)}))`;
  });
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
};

/** The tsquery used for ranking: any jieba word or bigram of the query. '' when nothing to rank. */
export const rankQuery = (query: string | null | undefined): string => {
  const lexemes = new Set<string>();
  for (const { term } of parseSearchQuery(query)) {
    const chars = [...term];
    if (chars.length <= 2 && chars.every(isIndexableChar)) lexemes.add(term);
    for (const w of segment(term)) if ([...w].length >= 3) lexemes.add(w);
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i] as string;
      const b = chars[i + 1] as string;
      if (isIndexableChar(a) && isIndexableChar(b)) lexemes.add(a + b);
    }
  }
  return [...lexemes].map(quoteLexeme).join(' | ');
};

/** Relevance for ORDER BY (higher first): ts_rank over the query's words and bigrams; 0 for an empty query. */
export const searchRank = (query: string | null | undefined, columnPrefix?: string): RawBuilder<number> => {
  const q = rankQuery(query);
  if (!q) return sql<number>`0::real`;
  return sql<number>`ts_rank(${col(columnPrefix, 'search_terms')}, ${q}::tsquery)`;
};
