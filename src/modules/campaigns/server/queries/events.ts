import type { Actor } from '../../../../kernel/actor.ts';
import { allowedActions, requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { mask } from '../../../../platform/pii/mask.ts';
import { escapeLike } from '../../../../platform/scope.ts';
import { orgNames } from '../../../identity/index.ts';
import type { TAttendanceReport, TEventDetail, TEventSummary, TRegistration } from '../../contract.ts';
import { factsOf, iso, loadEvent, publicEventPath } from '../campaign-store.ts';
import type { Speaker } from '../db/tables.ts';
import { CAMPAIGN_PERMISSIONS, eventPolicy } from '../policy.ts';
import { countsByEvent } from './event-counts.ts';

type EventRow = {
  id: string;
  campaign_id: string;
  title: string;
  status: TEventSummary['status'];
  venue_type: TEventSummary['venueType'];
  venue_name: string;
  org_id: string;
  starts_at: Date;
  ends_at: Date;
  registration_closes_at: Date;
  capacity: number;
};

const summaryOf = (e: EventRow, c: { registered: number; attended: number; walkIns: number }, orgName: string | undefined): TEventSummary => ({
  id: e.id,
  campaignId: e.campaign_id,
  title: e.title,
  status: e.status,
  venueType: e.venue_type,
  venueName: e.venue_name,
  orgId: e.org_id,
  orgName: orgName ?? '',
  startsAt: iso(e.starts_at),
  endsAt: iso(e.ends_at),
  registrationClosesAt: iso(e.registration_closes_at),
  capacity: e.capacity,
  ...c,
});

/** Events in the actor's scope (or every event of a campaign they plan), soonest first within a campaign. */
export const listEvents = async (
  db: Executor,
  actor: Actor,
  q: { campaignId?: string | undefined; wholeCampaign?: boolean; from?: string | undefined },
): Promise<{ items: TEventSummary[] }> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.read);
  let query = db.selectFrom('cmp_events').selectAll();
  if (q.campaignId) query = query.where('campaign_id', '=', q.campaignId);
  if (!q.wholeCampaign) query = query.where('org_path', 'like', `${escapeLike(actor.orgPath)}%`);
  if (q.from) query = query.where('ends_at', '>=', new Date(q.from));
  const rows = await query
    .orderBy('starts_at', q.campaignId ? 'asc' : 'desc')
    .limit(500)
    .execute();
  const counts = await countsByEvent(
    db,
    rows.map((r) => r.id),
  );
  const names = await orgNames(
    db,
    rows.map((r) => r.org_id),
  );
  return { items: rows.map((r) => summaryOf(r, counts(r.id), names.get(r.org_id))) };
};

export const attendanceOf = async (db: Executor, eventId: string, capacity: number): Promise<TAttendanceReport> => {
  const rows = await db
    .selectFrom('cmp_registrations')
    .select(['audience', 'channel', 'status', 'walk_in', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy(['audience', 'channel', 'status', 'walk_in'])
    .execute();
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + Number(r.n), 0);
  const audiences = [...new Set(rows.map((r) => r.audience ?? 'unknown'))];
  const channels = [...new Set(rows.map((r) => r.channel))];
  const registered = sum((r) => !r.walk_in);
  const attended = sum((r) => r.status === 'checked_in');
  const walkIns = sum((r) => r.walk_in);
  return {
    registered,
    attended,
    walkIns,
    noShows: registered - (attended - walkIns),
    capacity,
    byAudience: audiences.map((a) => ({
      audience: a,
      registered: sum((r) => (r.audience ?? 'unknown') === a && !r.walk_in),
      attended: sum((r) => (r.audience ?? 'unknown') === a && r.status === 'checked_in'),
    })),
    byChannel: channels.map((c) => ({ channel: c, people: sum((r) => r.channel === c) })),
  };
};

export const getEvent = async (db: Executor, actor: Actor, id: string): Promise<TEventDetail> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.read);
  const e = await loadEvent(db, actor, id);
  const attendance = await attendanceOf(db, id, e.capacity);
  const photos = await db
    .selectFrom('cmp_photos')
    .select(['id', 'name', 'mime', 'size', 'caption', 'uploaded_by'])
    .where('event_id', '=', id)
    .orderBy('created_at')
    .execute();
  const names = await orgNames(db, [e.org_id]);
  return {
    ...summaryOf(e, { registered: attendance.registered, attended: attendance.attended, walkIns: attendance.walkIns }, names.get(e.org_id)),
    campaignTitle: e.campaign_title,
    theme: e.theme,
    address: e.address,
    description: e.description,
    audiences: e.audiences,
    speakers: e.speakers as Speaker[],
    materials: e.materials,
    publicPath: publicEventPath(id),
    report: {
      summary: e.report_summary,
      extraReach: e.extra_reach,
      quizParticipants: e.quiz_participants,
      by: e.report_by,
      at: e.report_at ? iso(e.report_at) : null,
    },
    photos: photos.map((p) => ({ id: p.id, name: p.name, mime: p.mime, size: p.size, caption: p.caption, uploadedBy: p.uploaded_by })),
    attendance,
    allowedActions: allowedActions(eventPolicy, actor, factsOf(e)),
  };
};

/** The attendee list: names in full (staff greet people by name at the door), phones always masked. */
export const listRegistrations = async (
  db: Executor,
  actor: Actor,
  eventId: string,
  q: { status?: string | undefined },
): Promise<{ items: TRegistration[] }> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.read);
  await loadEvent(db, actor, eventId);
  let query = db.selectFrom('cmp_registrations').selectAll().where('event_id', '=', eventId);
  if (q.status === 'checked_in' || q.status === 'registered') query = query.where('status', '=', q.status);
  const rows = await query.orderBy('created_at').limit(5000).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      phoneMasked: mask('phone', r.phone) ?? '',
      audience: r.audience,
      channel: r.channel,
      status: r.status,
      walkIn: r.walk_in,
      checkedInAt: r.checked_in_at ? iso(r.checked_in_at) : null,
      createdAt: iso(r.created_at),
    })),
  };
};
