/**
 * A small most-recently-used memo for pure text functions. One post passes through normalize and
 * jieba several times (analysis, models, keywords, search document) with the same text; the
 * repeats cost a Map lookup instead. Long texts are not kept, so memory stays bounded.
 */
export const MEMO_MAX_CHARS = 4000;

export const memoText = <T>(size: number, f: (text: string, variant: string) => T): ((text: string, variant: string) => T) => {
  const cache = new Map<string, T>();
  return (text, variant) => {
    if (text.length > MEMO_MAX_CHARS) return f(text, variant);
    const key = `${variant}\u0000${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Re-insert: Map keeps insertion order, so the oldest entry is the first key.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const value = f(text, variant);
    cache.set(key, value);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return value;
  };
};
