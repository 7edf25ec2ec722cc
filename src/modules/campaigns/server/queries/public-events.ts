import QRCode from 'qrcode';
import { AppError } from '../../../../kernel/errors.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { mask } from '../../../../platform/pii/mask.ts';
import type { TConfirmation, TPublicEvent } from '../../contract.ts';
import { checkInPath, iso, parseCheckInCode } from '../campaign-store.ts';
import type { Speaker } from '../db/tables.ts';

type Row = {
  id: string;
  title: string;
  campaign_title: string;
  theme: TPublicEvent['theme'];
  venue_type: TPublicEvent['venueType'];
  venue_name: string;
  address: string;
  description: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  registration_closes_at: Date;
  capacity: number;
  audiences: string[];
  speakers: unknown;
};

const baseQuery = (db: Executor) =>
  db
    .selectFrom('cmp_events as e')
    .innerJoin('cmp_campaigns as c', 'c.id', 'e.campaign_id')
    .selectAll('e')
    .select(['c.title as campaign_title', 'c.theme'])
    .select((eb) =>
      eb
        .selectFrom('cmp_registrations as r')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('r.event_id', '=', 'e.id')
        .where('r.walk_in', '=', false)
        .as('taken'),
    );

/** What the public may see of an event: no staff names, no counts beyond seats left. */
const publicOf = (e: Row & { taken: number | null }, now: Date): TPublicEvent => {
  const seatsLeft = Math.max(0, e.capacity - Number(e.taken ?? 0));
  return {
    id: e.id,
    title: e.title,
    campaignTitle: e.campaign_title,
    theme: e.theme,
    venueType: e.venue_type,
    venueName: e.venue_name,
    address: e.address,
    description: e.description,
    startsAt: iso(e.starts_at),
    endsAt: iso(e.ends_at),
    registrationClosesAt: iso(e.registration_closes_at),
    capacity: e.capacity,
    seatsLeft,
    isOpen: e.status === 'open' && new Date(e.registration_closes_at) > now && seatsLeft > 0,
    audiences: e.audiences,
    // Partners (a law firm, a police station) are named; staff speakers only by their role.
    speakers: (e.speakers as Speaker[]).map((s) =>
      s.kind === 'partner' ? { name: s.name, organisation: s.organisation } : { name: '星河银行讲师', organisation: s.organisation },
    ),
  };
};

/** Published events that have not ended, soonest first. */
export const listPublicEvents = async (db: Executor, now: Date): Promise<{ items: TPublicEvent[] }> => {
  const rows = await baseQuery(db).where('e.status', 'in', ['open', 'closed']).where('e.ends_at', '>', now).orderBy('e.starts_at').limit(100).execute();
  return { items: rows.map((r) => publicOf(r, now)) };
};

export const getPublicEvent = async (db: Executor, id: string, now: Date): Promise<TPublicEvent> => {
  const e = await baseQuery(db).where('e.id', '=', id).where('e.status', 'in', ['open', 'closed']).executeTakeFirst();
  if (!e) throw new AppError('NOT_FOUND');
  return publicOf(e, now);
};

/**
 * The confirmation a person keeps: the QR code encodes the check-in URL (the staff page that checks
 * the code in when opened); the code is also printed for typing. Anyone holding the code can see it,
 * so it shows nothing beyond masked name and phone.
 */
export const getConfirmation = async (db: Executor, rawCode: string, publicUrl: string, now: Date): Promise<TConfirmation> => {
  const code = parseCheckInCode(rawCode);
  const r = code ? await db.selectFrom('cmp_registrations').selectAll().where('code', '=', code).where('walk_in', '=', false).executeTakeFirst() : undefined;
  if (!r) throw new AppError('CAMPAIGN_CODE_UNKNOWN');
  const checkInUrl = `${publicUrl.replace(/\/$/, '')}${checkInPath(r.code)}`;
  const e = await baseQuery(db).where('e.id', '=', r.event_id).executeTakeFirstOrThrow();
  return {
    registrationId: r.id,
    code: r.code,
    checkInUrl,
    qrSvg: await qrSvgOf(checkInUrl),
    nameMasked: mask('name', r.name) ?? '',
    phoneMasked: mask('phone', r.phone) ?? '',
    status: r.status,
    event: publicOf(e, now),
  };
};

export const qrSvgOf = (text: string): Promise<string> => QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
