import { segment } from '../../../platform/search/index.ts';
import { modelText } from './features.ts';

/**
 * Topic clustering for root-cause analysis: TF-IDF over jieba nouns/verbs (stop words and
 * one-character tokens dropped), cosine k-means with deterministic k-means++ seeding; each
 * cluster is labelled with its heaviest terms. For a few thousand texts per run.
 */
export type TopicCluster = { label: string; terms: string[]; members: number[] };

const STOP = new Set(
  '我们 你们 他们 自己 客户 本人 银行 工作人员 已经 没有 什么 这个 那个 就是 但是 因为 所以 如果 还是 可以 时候 进行 表示 要求 问题 情况 反映 投诉 办理 一个 今天 昨天 现在 之后 以后 然后 目前 非常 这样 知道 觉得 需要 希望 通过 相关 其他 以及 对于 关于 或者 而且 并且 不是 不能 不会'.split(
    ' ',
  ),
);

type Vec = Map<number, number>;

const cosine = (a: Vec, b: Vec) => {
  let s = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, v] of small) s += v * (big.get(k) ?? 0);
  return s;
};

const normalizeVec = (v: Vec) => {
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n) || 1;
  for (const [k, x] of v) v.set(k, x / n);
  return v;
};

const kmeans = (live: Vec[], k: number, seed0: number, maxIterations: number) => {
  let seed = seed0 >>> 0;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const centroids: Vec[] = [new Map(live[Math.floor(rnd() * live.length)])];
  while (centroids.length < k) {
    const d = live.map((v) => Math.max(0, 1 - Math.max(...centroids.map((c) => cosine(v, c)))) ** 2);
    const total = d.reduce((a, b) => a + b, 0);
    if (total === 0) break;
    let x = rnd() * total;
    let pick = 0;
    for (; pick < d.length - 1 && x > (d[pick] as number); pick++) x -= d[pick] as number;
    centroids.push(new Map(live[pick]));
  }
  let assign = live.map(() => -1);
  let score = 0;
  for (let it = 0; it < maxIterations; it++) {
    score = 0;
    const next = live.map((v) => {
      let best = 0;
      let bestSim = -1;
      centroids.forEach((c, j) => {
        const s = cosine(v, c);
        if (s > bestSim) [best, bestSim] = [j, s];
      });
      score += bestSim;
      return best;
    });
    const changed = next.some((a, i) => a !== assign[i]);
    assign = next;
    centroids.forEach((_, j) => {
      const c: Vec = new Map();
      live.forEach((v, i) => {
        if (assign[i] !== j) return;
        for (const [id, x] of v) c.set(id, (c.get(id) ?? 0) + x);
      });
      if (c.size > 0) centroids[j] = normalizeVec(c);
    });
    if (!changed) break;
  }
  return { centroids, assign, score };
};

export const clusterTopics = (texts: string[], options: { k?: number; seed?: number; maxIterations?: number } = {}): TopicCluster[] => {
  const docs = texts.map((t) => segment(modelText(t)).filter((w) => [...w].length >= 2 && !STOP.has(w) && /[\p{L}]/u.test(w)));
  const vocab = new Map<string, number>();
  const df: number[] = [];
  for (const d of docs) {
    for (const w of new Set(d)) {
      let id = vocab.get(w);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(w, id);
        df.push(0);
      }
      df[id] = (df[id] as number) + 1;
    }
  }
  const n = texts.length;
  const vecs: Vec[] = docs.map((d) => {
    const v: Vec = new Map();
    for (const w of d) {
      const id = vocab.get(w) as number;
      v.set(id, (v.get(id) ?? 0) + 1);
    }
    for (const [id, tf] of v) v.set(id, (1 + Math.log(tf)) * Math.log((1 + n) / (1 + (df[id] as number))));
    return normalizeVec(v);
  });
  const live = vecs.map((v, i) => [v, i] as const).filter(([v]) => v.size > 0);
  if (live.length === 0) return [];
  const k = Math.max(1, Math.min(options.k ?? Math.round(Math.sqrt(live.length / 2)), 30, live.length));
  let bestRun: { centroids: Vec[]; assign: number[]; score: number } | undefined;
  // a few k-means++ restarts; keep the tightest clustering (sum of cosine to centroids)
  for (let restart = 0; restart < 5; restart++) {
    const run = kmeans(
      live.map(([v]) => v),
      k,
      (options.seed ?? 42) + restart * 7919,
      options.maxIterations ?? 20,
    );
    if (!bestRun || run.score > bestRun.score) bestRun = run;
  }
  const { centroids, assign } = bestRun as { centroids: Vec[]; assign: number[] };
  const words = [...vocab.keys()];
  const clusters: TopicCluster[] = centroids.map((c, j) => {
    const terms = [...c.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([id]) => words[id] as string);
    return { label: terms.slice(0, 3).join('/'), terms, members: live.filter((_, i) => assign[i] === j).map(([, idx]) => idx) };
  });
  return clusters.filter((c) => c.members.length > 0).sort((a, b) => b.members.length - a.members.length);
};
