import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { allowedActions, requirePermission } from '../../../../kernel/policy.ts';
import type { Db } from '../../../../platform/db/schema.ts';
import { assertInScope, inScope } from '../../../../platform/scope.ts';
import { searchRank, searchWhere } from '../../../../platform/search/index.ts';
import type { TContentDetail, ZContentListQuery } from '../../contract.ts';
import { loadContentRow } from '../content-store.ts';
import type { VideoMeta } from '../db/tables.ts';
import { sanitizeContentHtml } from '../domain/sanitize.ts';
import { contentPolicy, EDU_PERMISSIONS } from '../policy.ts';
import { subtitlesUrlOf } from '../use-cases/upload-media.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

type ListQuery = z.infer<typeof ZContentListQuery>;

const summaryOf = (r: {
  id: string;
  kind: 'article' | 'video' | 'material';
  status: 'draft' | 'in_review' | 'published' | 'archived';
  title: string;
  summary: string;
  tags: string[];
  audiences: string[];
  version: number;
  author_name: string;
  reviewer_name: string | null;
  published_at: Date | null;
  updated_at: Date;
}) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  title: r.title,
  summary: r.summary,
  tags: r.tags,
  audiences: r.audiences,
  version: r.version,
  authorName: r.author_name,
  reviewerName: r.reviewer_name,
  publishedAt: iso(r.published_at),
  updatedAt: iso(r.updated_at) as string,
});

/** Staff list (scoped): every status, search over title, summary, body and tags. */
export const listContents = async (db: Db, actor: Actor, q: ListQuery) => {
  requirePermission(actor, EDU_PERMISSIONS.read);
  let base = db.selectFrom('edu_contents as c').where(inScope(actor, 'c.org_path')).where(searchWhere(q.q, 'c'));
  if (q.status) base = base.where('c.status', '=', q.status);
  if (q.kind) base = base.where('c.kind', '=', q.kind);
  if (q.tag) base = base.where(sql<boolean>`${q.tag} = any(${sql.ref('c.tags')})`);
  if (q.audience) base = base.where(sql<boolean>`${q.audience} = any(${sql.ref('c.audiences')})`);
  const [rows, total] = await Promise.all([
    base
      .selectAll('c')
      .orderBy(q.q ? searchRank(q.q, 'c') : 'c.updated_at', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(summaryOf), total: Number(total.n) };
};

export const getContent = async (db: Db, actor: Actor, id: string): Promise<TContentDetail> => {
  requirePermission(actor, EDU_PERMISSIONS.read);
  const row = await loadContentRow(db, id);
  assertInScope(actor, row);
  if (!row) throw new AppError('OUT_OF_SCOPE');
  const versions = await db
    .selectFrom('edu_content_versions')
    .select(['version', 'title', 'saved_by', 'saved_at', 'note'])
    .where('content_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return {
    ...summaryOf(row),
    bodyHtml: sanitizeContentHtml(row.body_html),
    video: row.video as VideoMeta | null,
    reviewComment: row.review_comment,
    allowedActions: allowedActions(contentPolicy, actor, row),
    versions: versions.map((v) => ({ version: v.version, title: v.title, savedBy: v.saved_by, savedAt: iso(v.saved_at) as string, note: v.note })),
  };
};

/** Portal: the last approved version of content that is not archived (a draft revision never leaks). */
const publicBase = (db: Db) =>
  db
    .selectFrom('edu_contents as c')
    .innerJoin('edu_content_versions as v', (j) => j.onRef('v.content_id', '=', 'c.id').onRef('v.version', '=', 'c.published_version'))
    .where('c.published_version', 'is not', null)
    .where('c.status', '<>', 'archived');

export const listPublicContents = async (
  db: Db,
  q: { q?: string | undefined; kind?: string | undefined; tag?: string | undefined; limit: number; offset: number },
) => {
  let base = publicBase(db).where(searchWhere(q.q, 'c'));
  if (q.kind) base = base.where('c.kind', '=', q.kind as 'article');
  if (q.tag) base = base.where(sql<boolean>`${q.tag} = any(${sql.ref('v.tags')})`);
  const rows = await base
    .select(['c.id', 'c.kind', 'v.title', 'v.summary', 'v.tags', 'c.audiences', 'c.published_at', 'c.video'])
    .orderBy(q.q ? searchRank(q.q, 'c') : 'c.published_at', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      tags: r.tags,
      audiences: r.audiences,
      publishedAt: iso(r.published_at),
      posterUrl: (r.video as VideoMeta | null)?.posterUrl ?? null,
    })),
  };
};

export const getPublicContent = async (db: Db, id: string) => {
  const r = await publicBase(db)
    .select(['c.id', 'c.kind', 'v.title', 'v.summary', 'v.body_html', 'v.tags', 'c.audiences', 'c.published_at', 'c.video', 'c.reviewer_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  const video = r.video as VideoMeta | null;
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    // Sanitised again on render: the stored HTML is never trusted on its own.
    bodyHtml: sanitizeContentHtml(r.body_html),
    tags: r.tags,
    audiences: r.audiences,
    publishedAt: iso(r.published_at),
    video: video ? { ...video, subtitlesUrl: video.subtitles ? subtitlesUrlOf(r.id) : null } : null,
  };
};
