/**
 * Hybrid Chinese full-text search for any table, identical on PGlite and PostgreSQL.
 *
 *   migration:  await addSearchColumns(db, 'complaints')         // search_text + search_terms + 2 GIN indexes
 *   write:      db.insertInto('complaints').values({ ...row, ...buildSearchDocument([title, body]) })
 *   read:       db.selectFrom('complaints as c').selectAll()
 *                 .where(searchWhere(q, 'c'))
 *                 .orderBy(searchRank(q, 'c'), 'desc').limit(20)
 *   snippet:    highlight(body, q) → { segments: [{ text, hit }] }  or  highlightHtml(body, q) (escaped)
 *
 * Semantics: the query is normalised (繁→简, full-width → half-width, lower case) and split on spaces;
 * every term must occur as a contiguous substring of the normalised document (phrase semantics,
 * AND across terms, exactly the answers of LIKE '%term%'). ≥ 3-character terms use pg_trgm;
 * 1–2-character terms use the unigram/bigram lexemes of the tsvector, so 年费 finds every row
 * that contains 年费. Ranking uses jieba words (with the banking dictionary) and bigrams.
 */
export { buildSearchDocument, normalizeForSearch, type SearchDocument } from './document.ts';
export { type Highlight, type HighlightSegment, highlight, highlightHtml } from './highlight.ts';
export { addSearchColumns, type SearchColumns } from './migration.ts';
export { type NormalizeOptions, normalize, normalizeWithMap, warmNormalizer } from './normalize.ts';
export { type ParsedTerm, parseSearchQuery, rankQuery, searchRank, searchWhere } from './query.ts';
export { bankingDictionary, getJieba, type Keyword, keywords, segment } from './segment.ts';
