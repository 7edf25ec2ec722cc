/** Accuracy, macro-F1 and the confusion matrix (rows = gold, columns = predicted). */
export type Confusion = { labels: string[]; matrix: number[][] };
export type Metrics = { n: number; accuracy: number; macroF1: number; perClassF1: Record<string, number>; confusion: Confusion };

export const evaluate = (gold: string[], pred: string[], labels?: string[]): Metrics => {
  const ls = labels ?? [...new Set([...gold, ...pred])].sort();
  const ix = new Map(ls.map((l, i) => [l, i]));
  const matrix = ls.map(() => ls.map(() => 0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = ix.get(gold[i] as string);
    const p = ix.get(pred[i] as string);
    if (g === undefined || p === undefined) continue;
    (matrix[g] as number[])[p] = ((matrix[g] as number[])[p] as number) + 1;
    if (g === p) correct++;
  }
  const perClassF1: Record<string, number> = {};
  let f1sum = 0;
  ls.forEach((l, k) => {
    const tp = (matrix[k] as number[])[k] as number;
    const fp = matrix.reduce((s, row) => s + (row[k] as number), 0) - tp;
    const fn = (matrix[k] as number[]).reduce((s, v) => s + v, 0) - tp;
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    perClassF1[l] = round(f1);
    f1sum += f1;
  });
  return {
    n: gold.length,
    accuracy: round(correct / Math.max(1, gold.length)),
    macroF1: round(f1sum / ls.length),
    perClassF1,
    confusion: { labels: ls, matrix },
  };
};

export const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
