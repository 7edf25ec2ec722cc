import { normalize } from '../../../platform/search/index.ts';
import { type CodingResult, codeComplaint, NEEDS_HUMAN_BELOW } from './complaint-coding.ts';
import { modelText, vectorize } from './features.ts';
import { type FraudResult, tagFraud } from './fraud.ts';
import { type LinearModel, loadModel, predictProba } from './linear-model.ts';
import { detectNegativeWith, type NegativeResult } from './negative.ts';

/**
 * The models, loaded on first use (not at server boot): ≈ 1 MB of int8 weights + jieba.
 * Every function here accepts any input and answers something defined.
 */
type Models = { sentiment: LinearModel; negativeDoc: LinearModel; negativeEntity: LinearModel; loadMs: number };
let models: Models | undefined;

export const loadModels = (): Models => {
  if (!models) {
    const t = performance.now();
    const sentiment = loadModel('sentiment');
    const negativeDoc = loadModel('negative-doc');
    const negativeEntity = loadModel('negative-entity');
    modelText('预热'); // jieba + OpenCC tables
    models = { sentiment, negativeDoc, negativeEntity, loadMs: performance.now() - t };
  }
  return models;
};

export type SentimentLabel = 'positive' | 'negative' | 'neutral';
export type SentimentResult = { label: SentimentLabel; score: number; probs: Record<SentimentLabel, number> };

const r4 = (x: number) => Math.round(x * 10000) / 10000;

export const sentiment = (text: unknown): SentimentResult => {
  const t = modelText(text);
  if (!t) return { label: 'neutral', score: 1, probs: { positive: 0, negative: 0, neutral: 1 } };
  const m = loadModels().sentiment;
  const p = predictProba(m, vectorize(t, m.header.features));
  const probs = { positive: r4(p[0] as number), negative: r4(p[1] as number), neutral: r4(p[2] as number) };
  const label = (Object.entries(probs) as [SentimentLabel, number][]).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return { label, score: probs[label], probs };
};

export const detectNegative = (text: unknown, entities: unknown = [], title: unknown = ''): NegativeResult => {
  const m = loadModels();
  const list = Array.isArray(entities) ? entities.filter((e): e is string => typeof e === 'string') : [];
  return detectNegativeWith(
    { doc: m.negativeDoc, entity: m.negativeEntity },
    typeof text === 'string' ? text : '',
    list,
    typeof title === 'string' ? title : '',
  );
};

export const classifyComplaint = (text: unknown, threshold = NEEDS_HUMAN_BELOW): CodingResult => codeComplaint(modelText(text), threshold);

export const detectFraud = (text: unknown): FraudResult => tagFraud(modelText(text));

export const normalizeText = (text: unknown) => normalize(text);
