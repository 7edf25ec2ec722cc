import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import type { UnitOfWork } from '../../../../platform/db/unit-of-work.ts';
import { buildSearchDocument } from '../../../../platform/search/index.ts';
import { findStaffCovering, type OrgRef } from '../../../identity/index.ts';
import { OPEN_STATUSES, type TChannel } from '../../contract.ts';
import { appendEvent } from '../complaint-store.ts';
import { shanghaiDate } from '../domain/calendar.ts';
import { computeClock } from '../domain/clock.ts';

export type NewComplaint = {
  channel: TChannel;
  regulatorTicket?: string | undefined;
  receivedAt: Date;
  org: OrgRef;
  receivingOrgId: string;
  complainantName: string;
  phone: string;
  idNumber?: string | undefined;
  party?: Record<string, unknown> | undefined;
  title?: string | undefined;
  facts: string;
  request: string;
  businessCategory?: string | undefined;
  cause?: string | undefined;
  elderly?: boolean | undefined;
  mediaExposure?: boolean | undefined;
  groupSize?: number | undefined;
  inPersonGroup?: boolean | undefined;
  /** Staff who received it in person own it (首问负责); other channels are routed. */
  firstResponder: { id: string; name: string } | null;
};

/** ≥ 20 complainants in person as a group make a major complaint (办法 Art 29). */
export const MAJOR_GROUP_SIZE = 20;

/**
 * Routing: the eligible complaint handler covering the case's org with the fewest open cases;
 * staff of the outlet complained about are recused (办法 Art 17).
 */
export const routeToHandler = async (uow: UnitOfWork, orgPath: string, isOutlet: boolean) => {
  const candidates = (await findStaffCovering(uow.tx, orgPath, 'complaint_handler')).filter((s) => !(isOutlet && s.orgPath === orgPath));
  if (candidates.length === 0) return null;
  const loads = await uow.tx
    .selectFrom('complaints')
    .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(
      'owner_id',
      'in',
      candidates.map((c) => c.id),
    )
    .where('status', 'in', [...OPEN_STATUSES])
    .groupBy('owner_id')
    .execute();
  const load = new Map(loads.map((l) => [l.owner_id, Number(l.n)]));
  return [...candidates].sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.username.localeCompare(b.username))[0] ?? null;
};

export const createComplaint = async (
  uow: UnitOfWork,
  actor: Actor,
  input: NewComplaint,
  now: Date,
): Promise<{ id: string; trackingCode: string; deadline: string }> => {
  const { tx } = uow;
  const seq = await sql<{ n: number }>`select nextval('complaint_tracking_seq')::int as n`.execute(tx);
  const trackingCode = `TS${shanghaiDate(input.receivedAt).replaceAll('-', '')}${String(seq.rows[0]?.n ?? 0).padStart(6, '0')}`;
  const repeat = await tx
    .selectFrom('complaints')
    .select('id')
    .where('phone', '=', input.phone)
    .where('received_at', '>', new Date(input.receivedAt.getTime() - 365 * 86_400_000))
    .limit(1)
    .executeTakeFirst();
  const flags = [
    input.elderly && 'elderly',
    repeat && 'repeat',
    input.channel === 'regulator' && 'regulator',
    (input.channel === 'media' || input.mediaExposure) && 'media',
    (input.groupSize ?? 1) > 1 && 'group',
    input.inPersonGroup && (input.groupSize ?? 0) >= MAJOR_GROUP_SIZE && 'major',
  ].filter((f): f is string => typeof f === 'string');

  const owner =
    input.firstResponder ??
    (await routeToHandler(uow, input.org.path, input.org.type === 'outlet').then((h) => (h ? { id: h.id, name: h.displayName } : null)));
  const id = newId();
  // A new case's clock has one event, its receipt: compute it here instead of re-reading it.
  const clock = computeClock([{ type: 'received', at: input.receivedAt }], now);
  const title = input.title?.trim() || input.facts.replace(/\s+/g, ' ').slice(0, 40);
  await tx
    .insertInto('complaints')
    .values({
      id,
      tracking_code: trackingCode,
      channel: input.channel,
      regulator_ticket: input.regulatorTicket ?? null,
      received_at: input.receivedAt,
      org_id: input.org.id,
      org_path: input.org.path,
      receiving_org_id: input.receivingOrgId,
      first_responder_id: input.firstResponder?.id ?? null,
      first_responder_name: input.firstResponder?.name ?? owner?.name ?? '系统分派',
      owner_id: owner?.id ?? null,
      owner_name: owner?.name ?? null,
      status: 'registered',
      complainant_name: input.complainantName,
      phone: input.phone,
      id_number: input.idNumber ?? null,
      party: JSON.stringify(input.party ?? { role: 'self' }),
      title,
      facts: input.facts,
      request: input.request,
      business_category: input.businessCategory ?? null,
      cause: input.cause ?? null,
      flags,
      group_size: input.groupSize ?? null,
      deadline: clock.deadline,
      stage: clock.stage,
      decision: JSON.stringify(null),
      created_at: input.receivedAt,
      updated_at: input.receivedAt,
      ...buildSearchDocument([trackingCode, title, input.facts, input.request]),
    })
    .execute();
  await appendEvent(tx, id, actor, 'received', { channel: input.channel, flags, ownerName: owner?.name ?? null }, input.receivedAt);
  await uow.audit({
    action: 'complaint.registered',
    targetType: 'complaint',
    targetId: id,
    after: { tracking_code: trackingCode, channel: input.channel, phone: input.phone, flags },
  });
  // Contract agreed with outreach: phone is the normalised 11-digit mobile (the schemas normalise it).
  await uow.emit('complaint.registered', {
    complaintId: id,
    orgId: input.org.id,
    flags,
    channel: input.channel,
    phone: input.phone,
    ...(input.businessCategory ? { businessCategory: input.businessCategory } : {}),
  });
  if (flags.includes('major')) await uow.emit('complaint.major_registered', { complaintId: id, groupSize: input.groupSize ?? 0 });
  return { id, trackingCode, deadline: clock.deadline };
};
