import * as OpenCC from 'opencc-js';
import { memoText } from './memo.ts';

/**
 * One canonical form for Chinese text, so search, models and people's queries meet:
 * traditional → simplified, full-width → half-width (NFKC), lower case, control characters and
 * lone surrogates removed, whitespace runs collapsed. Per character where possible, because the
 * phrase-level OpenCC converter is ~1 MB/s and most input is already simplified.
 */

let toSimplified: ((s: string) => string) | undefined;
let traditionalChars: Set<string> | undefined;

const loadOpenCC = () => {
  if (toSimplified && traditionalChars) return { convert: toSimplified, trad: traditionalChars };
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const trad = new Set<string>();
  // CJK Unified Ideographs + Extension A: every character that conversion would change.
  const ranges: [number, number][] = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
  ];
  const chars: string[] = [];
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) chars.push(String.fromCharCode(c));
  const converted = convert(chars.join('\n')).split('\n');
  for (let i = 0; i < chars.length; i++) if (converted[i] !== chars[i]) trad.add(chars[i] as string);
  toSimplified = convert;
  traditionalChars = trad;
  return { convert, trad };
};

const charCache = new Map<string, string>();

/** Normalises one code point (a string of length 1 or 2). Returns '' to drop it, ' ' for whitespace. */
const normalizeChar = (ch: string): string => {
  const c0 = ch.charCodeAt(0);
  // fast paths: plain ASCII letters/digits and CJK ideographs are already in normal form
  if (ch.length === 1 && ((c0 >= 0x61 && c0 <= 0x7a) || (c0 >= 0x30 && c0 <= 0x39) || (c0 >= 0x4e00 && c0 <= 0x9fff))) return ch;
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  const cp = ch.codePointAt(0) ?? 0;
  if (ch.length === 1 && cp >= 0xd800 && cp <= 0xdfff)
    out = ''; // lone surrogate
  else if (/\s/u.test(ch) || cp === 0x3000) out = ' ';
  else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xfeff || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfffd) out = '';
  else {
    out = ch.normalize('NFKC').toLowerCase();
    if (/\s/u.test(out)) out = ' ';
  }
  if (charCache.size < 200_000) charCache.set(ch, out);
  return out;
};

export type NormalizeOptions = {
  /** Replace URLs with a space (default false: kept, lower-cased). */
  stripUrls?: boolean;
  /** Drop emoji and pictographs (default false: kept, they carry sentiment). */
  stripEmoji?: boolean;
  /** Skip traditional → simplified conversion (default false). */
  keepTraditional?: boolean;
};

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+/giu;
const EMOJI_RE = /\p{Extended_Pictographic}|[\u{1f3fb}-\u{1f3ff}]|\u{fe0f}/gu;

/** Canonical text: simplified, half-width, lower case, single spaces, trimmed. Never throws. */
export const normalize = (input: unknown, options: NormalizeOptions = {}): string => {
  if (typeof input !== 'string' || input.length === 0) return '';
  return normalizeMemo(input, `${options.stripUrls ? 'u' : '-'}${options.stripEmoji ? 'e' : '-'}${options.keepTraditional ? 't' : '-'}`);
};

const normalizeMemo = memoText(64, (input, variant) => {
  const options: NormalizeOptions = { stripUrls: variant[0] === 'u', stripEmoji: variant[1] === 'e', keepTraditional: variant[2] === 't' };
  let text = input;
  if (options.stripUrls) text = text.replace(URL_RE, ' ');
  if (options.stripEmoji) text = text.replace(EMOJI_RE, ' ');
  let out = '';
  let lastSpace = true;
  let hasTrad = false;
  const trad = options.keepTraditional ? undefined : loadOpenCC().trad;
  for (const ch of text) {
    const n = normalizeChar(ch);
    if (n === '') continue;
    if (n === ' ') {
      if (!lastSpace) out += ' ';
      lastSpace = true;
      continue;
    }
    if (trad && !hasTrad && trad.has(n)) hasTrad = true;
    out += n;
    lastSpace = false;
  }
  if (out.endsWith(' ')) out = out.slice(0, -1);
  // Phrase-level conversion only when needed (it is slow); it keeps the length in practice.
  if (hasTrad) out = loadOpenCC().convert(out);
  return out;
});

export type NormalizedWithMap = { text: string /** offsets[i] = index in the original string of text[i] (UTF-16 units). */; offsets: number[] };

/**
 * Normalises character by character and keeps, for every output UTF-16 unit, the position of the
 * source character — used to highlight hits in the original text. Traditional characters are
 * converted one by one here (not phrase-level) so the map stays exact.
 */
export const normalizeWithMap = (input: string): NormalizedWithMap => {
  const { convert, trad } = loadOpenCC();
  let text = '';
  const offsets: number[] = [];
  let lastSpace = true;
  let i = 0;
  for (const ch of input) {
    let n = normalizeChar(ch);
    if (n !== '' && n !== ' ' && trad.has(n)) n = convert(n);
    if (n === ' ') {
      if (!lastSpace) {
        text += ' ';
        offsets.push(i);
      }
      lastSpace = true;
    } else if (n !== '') {
      for (let k = 0; k < n.length; k++) offsets.push(i);
      text += n;
      lastSpace = false;
    }
    i += ch.length;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    offsets.pop();
  }
  return { text, offsets };
};

/** Warms the OpenCC tables (≈0.2 s) so the first request does not pay for them. */
export const warmNormalizer = () => {
  loadOpenCC();
};
