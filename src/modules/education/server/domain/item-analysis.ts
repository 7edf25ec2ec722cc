/**
 * Classical item analysis for quiz questions, on finished attempts.
 *
 * - facility p: share of the attempts that contained the question and answered it correctly.
 * - discrimination D (Kelley): p in the top 27 % of attempts by total score minus p in the bottom 27 %
 *   (at least one attempt per group). With random papers each question is judged on the attempts
 *   of each group that contained it.
 * - point-biserial r_pb = (M₁ − M₀) / s · √(p·q): M₁/M₀ the mean total scores of attempts that got
 *   the question right/wrong, s the population standard deviation of those totals. Uncorrected (the
 *   item's own contribution stays in the total), as most quiz tools report it. null when undefined.
 */
export type AttemptForAnalysis = { score: number; correct: Record<string, boolean>; questionIds: readonly string[] };
export type ItemStats = { questionId: string; n: number; facility: number; discrimination: number | null; pointBiserial: number | null };

export const GROUP_SHARE = 0.27;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export const analyseItems = (attempts: readonly AttemptForAnalysis[]): ItemStats[] => {
  const ranked = [...attempts].sort((a, b) => b.score - a.score);
  const k = Math.max(1, Math.round(ranked.length * GROUP_SHARE));
  const upper = new Set(ranked.length >= 2 ? ranked.slice(0, k) : []);
  const lower = new Set(ranked.length >= 2 ? ranked.slice(-k) : []);
  const ids = [...new Set(attempts.flatMap((a) => a.questionIds))];
  return ids.map((qid) => {
    const seen = attempts.filter((a) => a.questionIds.includes(qid));
    const right = seen.filter((a) => a.correct[qid] === true);
    const p = seen.length ? right.length / seen.length : 0;
    const pOf = (group: Set<AttemptForAnalysis>) => {
      const g = seen.filter((a) => group.has(a));
      return g.length ? g.filter((a) => a.correct[qid] === true).length / g.length : null;
    };
    const pu = pOf(upper);
    const pl = pOf(lower);
    const mean = (xs: AttemptForAnalysis[]) => xs.reduce((s, a) => s + a.score, 0) / xs.length;
    let rpb: number | null = null;
    if (right.length > 0 && right.length < seen.length) {
      const m = mean(seen);
      const sd = Math.sqrt(seen.reduce((s, a) => s + (a.score - m) ** 2, 0) / seen.length);
      const wrong = seen.filter((a) => a.correct[qid] !== true);
      if (sd > 0) rpb = ((mean(right) - mean(wrong)) / sd) * Math.sqrt(p * (1 - p));
    }
    return {
      questionId: qid,
      n: seen.length,
      facility: round(p),
      discrimination: pu === null || pl === null ? null : round(pu - pl),
      pointBiserial: rpb === null ? null : round(rpb),
    };
  });
};

/**
 * Knowledge gain from a pre-test/post-test pair, over the people who took both (matched by person):
 * their first finished pre-test score and their last finished post-test score, in percent.
 * normalisedGain is Hake's ⟨g⟩ = (post − pre) / (100 − pre) on the class means; meanIndividualGain
 * averages g per person over those with pre < 100.
 */
export const knowledgeGain = (pairs: readonly { pre: number; post: number }[]) => {
  const n = pairs.length;
  if (n === 0) return { pairs: 0, meanPre: null, meanPost: null, meanGain: null, normalisedGain: null, meanIndividualGain: null, improved: 0 };
  const meanPre = pairs.reduce((s, x) => s + x.pre, 0) / n;
  const meanPost = pairs.reduce((s, x) => s + x.post, 0) / n;
  const gs = pairs.filter((x) => x.pre < 100).map((x) => (x.post - x.pre) / (100 - x.pre));
  return {
    pairs: n,
    meanPre: round(meanPre, 1),
    meanPost: round(meanPost, 1),
    meanGain: round(meanPost - meanPre, 1),
    normalisedGain: meanPre < 100 ? round((meanPost - meanPre) / (100 - meanPre)) : null,
    meanIndividualGain: gs.length ? round(gs.reduce((s, g) => s + g, 0) / gs.length) : null,
    improved: pairs.filter((x) => x.post > x.pre).length,
  };
};
