import { readFileSync } from 'node:fs';
import { Jieba, TfIdf } from '@node-rs/jieba';
// ESM: the subpath must carry `.js` (the package has no exports map).
import { dict, idf } from '@node-rs/jieba/dict.js';
import { memoText } from './memo.ts';

/**
 * jieba with the banking user dictionary (banking.dict.txt: 杀猪盘, 花呗, 年费, 扣收, 征信异议 …,
 * words the stock dictionary splits). Loaded on first use, ≈0.2 s and ≈100 MB, then shared by
 * every caller in the process.
 */
let jieba: Jieba | undefined;
let tfidf: TfIdf | undefined;

const DICT_URL = new URL('./banking.dict.txt', import.meta.url);

export const bankingDictionary = (): string => readFileSync(DICT_URL, 'utf8');

export const getJieba = (): Jieba => {
  if (!jieba) {
    const j = Jieba.withDict(dict);
    j.loadDict(Buffer.from(bankingDictionary(), 'utf8'));
    jieba = j;
  }
  return jieba;
};

const getTfIdf = (): TfIdf => {
  if (!tfidf) tfidf = TfIdf.withDict(idf);
  return tfidf;
};

// jieba works on short runs; very long strings are ~3× slower, so cut at sentence punctuation.
const CHUNK = 2000;
const chunks = (text: string): string[] => {
  if (text.length <= CHUNK) return [text];
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const slice = text.slice(start, end);
      const cut = Math.max(slice.lastIndexOf('。'), slice.lastIndexOf('，'), slice.lastIndexOf(' '), slice.lastIndexOf('\n'));
      if (cut > CHUNK / 2) end = start + cut + 1;
      // never split a surrogate pair
      const code = text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end++;
    }
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
};

const isWordToken = (t: string) => t.trim().length > 0;

/** Words of an already-normalised text, whitespace tokens removed. HMM finds unknown words. */
const segmentMemo = memoText(64, (text, variant) => {
  const j = getJieba();
  const hmm = variant[0] === 'h';
  const out: string[] = [];
  for (const c of chunks(text)) {
    const words = variant[1] === 's' ? j.cutForSearch(c, hmm) : j.cut(c, hmm);
    for (const w of words) if (isWordToken(w)) out.push(w);
  }
  return out;
});

export const segment = (text: string, options: { hmm?: boolean; forSearch?: boolean } = {}): string[] => {
  if (!text) return [];
  // A copy: callers may change their array, the memo keeps its own.
  return segmentMemo(text, `${(options.hmm ?? true) ? 'h' : '-'}${options.forSearch ? 's' : '-'}`).slice();
};

export type Keyword = { keyword: string; weight: number };

const KEYWORD_POS = ['n', 'nr', 'ns', 'nt', 'nz', 'vn', 'v', 'an', 'eng'];

/** TF-IDF keywords (nouns and verbs by default) of a normalised text. */
export const keywords = (text: string, topK = 10, allowedPos: string[] = KEYWORD_POS): Keyword[] => {
  if (!text || topK <= 0) return [];
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  return getTfIdf()
    .extractKeywords(getJieba(), sample, topK, allowedPos)
    .map((k) => ({ keyword: k.keyword, weight: k.weight }));
};
