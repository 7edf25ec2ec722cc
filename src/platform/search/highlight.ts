import { normalizeWithMap } from './normalize.ts';
import { parseSearchQuery } from './query.ts';

/** A snippet as plain segments; the UI wraps `hit` segments in <mark>. Never contains HTML. */
export type HighlightSegment = { text: string; hit: boolean };
export type Highlight = { segments: HighlightSegment[]; hasHit: boolean; truncatedStart: boolean; truncatedEnd: boolean };

/**
 * Finds every query term in `text` with the search normal form (so 年費 highlights for 年费),
 * maps the hits back to the original characters, and cuts a snippet of about `maxChars`
 * around the first hit.
 */
export const highlight = (text: string | null | undefined, query: string | null | undefined, maxChars = 120): Highlight => {
  const source = typeof text === 'string' ? text : '';
  const terms = parseSearchQuery(query).map((t) => t.term);
  const { text: norm, offsets } = normalizeWithMap(source);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    let from = 0;
    for (;;) {
      const at = norm.indexOf(term, from);
      if (at < 0) break;
      const last = at + term.length - 1;
      const start = offsets[at] ?? 0;
      const lastSrc = offsets[last] ?? start;
      const code = source.charCodeAt(lastSrc);
      const end = lastSrc + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
      ranges.push([start, end]);
      from = at + Math.max(1, term.length);
      if (ranges.length > 1000) break;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged.at(-1);
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const first = merged[0];
  let winStart = 0;
  if (first && source.length > maxChars) winStart = Math.max(0, first[0] - Math.floor(maxChars / 4));
  let winEnd = Math.min(source.length, winStart + maxChars);
  if (winEnd - winStart < maxChars) winStart = Math.max(0, winEnd - maxChars);
  // keep surrogate pairs whole
  if (winStart > 0 && isLow(source.charCodeAt(winStart))) winStart--;
  if (winEnd < source.length && isLow(source.charCodeAt(winEnd))) winEnd++;
  const segments: HighlightSegment[] = [];
  let pos = winStart;
  const push = (a: number, b: number, hit: boolean) => {
    if (b > a) segments.push({ text: source.slice(a, b), hit });
  };
  for (const [a, b] of merged) {
    if (b <= winStart || a >= winEnd) continue;
    const s = Math.max(a, winStart);
    const e = Math.min(b, winEnd);
    push(pos, s, false);
    push(s, e, true);
    pos = e;
  }
  push(pos, winEnd, false);
  return { segments, hasHit: merged.length > 0, truncatedStart: winStart > 0, truncatedEnd: winEnd < source.length };
};

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));

/** The snippet as escaped HTML with <mark> around hits (and … where cut). Safe to inject. */
export const highlightHtml = (text: string | null | undefined, query: string | null | undefined, maxChars = 120): string => {
  const h = highlight(text, query, maxChars);
  const body = h.segments.map((s) => (s.hit ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
  return `${h.truncatedStart ? '…' : ''}${body}${h.truncatedEnd ? '…' : ''}`;
};
