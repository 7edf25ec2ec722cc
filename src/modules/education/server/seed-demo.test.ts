import { describe, expect, it } from 'vitest';
import { TOPIC_TAGS } from '../contract.ts';
import { checkQuestion } from './domain/questions.ts';
import { SEED_ARTICLES, SEED_COURSE, SEED_VIDEOS } from './seed-content.ts';
import { seedQuestionInputs } from './seed-demo.ts';

describe('original seed content', () => {
  const qs = seedQuestionInputs();
  it('has ≥120 well-formed questions covering rights, AML, fraud types, cards, loans and the elderly', () => {
    expect(qs.length).toBeGreaterThanOrEqual(120);
    for (const q of qs) expect(checkQuestion(q), q.stem).toBeNull();
    expect(new Set(qs.map((q) => q.stem)).size).toBe(qs.length);
    const tags = new Set(qs.flatMap((q) => q.tags));
    for (const t of Object.keys(TOPIC_TAGS).filter((k) => k.startsWith('right.'))) expect(tags.has(t as never), t).toBe(true);
    for (const t of [
      'aml.no_rental',
      'fraud.rebate',
      'fraud.investment',
      'fraud.loan',
      'fraud.impersonate_police',
      'topic.cards',
      'topic.loans',
      'topic.elderly',
      'fraud.pension',
    ])
      expect(qs.filter((q) => q.tags.includes(t as never)).length, t).toBeGreaterThanOrEqual(3);
    expect(new Set(qs.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'fill']));
  });
  it('has ≥10 articles, 3 video records and a course whose lessons all exist', () => {
    expect(SEED_ARTICLES.length).toBeGreaterThanOrEqual(10);
    expect(SEED_VIDEOS).toHaveLength(3);
    const titles = new Set([...SEED_ARTICLES, ...SEED_VIDEOS].map((a) => a.title));
    for (const ch of SEED_COURSE.chapters) for (const l of ch.lessons) expect(titles.has(l), l).toBe(true);
  });
});
