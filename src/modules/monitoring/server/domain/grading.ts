import type { TGrade, TMediaTier, TRuleCondition } from '../../contract.ts';

export type GradeRule = { id: string; grade: TGrade; name: string; priority: number; condition: TRuleCondition };
export type GradeFacts = {
  reach: number;
  followers: number;
  tier: TMediaTier;
  normalisedText: string;
  negative: boolean;
  storyPostsLastHour: number;
  linkedComplaints: number;
};
export type GradeResult = { grade: TGrade; rule: string; because: string[] } | null;

const ORDER: Record<TGrade, number> = { I: 0, II: 1, III: 2 };

/** Reach = reposts + comments + likes: the interactions that spread a post. */
export const reachOf = (p: { reposts: number; comments: number; likes: number }): number => p.reposts + p.comments + p.likes;

/** Why a condition holds (for the explanation shown next to the grade), or null when it does not. */
const check = (c: TRuleCondition, f: GradeFacts): string[] | null => {
  const because: string[] = [];
  if (c.minReach !== undefined) {
    if (f.reach < c.minReach) return null;
    because.push(`reach ${f.reach} ≥ ${c.minReach}`);
  }
  if (c.minFollowers !== undefined) {
    if (f.followers < c.minFollowers) return null;
    because.push(`followers ${f.followers} ≥ ${c.minFollowers}`);
  }
  if (c.tiers) {
    if (!c.tiers.includes(f.tier)) return null;
    because.push(`tier ${f.tier}`);
  }
  if (c.anyTerms) {
    const hit = c.anyTerms.filter((t) => f.normalisedText.includes(t.toLowerCase()));
    if (hit.length === 0) return null;
    because.push(`terms ${hit.join('/')}`);
  }
  if (c.negativeOnly) {
    if (!f.negative) return null;
    because.push('negative');
  }
  if (c.minStoryPostsPerHour !== undefined) {
    if (f.storyPostsLastHour < c.minStoryPostsPerHour) return null;
    because.push(`story ${f.storyPostsLastHour}/h ≥ ${c.minStoryPostsPerHour}`);
  }
  if (c.minLinkedComplaints !== undefined) {
    if (f.linkedComplaints < c.minLinkedComplaints) return null;
    because.push(`complaints ${f.linkedComplaints} ≥ ${c.minLinkedComplaints}`);
  }
  return because;
};

/** The most severe grade whose rule fires; among rules of one grade, lower priority numbers first. */
export const gradePost = (rules: readonly GradeRule[], f: GradeFacts): GradeResult => {
  const sorted = [...rules].sort((a, b) => ORDER[a.grade] - ORDER[b.grade] || a.priority - b.priority);
  for (const r of sorted) {
    const because = check(r.condition, f);
    if (because) return { grade: r.grade, rule: r.name, because };
  }
  return null;
};

export const DEFAULT_GRADE_RULES: Omit<GradeRule, 'id'>[] = [
  {
    grade: 'I',
    name: '群体性事件/挤兑 Group incident or bank run',
    priority: 10,
    condition: { anyTerms: ['挤兑', '群体事件', '围堵', '聚集', '集体维权'], negativeOnly: true },
  },
  { grade: 'I', name: '全国性媒体负面 National media, negative', priority: 20, condition: { tiers: ['national'], negativeOnly: true } },
  { grade: 'I', name: '热点快速传播 Trending: reach ≥ 10,000', priority: 30, condition: { minReach: 10_000, negativeOnly: true } },
  { grade: 'II', name: '传播加速 Spreading: story ≥ 20 posts/h', priority: 10, condition: { minStoryPostsPerHour: 20, negativeOnly: true } },
  {
    grade: 'II',
    name: '敏感词 Sensitive terms',
    priority: 20,
    condition: { anyTerms: ['维权', '暴力催收', '投诉无门', '诈骗', '曝光', '315'], negativeOnly: true },
  },
  {
    grade: 'II',
    name: '地方/行业媒体负面 Regional or industry media, negative',
    priority: 30,
    condition: { tiers: ['regional', 'industry'], negativeOnly: true },
  },
  { grade: 'III', name: '一般负面 Other negative', priority: 100, condition: { negativeOnly: true } },
];
