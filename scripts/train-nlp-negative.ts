import { FEATURE_VERSION } from '../src/modules/nlp/server/features.ts';
import type { LinearModel } from '../src/modules/nlp/server/linear-model.ts';
import { detectNegativeWith, entityVector, NEG_DOC_FEATURES, NEG_ENTITY_FEATURES, negativeDocVector } from '../src/modules/nlp/server/negative.ts';
import { finNSP, type NspRow } from './nlp-data.ts';
import { type Example, evaluate, round, trainSoftmax } from './nlp-trainer.ts';

/** FinNSP: entity-level F1 over negative documents (micro), as in the CCF BDCI 2019 task. */
export const scoreNegative = (models: { doc: LinearModel; entity: LinearModel }, rows: NspRow[]) => {
  const gold: string[] = [];
  const pred: string[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const res = detectNegativeWith(models, r.text, r.entities, r.title);
    gold.push(r.negative ? 'negative' : 'not_negative');
    pred.push(res.negative ? 'negative' : 'not_negative');
    const g = new Set(r.negative ? r.keyEntities : []);
    const p = new Set(res.negativeEntities);
    for (const e of p)
      if (g.has(e)) tp++;
      else fp++;
    for (const e of g) if (!p.has(e)) fn++;
  }
  const doc = evaluate(gold, pred, ['negative', 'not_negative']);
  const entityF1 = round((2 * tp) / Math.max(1, 2 * tp + fp + fn));
  return { doc, entityF1, combined: round(0.4 * doc.macroF1 + 0.6 * entityF1) };
};

export const trainNegativeModels = (log: (s: string) => void) => {
  const { train, dev } = finNSP();
  log(`[negative] FinNSP train ${train.length} dev ${dev.length}`);
  const docExamples: Example[] = train.map((r) => ({ x: negativeDocVector(r.text, r.title), y: r.negative ? 1 : 0, w: 1 }));
  const entExamples: Example[] = [];
  for (const r of train) {
    if (!r.negative) continue;
    for (const e of r.entities) entExamples.push({ x: entityVector(e, r.entities, r.text, r.title), y: r.keyEntities.includes(e) ? 1 : 0, w: 1 });
  }
  const now = new Date().toISOString();
  const doc = trainSoftmax(
    docExamples,
    { name: 'negative-doc', featureVersion: FEATURE_VERSION, classes: ['not_negative', 'negative'], features: NEG_DOC_FEATURES, trainedAt: now },
    { epochs: 6, lr: 0.1, l2: 0, seed: 11, log },
  );
  const entity = trainSoftmax(
    entExamples,
    { name: 'negative-entity', featureVersion: FEATURE_VERSION, classes: ['not_key', 'key'], features: NEG_ENTITY_FEATURES, trainedAt: now },
    { epochs: 6, lr: 0.1, l2: 0, seed: 12, log },
  );
  const s = scoreNegative({ doc, entity }, dev);
  log(`[negative] dev: doc acc ${s.doc.accuracy} macroF1 ${s.doc.macroF1}, entity F1 ${s.entityF1}, combined ${s.combined}`);
  const metrics = { finnspDev: { n: s.doc.n, accuracy: s.doc.accuracy, macroF1: s.doc.macroF1, entityF1: s.entityF1, combined: s.combined } };
  doc.header.metrics = metrics;
  entity.header.metrics = metrics;
  return { doc, entity, metrics };
};
