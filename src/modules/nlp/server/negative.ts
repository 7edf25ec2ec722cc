import { normalize } from '../../../platform/search/index.ts';
import { type FeatureOptions, modelText, type SparseVector, vectorize } from './features.ts';
import { type LinearModel, predictProba } from './linear-model.ts';

/**
 * Negative news / opinion about entities (the FinNSP task): a document model says whether the
 * text is negative; an entity model, fed the context windows around each mention, says which
 * of the given entities the negativity is about. Entities contained in another selected entity
 * (小资 inside 小资钱包) are dropped, as in the task's labelling.
 */
export const NEG_DOC_FEATURES: FeatureOptions = { dim: 1 << 17, words: true, wordBigrams: true, charN: 3 };
export const NEG_ENTITY_FEATURES: FeatureOptions = { dim: 1 << 16, words: true, wordBigrams: true, charN: 2 };

const WINDOW = 24;
const MAX_MENTIONS = 6;
const PLACEHOLDER = '〇';

export const negativeDocVector = (text: string, title = ''): SparseVector => vectorize(modelText(title ? `${title}。${text}` : text), NEG_DOC_FEATURES);

export const entityVector = (entity: string, entities: string[], text: string, title = ''): SparseVector => {
  const t = modelText(title ? `${title}。${text}` : text);
  const e = normalize(entity);
  const others = entities.map((x) => normalize(x)).filter((x) => x && x !== e);
  const extra: string[] = [];
  const windows: string[] = [];
  let count = 0;
  if (e) {
    let from = 0;
    for (;;) {
      const at = t.indexOf(e, from);
      if (at < 0) break;
      count++;
      if (windows.length < MAX_MENTIONS)
        windows.push(`${t.slice(Math.max(0, at - WINDOW), at)}${PLACEHOLDER}${t.slice(at + e.length, at + e.length + WINDOW)}`);
      from = at + e.length;
    }
    if (title && normalize(title).includes(e)) extra.push('intitle');
    if (others.some((o) => o.includes(e))) extra.push('sub-of-other');
    if (others.some((o) => e.includes(o))) extra.push('contains-other');
    const firstAt = t.indexOf(e);
    if (firstAt >= 0 && others.every((o) => t.indexOf(o) < 0 || t.indexOf(o) >= firstAt)) extra.push('first-mentioned');
    extra.push(`suffix:${[...e].slice(-2).join('')}`, `entity:${e}`, `len:${Math.min(8, [...e].length)}`);
  }
  extra.push(`mentions:${Math.min(count, 5)}`, `n-entities:${Math.min(entities.length, 6)}`);
  const windowText = windows
    .join(' ')
    .split(e || PLACEHOLDER)
    .join(PLACEHOLDER);
  return vectorize(windowText, NEG_ENTITY_FEATURES, extra);
};

export type NegativeModels = { doc: LinearModel; entity: LinearModel };
export type NegativeResult = { negative: boolean; score: number; negativeEntities: string[]; entityScores: Record<string, number> };

export const detectNegativeWith = (models: NegativeModels, text: string, entities: string[] = [], title = ''): NegativeResult => {
  const unique = [...new Set(entities.map((e) => (typeof e === 'string' ? e.trim() : '')).filter(Boolean))];
  const pDoc = predictProba(models.doc, negativeDocVector(text, title))[1] as number;
  const entityScores: Record<string, number> = {};
  for (const e of unique) entityScores[e] = round(predictProba(models.entity, entityVector(e, unique, text, title))[1] as number);
  const negative = pDoc >= 0.5;
  let selected: string[] = [];
  if (negative && unique.length > 0) {
    selected = unique.filter((e) => (entityScores[e] ?? 0) >= 0.5);
    if (selected.length === 0) selected = [unique.reduce((a, b) => ((entityScores[b] ?? 0) > (entityScores[a] ?? 0) ? b : a))];
    selected = selected.filter((e) => !selected.some((o) => o !== e && o.includes(e)));
  }
  return { negative, score: round(pDoc), negativeEntities: selected, entityScores };
};

const round = (x: number) => Math.round(x * 10000) / 10000;
