import { readFileSync } from 'node:fs';
import { FEATURE_VERSION, type FeatureOptions, type SparseVector } from './features.ts';

/**
 * A multinomial logistic-regression model over hashed features. On disk: `<name>.json` (header:
 * classes, feature options, quantisation scale, metrics) + `<name>.bin` (int8 weights, row-major
 * [dim × classes], then float32 biases). int8 keeps the artifacts small (dim × classes bytes).
 */
export type ModelHeader = {
  name: string;
  featureVersion: string;
  classes: string[];
  features: FeatureOptions;
  scale: number;
  trainedAt: string;
  metrics?: Record<string, unknown>;
};

export type LinearModel = { header: ModelHeader; weights: Float32Array; bias: Float32Array };

export const predictScores = (m: LinearModel, x: SparseVector): Float64Array => {
  const c = m.header.classes.length;
  const z = new Float64Array(c);
  for (let k = 0; k < c; k++) z[k] = m.bias[k] as number;
  for (let i = 0; i < x.idx.length; i++) {
    const base = (x.idx[i] as number) * c;
    const v = x.val[i] as number;
    for (let k = 0; k < c; k++) z[k] = (z[k] as number) + (m.weights[base + k] as number) * v;
  }
  return z;
};

export const softmax = (z: Float64Array): Float64Array => {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) if (v > max) max = v;
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    out[k] = Math.exp((z[k] as number) - max);
    sum += out[k] as number;
  }
  for (let k = 0; k < z.length; k++) out[k] = (out[k] as number) / sum;
  return out;
};

export const predictProba = (m: LinearModel, x: SparseVector): Float64Array => softmax(predictScores(m, x));

/** Serialises to { header JSON, binary } with int8 weights. */
export const encodeModel = (m: LinearModel): { json: string; bin: Buffer } => {
  let maxAbs = 0;
  for (const w of m.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  const q = new Int8Array(m.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round((m.weights[i] as number) / scale)));
  const bias = Buffer.from(new Float32Array(m.bias).buffer);
  const bin = Buffer.concat([Buffer.from(q.buffer), bias]);
  return { json: `${JSON.stringify({ ...m.header, scale }, null, 2)}\n`, bin };
};

export const decodeModel = (json: string, bin: Buffer): LinearModel => {
  const header = JSON.parse(json) as ModelHeader;
  if (header.featureVersion !== FEATURE_VERSION) throw new Error(`model ${header.name}: feature version ${header.featureVersion} ≠ ${FEATURE_VERSION}`);
  const c = header.classes.length;
  const n = header.features.dim * c;
  if (bin.length !== n + c * 4) throw new Error(`model ${header.name}: weights file has ${bin.length} bytes, expected ${n + c * 4}`);
  const q = new Int8Array(bin.buffer, bin.byteOffset, n);
  const weights = new Float32Array(n);
  for (let i = 0; i < n; i++) weights[i] = (q[i] as number) * header.scale;
  const bias = new Float32Array(c);
  for (let k = 0; k < c; k++) bias[k] = bin.readFloatLE(n + k * 4);
  return { header, weights, bias };
};

export const MODELS_DIR = new URL('../../../../models/nlp/', import.meta.url);

export const loadModel = (name: string, dir: URL = MODELS_DIR): LinearModel =>
  decodeModel(readFileSync(new URL(`${name}.json`, dir), 'utf8'), readFileSync(new URL(`${name}.bin`, dir)));
