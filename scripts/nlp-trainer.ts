import type { SparseVector } from '../src/modules/nlp/server/features.ts';
import { type LinearModel, type ModelHeader, predictProba } from '../src/modules/nlp/server/linear-model.ts';
import { seededShuffle } from './nlp-data.ts';

/** Multinomial logistic regression by AdaGrad SGD over sparse hashed features (small, no deps). */
export type Example = { x: SparseVector; y: number; w: number };

export type TrainOptions = { epochs: number; lr: number; l2: number; seed: number; log?: (s: string) => void };

export const trainSoftmax = (examples: Example[], header: Omit<ModelHeader, 'scale'>, o: TrainOptions): LinearModel => {
  const c = header.classes.length;
  const dim = header.features.dim;
  const weights = new Float32Array(dim * c);
  const g2 = new Float32Array(dim * c);
  const bias = new Float32Array(c);
  const bg2 = new Float32Array(c);
  const model: LinearModel = { header: { ...header, scale: 1 }, weights, bias };
  const grad = new Float64Array(c);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    let loss = 0;
    const order = seededShuffle(examples, o.seed + epoch);
    for (const ex of order) {
      const p = predictProba(model, ex.x);
      loss -= ex.w * Math.log(Math.max(1e-12, p[ex.y] as number));
      for (let k = 0; k < c; k++) grad[k] = ((p[k] as number) - (k === ex.y ? 1 : 0)) * ex.w;
      for (let k = 0; k < c; k++) {
        const g = grad[k] as number;
        bg2[k] = (bg2[k] as number) + g * g;
        bias[k] = (bias[k] as number) - (o.lr * g) / Math.sqrt((bg2[k] as number) + 1e-8);
      }
      for (let i = 0; i < ex.x.idx.length; i++) {
        const base = (ex.x.idx[i] as number) * c;
        const v = ex.x.val[i] as number;
        for (let k = 0; k < c; k++) {
          const j = base + k;
          const g = (grad[k] as number) * v + o.l2 * (weights[j] as number);
          g2[j] = (g2[j] as number) + g * g;
          weights[j] = (weights[j] as number) - (o.lr * g) / Math.sqrt((g2[j] as number) + 1e-8);
        }
      }
    }
    o.log?.(`  epoch ${epoch + 1}/${o.epochs} loss ${(loss / examples.length).toFixed(4)}`);
  }
  return model;
};

export { evaluate, type Metrics, round } from '../src/modules/nlp/server/metrics.ts';
