import type { ModuleDefinition } from '../../platform/module.ts';
import { keywords as extractKeywords, type Keyword, normalize as normalizeText, segment as segmentText } from '../../platform/search/index.ts';

/**
 * NLP: Chinese text intelligence in-process, offline. A small stable API for complaints, opinion
 * monitoring and education. Models load lazily on the first call that needs them (≈0.5 s), so
 * the server pays nothing at boot. Every function accepts any input and never throws on text.
 *
 *   normalize(text)                 繁→简, full-width → half-width, lower case, tidy whitespace
 *   segment(text)                   jieba words with the banking dictionary
 *   keywords(text, k)               TF-IDF keywords
 *   sentiment(text)                 { label, score, probs: { positive, negative, neutral } }
 *   detectNegative(text, entities)  { negative, score, negativeEntities }
 *   classifyComplaint(text)         { businessCategory (B..), cause (C..), confidence, needsHuman }
 *   detectFraud(text)               { fraudType | null, score }
 *   simhash / isNearDuplicate / findNearDuplicates / NearDuplicateIndex
 *   clusterTopics(texts, { k })     [{ label, terms, members }]
 */
export const nlpModule: ModuleDefinition = {
  name: 'nlp',
  migrations: {},
};

export const normalize = (text: unknown): string => normalizeText(text, { stripUrls: false });
export const segment = (text: unknown): string[] => segmentText(normalizeText(text));
export const keywords = (text: unknown, topK = 10): Keyword[] => extractKeywords(normalizeText(text, { stripUrls: true }), topK);

export { BUSINESS_CATEGORIES, type BusinessCategory, CAUSES, type Cause, type CodingResult, NEEDS_HUMAN_BELOW } from './server/complaint-coding.ts';
export { classifyComplaint, detectFraud, detectNegative, loadModels, type SentimentLabel, type SentimentResult, sentiment } from './server/engine.ts';
export { FRAUD_TYPES, type FraudResult, type FraudType } from './server/fraud.ts';
export type { NegativeResult } from './server/negative.ts';
export { findNearDuplicates, hammingDistance, isNearDuplicate, NEAR_DUPLICATE_BITS, NearDuplicateIndex, simhash } from './server/simhash.ts';
export { clusterTopics, type TopicCluster } from './server/topics.ts';
export type { Keyword };
