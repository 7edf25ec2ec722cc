import { normalize, segment } from '../../../platform/search/index.ts';

/**
 * Hashed bag-of-features shared by training (scripts/train-nlp.ts) and inference: jieba words,
 * word bigrams (negation: 不/好) and character 1–3-grams of the normalised text, each hashed into
 * `dim` buckets, binary, L2-normalised. Changing anything here invalidates trained models, so the
 * version goes into every artifact and is checked at load.
 */
export const FEATURE_VERSION = 'fv1';

export type SparseVector = { idx: Int32Array; val: Float32Array };

const fnv = (s: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

const mix = (a: number, b: number): number => {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

export type FeatureOptions = { dim: number; words?: boolean; wordBigrams?: boolean; charN?: number };

const MAX_CHARS = 5000;

/** Text for the models: normalised, URLs removed, capped (long texts are judged by their start). */
export const modelText = (text: unknown): string => {
  const n = normalize(typeof text === 'string' ? text.slice(0, MAX_CHARS * 2) : '', { stripUrls: true });
  return n.length > MAX_CHARS ? n.slice(0, MAX_CHARS) : n;
};

/** Feature hashes (unbounded uint32) of an already-normalised text; `extra` adds named features. */
export const featureHashes = (text: string, opts: FeatureOptions, extra: string[] = []): number[] => {
  const out: number[] = [];
  if (opts.words ?? true) {
    const words = segment(text);
    let prev = 0;
    for (const w of words) {
      const h = fnv(w, 1);
      out.push(h);
      if (opts.wordBigrams ?? true) {
        if (prev) out.push(mix(prev, h));
        prev = h;
      }
    }
  }
  const maxN = opts.charN ?? 3;
  const cps: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp !== 32) cps.push(cp);
  }
  for (let i = 0; i < cps.length; i++) {
    let h = 0x1234567 + (cps[i] as number);
    out.push(mix(h, 11));
    for (let n = 2; n <= maxN && i + n - 1 < cps.length; n++) {
      h = mix(h, cps[i + n - 1] as number);
      out.push(mix(h, 10 + n));
    }
  }
  for (const e of extra) out.push(fnv(e, 7));
  return out;
};

/** Buckets, de-duplicated, with equal weights summing to unit L2 norm. */
export const toVector = (hashes: number[], dim: number): SparseVector => {
  const set = new Set<number>();
  for (const h of hashes) set.add(h % dim);
  const idx = Int32Array.from(set).sort();
  const v = idx.length > 0 ? 1 / Math.sqrt(idx.length) : 0;
  const val = new Float32Array(idx.length).fill(v);
  return { idx, val };
};

export const vectorize = (text: string, opts: FeatureOptions, extra: string[] = []): SparseVector => toVector(featureHashes(text, opts, extra), opts.dim);
