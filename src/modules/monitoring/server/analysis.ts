import { detectFraud, detectNegative, keywords, NearDuplicateIndex, normalize, sentiment, simhash } from '../../nlp/index.ts';
import type { TGrade, TPostInput } from '../contract.ts';
import { matchedTerms, matchQuery, parseQuery, type QueryNode } from './domain/boolean-query.ts';
import { type GradeRule, gradePost, reachOf } from './domain/grading.ts';

export type CompiledWatchlist = { id: string; name: string; kind: string; node: QueryNode };

export const compileWatchlist = (w: { id: string; name: string; kind: string; query: string }): CompiledWatchlist => ({
  id: w.id,
  name: w.name,
  kind: w.kind,
  node: parseQuery(w.query, (s) => normalize(s)),
});

export type Analysis = {
  normalised: string;
  sentiment: 'positive' | 'negative' | 'neutral';
  sentimentScore: number;
  negative: boolean;
  negativeEntities: string[];
  fraudType: string | null;
  simhash: string;
  keywords: string[];
  watchlistIds: string[];
  entities: string[];
};

/** Everything about one post that does not depend on other posts (pure; ≈ 0.1–0.3 ms). */
export const analysePost = (p: Pick<TPostInput, 'title' | 'text'>, watchlists: readonly CompiledWatchlist[]): Analysis => {
  const full = p.title ? `${p.title}。${p.text}` : p.text;
  const normalised = normalize(full);
  const matched = watchlists.filter((w) => matchQuery(w.node, normalised));
  // Brand and executive terms that occur are the entities the negativity may be about.
  const entities = [...new Set(matched.filter((w) => w.kind === 'brand' || w.kind === 'executive').flatMap((w) => [...matchedTerms(w.node, normalised)]))];
  const s = sentiment(full);
  // Negative-about-whom only matters for posts naming one of our entities (and is the costliest model).
  const neg = entities.length ? detectNegative(p.text, entities, p.title ?? '') : { negative: false, negativeEntities: [] as string[] };
  return {
    normalised,
    sentiment: s.label,
    sentimentScore: s.score,
    negative: s.label === 'negative' || neg.negative,
    negativeEntities: neg.negativeEntities,
    fraudType: detectFraud(full).fraudType,
    simhash: simhash(normalised),
    keywords: keywords(full, 6).map((k) => k.keyword),
    watchlistIds: matched.map((w) => w.id),
    entities,
  };
};

/** Assigns posts to stories: an existing story whose fingerprint is near, else a new story. */
export class StoryIndex {
  readonly #index = new NearDuplicateIndex<string>();
  readonly created = new Map<string, { id: string; title: string; simhash: string; orgPath: string }>();
  constructor(existing: readonly { id: string; simhash: string }[]) {
    for (const s of existing) this.#index.add(s.id, s.simhash, true);
  }
  assign(hash: string, title: string, orgPath: string, newId: () => string): string {
    const hit = this.#index.query(hash, true)[0];
    if (hit) return hit.id;
    const id = newId();
    this.#index.add(id, hash, true);
    this.created.set(id, { id, title: title.slice(0, 120), simhash: hash, orgPath });
    return id;
  }
}

export const gradeAnalysed = (rules: readonly GradeRule[], p: TPostInput, a: Analysis, storyPostsLastHour: number): { grade: TGrade; rule: string } | null => {
  // Only posts relevant to a watchlist are graded: the rest is background volume.
  if (a.watchlistIds.length === 0) return null;
  const r = gradePost(rules, {
    reach: reachOf({ reposts: p.reposts ?? 0, comments: p.comments ?? 0, likes: p.likes ?? 0 }),
    followers: p.followers ?? 0,
    tier: p.mediaTier ?? 'social',
    normalisedText: a.normalised,
    negative: a.negative,
    storyPostsLastHour,
    linkedComplaints: 0,
  });
  return r ? { grade: r.grade, rule: `${r.rule}: ${r.because.join(', ')}` } : null;
};
