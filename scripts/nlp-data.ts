import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Labelled sets from ../shared/data, with deterministic (seeded) train/dev splits and the
 * de-duplication their SOURCE.txt files ask for. Used by scripts/train-nlp.ts and eval-nlp.ts.
 * These texts are for training and evaluation only; none of them is shipped.
 */
export const DATA_DIR = process.env.NLP_DATA_DIR ?? resolve(import.meta.dirname, '../../shared/data');

export type Sample = { text: string; label: string };
export type Split = { train: Sample[]; dev: Sample[] };

const read = (...p: string[]) => readFileSync(join(DATA_DIR, ...p), 'utf8').replace(/^\uFEFF/, '');
export const hasData = () => existsSync(join(DATA_DIR, 'chnsenticorp_std'));

/** RFC-4180 CSV (quoted fields with embedded newlines and doubled quotes). */
export const parseCsv = (text: string, delimiter = ','): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
};

/** Seeded shuffle (mulberry32) so every run makes the same split. */
export const seededShuffle = <T>(items: T[], seed: number): T[] => {
  const out = items.slice();
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** Drops exact duplicate texts; a text seen with two different labels is dropped entirely. */
export const dedupe = (samples: Sample[]): Sample[] => {
  const labels = new Map<string, Set<string>>();
  for (const s of samples) {
    const set = labels.get(s.text) ?? new Set();
    set.add(s.label);
    labels.set(s.text, set);
  }
  const seen = new Set<string>();
  return samples.filter((s) => {
    if ((labels.get(s.text)?.size ?? 0) > 1 || seen.has(s.text)) return false;
    seen.add(s.text);
    return true;
  });
};

/** Stratified seeded split: `devShare` of every label goes to dev. */
export const stratifiedSplit = (samples: Sample[], devShare: number, seed: number): Split => {
  const byLabel = new Map<string, Sample[]>();
  for (const s of samples) byLabel.set(s.label, [...(byLabel.get(s.label) ?? []), s]);
  const train: Sample[] = [];
  const dev: Sample[] = [];
  for (const [, group] of [...byLabel].sort(([a], [b]) => a.localeCompare(b))) {
    const shuffled = seededShuffle(group, seed);
    const n = Math.round(group.length * devShare);
    dev.push(...shuffled.slice(0, n));
    train.push(...shuffled.slice(n));
  }
  return { train: seededShuffle(train, seed + 1), dev };
};

const POLARITY: Record<string, string> = { '0': 'negative', '1': 'positive' };

/** ChnSentiCorp: train de-duplicated; dev without the texts that also occur in train. */
export const chnSentiCorp = (): Split & { devFull: Sample[] } => {
  const load = (f: string) =>
    parseCsv(read('chnsenticorp_std', f), '\t')
      .slice(1)
      .filter((r) => r.length >= 2 && r[1])
      .map((r) => ({ text: r[1] as string, label: POLARITY[r[0] as string] as string }));
  const train = dedupe(load('train.tsv'));
  const inTrain = new Set(train.map((s) => s.text));
  const devFull = load('dev.tsv');
  return { train, dev: dedupe(devFull.filter((s) => !inTrain.has(s.text))), devFull };
};

export const weibo2018 = (): Split => {
  const rows = read('weibo2018', 'train.txt')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const a = line.indexOf(',');
      const b = line.indexOf(',', a + 1);
      return { text: line.slice(b + 1), label: POLARITY[line.slice(a + 1, b)] as string };
    })
    .filter((s) => s.label && s.text);
  return stratifiedSplit(dedupe(rows), 0.1, 2018);
};

const BDCI: Record<string, string> = { '0': 'negative', '1': 'positive', '2': 'neutral' };
export const bdci = (): Split => {
  const rows = parseCsv(read('bdci2021_bank_reviews', 'train.csv'))
    .slice(1)
    .filter((r) => r.length >= 4)
    .map((r) => ({ text: r[1] as string, label: BDCI[(r[3] as string).trim()] as string }))
    .filter((s) => s.label && s.text);
  return stratifiedSplit(dedupe(rows), 0.15, 2021);
};

const FINFE: Record<string, string> = { '0': 'negative', '1': 'neutral', '2': 'positive' };
export const finFE = (): Split => {
  const rows = (JSON.parse(read('fincuge_finfe', 'train_list.json')) as [string, number][]).map(([text, l]) => ({
    text,
    label: FINFE[String(l)] as string,
  }));
  return stratifiedSplit(dedupe(rows), 0.1, 2302);
};

/** Extra binary review sets, training only. */
export const extraPolarity = (): Record<string, Sample[]> => {
  const weiboSenti = parseCsv(read('weibo_senti_100k', 'dev.tsv'), '\t')
    .filter((r) => r.length >= 2 && r[1])
    .map((r) => ({ text: r[1] as string, label: POLARITY[r[0] as string] as string }));
  const waimai = parseCsv(read('waimai_10k', 'waimai_10k.csv'))
    .slice(1)
    .filter((r) => r[1])
    .map((r) => ({ text: r[1] as string, label: POLARITY[r[0] as string] as string }));
  const shopping = parseCsv(read('online_shopping_10_cats', 'online_shopping_10_cats.csv'))
    .slice(1)
    .filter((r) => r[2])
    .map((r) => ({ text: (r[2] as string).replace(/^\uFEFF/, ''), label: POLARITY[r[1] as string] as string }));
  const ok = (s: Sample[]) => dedupe(s.filter((x) => x.label));
  return { weiboSenti: ok(weiboSenti), waimai: ok(waimai), shopping: ok(shopping) };
};

export type NspRow = { id: string; title: string; text: string; entities: string[]; negative: boolean; keyEntities: string[] };
const splitList = (s: string) => [...new Set(s.split(';').map((x) => x.trim()))].filter(Boolean);

export const finNSP = (): { train: NspRow[]; dev: NspRow[] } => {
  const rows = (JSON.parse(read('fincuge_finnsp', 'train_list.json')) as string[][])
    .filter((r) => r[0] !== 'id' && r.length >= 6)
    .map((r) => ({
      id: r[0] as string,
      title: r[1] ?? '',
      text: r[2] ?? '',
      entities: splitList(r[3] ?? ''),
      negative: r[4] === '1',
      keyEntities: splitList(r[5] ?? ''),
    }));
  const shuffled = seededShuffle(rows, 2019);
  const n = Math.round(rows.length * 0.15);
  return { dev: shuffled.slice(0, n), train: shuffled.slice(n) };
};

/** Content hash of the given files, for the provenance record. */
export const hashFiles = (paths: string[]): string => {
  const h = createHash('sha256');
  for (const p of paths) h.update(readFileSync(p));
  return h.digest('hex').slice(0, 16);
};
