import { describe, expect, it } from 'vitest';
import { analyseItems, knowledgeGain } from './item-analysis.ts';

const a = (score: number, correct: Record<string, boolean>) => ({ score, correct, questionIds: Object.keys(correct) });

describe('item analysis', () => {
  it('computes facility, upper-lower 27 % discrimination and point-biserial', () => {
    // 10 attempts; q1 is answered right exactly by the best five (perfect discriminator), q2 by everyone.
    const attempts = Array.from({ length: 10 }, (_, i) => a(100 - i * 10, { q1: i < 5, q2: true, q3: i >= 5 }));
    const byId = Object.fromEntries(analyseItems(attempts).map((s) => [s.questionId, s]));
    expect(byId.q1).toMatchObject({ n: 10, facility: 0.5, discrimination: 1 });
    expect(byId.q1?.pointBiserial).toBeCloseTo(0.87, 3); // (80 − 30) / 28.72 · 0.5
    expect(byId.q2).toMatchObject({ facility: 1, discrimination: 0, pointBiserial: null });
    expect(byId.q3).toMatchObject({ facility: 0.5, discrimination: -1 });
    expect(byId.q3?.pointBiserial).toBeCloseTo(-0.87, 3);
  });
  it('judges a question only on the attempts whose paper contained it', () => {
    const s = analyseItems([a(100, { x: true }), a(50, { y: false }), a(0, { x: false })]);
    expect(s.find((i) => i.questionId === 'x')).toMatchObject({ n: 2, facility: 0.5, discrimination: 1 });
    expect(analyseItems([a(80, { z: true })])[0]).toMatchObject({ n: 1, facility: 1, discrimination: null, pointBiserial: null });
  });
  it('computes mean and normalised knowledge gain', () => {
    expect(knowledgeGain([])).toMatchObject({ pairs: 0, meanGain: null });
    const g = knowledgeGain([
      { pre: 40, post: 70 },
      { pre: 60, post: 90 },
      { pre: 100, post: 90 },
    ]);
    expect(g).toMatchObject({ pairs: 3, meanPre: 66.7, meanPost: 83.3, meanGain: 16.7, improved: 2 });
    expect(g.normalisedGain).toBeCloseTo(0.5, 3); // (83.33 − 66.67) / 33.33
    expect(g.meanIndividualGain).toBeCloseTo(0.625, 3); // (0.5 + 0.75) / 2, the perfect pre-test excluded
  });
});
