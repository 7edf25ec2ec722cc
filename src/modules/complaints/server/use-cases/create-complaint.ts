import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import type { UnitOfWork } from '../../../../platform/db/unit-of-work.ts';
import { buildSearchDocument } from '../../../../platform/search/index.ts';
import type { OrgRef } from '../../../identity/index.ts';
import type { TChannel } from '../../contract.ts';
import { appendEvents } from '../complaint-store.ts';
import { shanghaiDate } from '../domain/calendar.ts';
import { computeClock } from '../domain/clock.ts';
import { planOwners } from '../routing.ts';

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

export type CreateItem = { actor: Actor; input: NewComplaint /** Pre-allocated when an idempotency row must point at it. */; id?: string };
export type Created = { id: string; trackingCode: string; deadline: string };

const YEAR_MS = 365 * 86_400_000;

/** The newest receipt per phone, one index probe each (complaints_phone_received). */
const latestByPhone = async (uow: UnitOfWork, phones: string[]): Promise<Map<string, Date>> => {
  const rows = await sql<{
    phone: string;
    last: Date | null;
  }>`select p.phone, (select c.received_at from complaints c where c.phone = p.phone order by c.received_at desc limit 1) as last
    from unnest(cast(${phones} as text[])) as p(phone)`.execute(uow.tx);
  return new Map(rows.rows.filter((r) => r.last).map((r) => [r.phone, new Date(r.last as Date)]));
};

export const createComplaint = async (uow: UnitOfWork, actor: Actor, input: NewComplaint, now: Date): Promise<Created> => {
  const [created] = await createComplaints(uow, [{ actor, input }], now);
  return created as Created;
};

/**
 * Writes several new cases in one transaction with multi-row statements (used by one request, or
 * by the group commit of concurrent intakes). Outcomes are those of creating them one by one in
 * order: a later case with the same phone is a repeat of an earlier one, routing counts earlier
 * assignments.
 */
export const createComplaints = async (uow: UnitOfWork, items: ReadonlyArray<CreateItem>, now: Date): Promise<Created[]> => {
  const { tx } = uow;
  if (items.length === 0) return [];
  const seq = await sql<{ n: number }>`select nextval('complaint_tracking_seq')::int as n from generate_series(1, ${items.length})`.execute(tx);
  const latest = await latestByPhone(uow, [...new Set(items.map((i) => i.input.phone))]);
  const routed = items.filter((i) => !i.input.firstResponder);
  const routedOwners = await planOwners(
    tx,
    routed.map((i) => ({ org: i.input.org })),
  );
  const ownerOf = new Map(routed.map((it, k) => [it, routedOwners[k] ?? null]));

  const rows = items.map((item, k) => {
    const { input } = item;
    const trackingCode = `TS${shanghaiDate(input.receivedAt).replaceAll('-', '')}${String(seq.rows[k]?.n ?? 0).padStart(6, '0')}`;
    const last = latest.get(input.phone);
    const isRepeat = !!last && last.getTime() > input.receivedAt.getTime() - YEAR_MS;
    if (!last || input.receivedAt > last) latest.set(input.phone, input.receivedAt);
    const flags = [
      input.elderly && 'elderly',
      isRepeat && 'repeat',
      input.channel === 'regulator' && 'regulator',
      (input.channel === 'media' || input.mediaExposure) && 'media',
      (input.groupSize ?? 1) > 1 && 'group',
      input.inPersonGroup && (input.groupSize ?? 0) >= MAJOR_GROUP_SIZE && 'major',
    ].filter((f): f is string => typeof f === 'string');
    const owner = input.firstResponder ?? ownerOf.get(item) ?? null;
    // A new case's clock has one event, its receipt: compute it here instead of re-reading it.
    const clock = computeClock([{ type: 'received', at: input.receivedAt }], now);
    const title = input.title?.trim() || input.facts.replace(/\s+/g, ' ').slice(0, 40);
    return { item, id: item.id ?? newId(), trackingCode, flags, owner, clock, title };
  });

  await tx
    .insertInto('complaints')
    .values(
      rows.map(({ item: { input }, id, trackingCode, flags, owner, clock, title }) => ({
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
        status: 'registered' as const,
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
      })),
    )
    .execute();
  await appendEvents(
    tx,
    rows.map(({ item, id, flags, owner }) => ({
      complaintId: id,
      actor: item.actor,
      type: 'received',
      data: { channel: item.input.channel, flags, ownerName: owner?.name ?? null },
      at: item.input.receivedAt,
    })),
  );
  await uow.auditAs(
    rows.map(({ item, id, trackingCode, flags }) => ({
      actor: item.actor,
      entry: {
        action: 'complaint.registered',
        targetType: 'complaint',
        targetId: id,
        after: { tracking_code: trackingCode, channel: item.input.channel, phone: item.input.phone, flags },
      },
    })),
  );
  await uow.emitAs(
    rows.flatMap(({ item: { actor, input }, id, flags }) => [
      // Contract agreed with outreach: phone is the normalised 11-digit mobile (the schemas normalise it).
      {
        actor,
        name: 'complaint.registered',
        payload: {
          complaintId: id,
          orgId: input.org.id,
          flags,
          channel: input.channel,
          phone: input.phone,
          ...(input.businessCategory ? { businessCategory: input.businessCategory } : {}),
        },
      },
      ...(flags.includes('major') ? [{ actor, name: 'complaint.major_registered', payload: { complaintId: id, groupSize: input.groupSize ?? 0 } }] : []),
    ]),
  );
  return rows.map((r) => ({ id: r.id, trackingCode: r.trackingCode, deadline: r.clock.deadline }));
};
