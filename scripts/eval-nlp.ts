import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyComplaint, detectFraud, loadModels, sentiment } from '../src/modules/nlp/index.ts';
import { bdci, chnSentiCorp, DATA_DIR, finFE, finNSP, hashFiles, type Sample, weibo2018 } from './nlp-data.ts';
import { evaluate, type Metrics, round } from './nlp-trainer.ts';
import { scoreNegative } from './train-nlp-negative.ts';

/**
 * `npm run eval:nlp`: the table on our seeded dev splits next to the published anchors; writes
 * docs/nlp.md and models/nlp/PROVENANCE.md. Uses the committed artifacts in models/nlp.
 */
const ROOT = resolve(import.meta.dirname, '..');
const m = loadModels();
const binary = (d: Sample[]) =>
  evaluate(
    d.map((s) => s.label),
    d.map((s) => {
      const p = sentiment(s.text).probs;
      return p.positive >= p.negative ? 'positive' : 'negative';
    }),
    ['positive', 'negative'],
  );
const multi = (d: Sample[]) =>
  evaluate(
    d.map((s) => s.label),
    d.map((s) => sentiment(s.text).label),
    ['positive', 'negative', 'neutral'],
  );
const jsonl = (p: string) =>
  readFileSync(resolve(ROOT, p), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; label: string; cause?: string });

const csc = chnSentiCorp();
const rows: { task: string; data: string; metric: string; ours: string; target: string; anchor: string; m?: Metrics }[] = [];
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const add = (task: string, data: string, metric: string, ours: number, target: string, anchor: string, isPct = true) =>
  rows.push({ task, data, metric, ours: isPct ? pct(ours) : ours.toFixed(3), target, anchor });

const cscDedup = binary(csc.dev);
const cscFull = binary(csc.devFull);
const wb = binary(weibo2018().dev);
const bd = multi(bdci().dev);
const fe = multi(finFE().dev);
const neg = scoreNegative({ doc: m.negativeDoc, entity: m.negativeEntity }, finNSP().dev);
add(
  'sentiment',
  `ChnSentiCorp dev, de-duplicated against train (n=${cscDedup.n})`,
  'accuracy',
  cscDedup.accuracy,
  '≥ 93 %',
  'BERT 95.0 / bag-of-words 90.0 (test)',
);
add('sentiment', `ChnSentiCorp dev, full (n=${cscFull.n}, 338 texts also in train)`, 'accuracy', cscFull.accuracy, '', '');
add('sentiment', `weibo2018, our 10 % seeded dev of train.txt (n=${wb.n})`, 'accuracy', wb.accuracy, '≥ 87 %', 'NB 85.6 / BERT 87 (test)');
add('sentiment', `BDCI 2021 bank reviews, our 15 % stratified dev (n=${bd.n})`, 'macro-F1', bd.macroF1, '≥ 0.70', 'RoBERTa kappa ≈ 0.57', false);
add('sentiment', `FinFE (stock forum), de-duplicated, our 10 % dev (n=${fe.n})`, 'accuracy', fe.accuracy, '', '');
add('negative', `FinNSP, our 15 % seeded dev (n=${neg.doc.n})`, 'doc accuracy', neg.doc.accuracy, '≥ 90 %', '');
add('negative', 'FinNSP dev, negative entities', 'entity F1 (micro)', neg.entityF1, '', '', false);

const cc = jsonl('src/modules/nlp/eval/complaint-coding.jsonl');
const ccPred = cc.map((r) => classifyComplaint(r.text));
const ccB = evaluate(
  cc.map((r) => r.label),
  ccPred.map((p) => p.businessCategory),
);
const ccC = evaluate(
  cc.map((r) => r.cause ?? 'C99'),
  ccPred.map((p) => p.cause),
);
const auto = ccPred.filter((p) => !p.needsHuman);
const autoOk = cc.filter((r, i) => !ccPred[i]?.needsHuman && ccPred[i]?.businessCategory === r.label && ccPred[i]?.cause === r.cause).length;
add('complaint coding', `our hand-written set (n=${cc.length}), business category B`, 'accuracy', ccB.accuracy, '', 'none published');
add('complaint coding', 'same set, cause C', 'accuracy', ccC.accuracy, '', '');
add(
  'complaint coding',
  `same set, auto-coded share (needsHuman=false): ${auto.length}/${cc.length}`,
  'B and C both right when auto-coded',
  autoOk / Math.max(1, auto.length),
  '',
  '',
);
const fr = jsonl('src/modules/nlp/eval/fraud.jsonl');
const frE = evaluate(
  fr.map((r) => r.label),
  fr.map((r) => detectFraud(r.text).fraudType ?? 'none'),
);
add('fraud typology', `our hand-written set (n=${fr.length}, 8 non-fraud)`, 'accuracy', frE.accuracy, '', 'none published');
add('fraud typology', 'same set', 'macro-F1', frE.macroF1, '', '', false);

let commit = 'uncommitted';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {}
const scriptsHash = hashFiles(
  [
    'scripts/train-nlp.ts',
    'scripts/train-nlp-negative.ts',
    'scripts/nlp-data.ts',
    'scripts/nlp-trainer.ts',
    'src/modules/nlp/server/features.ts',
    'src/modules/nlp/server/negative.ts',
  ].map((p) => resolve(ROOT, p)),
);
const table = [
  '| task | data | metric | Xiaobao | target | published anchor |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.task} | ${r.data} | ${r.metric} | **${r.ours}** | ${r.target} | ${r.anchor} |`),
].join('\n');
console.log(table);

const today = new Date().toISOString().slice(0, 10);
const doc = `# Chinese text intelligence (nlp module)

Generated by \`npm run eval:nlp\` on ${today} (repo HEAD ${commit}, training-script hash ${scriptsHash}). Speed: \`npm run bench -- nlp\`.

## Measured on our dev splits, beside the published anchors

${table}

**Read this honestly.** The anchors are on the official *test* splits, which the maintainers keep aside;
our numbers are on dev splits we cut from the training files (seeded, de-duplicated), so they are
indicative, not comparable to the decimal.

- ChnSentiCorp: on target on the de-duplicated dev split (the published ~95 % numbers are on a split where
  ~28 % of test texts also occur in train).
- **weibo2018: short of the 87 % target** (our dev is 55/45 positive/negative like train.txt; the official
  test is 69/31). A linear model over words and character n-grams plateaus here; more data of this
  style or a small transformer (onnxruntime-node, trained by us) is the next step.
- **BDCI bank reviews: short of the 0.70 macro-F1 target.** Neutral is 85 % of the data; positive and
  negative F1 stay low. One calibration value (the neutral class bias) was tuned on this same dev split,
  so the figure is slightly optimistic.
- FinNSP negative detection: on target for document-level accuracy; entity F1 shown for reference.
- Complaint coding and fraud typology are **rules over lexicons we wrote**, evaluated on small sets
  **we wrote ourselves** (\`src/modules/nlp/eval/*.jsonl\`, by the same engineer who wrote the lexicons),
  so these figures are optimistic and say only that the rules do what they were written to do.
  JR/T 0169's exact numeric codes are unverified; codes B01–B11/B99 and C01–C12/C99 follow the order in
  \`../shared/domain/regulation.md\` §3.

## Models

One multinomial logistic regression per task over hashed features (jieba words with the banking
dictionary, word bigrams, character 1–3-grams; 2^16–2^18 buckets), trained by our own AdaGrad SGD in
\`scripts/nlp-trainer.ts\`, stored as int8 weights in \`models/nlp\` (≈ 1.2 MB total). The sentiment model is
trained on ChnSentiCorp train, weibo2018 train (minus dev), BDCI train (minus dev), FinFE (minus dev) and,
at lower weight, weibo_senti_100k dev, waimai_10k and online_shopping_10_cats. ChnSentiCorp_htl_all is
**not** used (it overlaps the ChnSentiCorp test split). No dataset text is shipped; only weights.

## Data licences

The training sets have no licence or research-only terms (see each SOURCE.txt in ../shared/data); they are
used for training and evaluation only. The evaluation sets in \`src/modules/nlp/eval\` were written by us.
`;
writeFileSync(resolve(ROOT, 'docs/nlp.md'), doc);

const size = (n: string) => readFileSync(resolve(ROOT, `models/nlp/${n}.bin`)).length;
const provenance = `# models/nlp provenance

| artifact | bytes | trained at | task |
|---|---|---|---|
| sentiment.{json,bin} | ${size('sentiment')} | ${m.sentiment.header.trainedAt} | positive / negative / neutral |
| negative-doc.{json,bin} | ${size('negative-doc')} | ${m.negativeDoc.header.trainedAt} | FinNSP: is the text negative |
| negative-entity.{json,bin} | ${size('negative-entity')} | ${m.negativeEntity.header.trainedAt} | FinNSP: which entities |

- Trained by \`npm run train:nlp\` (scripts/train-nlp.ts, train-nlp-negative.ts, nlp-data.ts, nlp-trainer.ts;
  content hash of those scripts and the feature code: ${scriptsHash}; repo HEAD when evaluated: ${commit}).
- Data: ${DATA_DIR} — chnsenticorp_std/train.tsv, weibo2018/train.txt, bdci2021_bank_reviews/train.csv,
  fincuge_finfe/train_list.json, weibo_senti_100k/dev.tsv, waimai_10k, online_shopping_10_cats,
  fincuge_finnsp/train_list.json. Splits are seeded (see scripts/nlp-data.ts) and de-duplicated.
- Metrics (dev splits): see docs/nlp.md (regenerated with this file on ${today}).
- Weights only; no training text is contained in these files.
- Format: header JSON (classes, feature options, int8 scale) + binary (int8 weights [dim × classes], float32 biases).
`;
writeFileSync(resolve(ROOT, 'models/nlp/PROVENANCE.md'), provenance);
console.error(`wrote docs/nlp.md and models/nlp/PROVENANCE.md (${round(m.loadMs, 0)} ms model load)`);
