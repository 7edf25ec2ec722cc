import { randomInt } from 'node:crypto';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Executor } from '../../../platform/db/schema.ts';
import { assertInScope, isPathInScope } from '../../../platform/scope.ts';
import type { EventFacts } from './policy.ts';

/** Unambiguous characters only (no 0/O, 1/I/L), so a code read aloud or typed from paper still works. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;
const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export const newCheckInCode = (): string => Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** The path the QR code points at: the staff check-in page, which checks the code in when opened. */
export const checkInPath = (code: string): string => `/campaigns/checkin/${code}`;
export const publicEventPath = (eventId: string): string => `/portal/events/${eventId}`;

/** What a scanner produced (the whole URL, or the bare code, perhaps lower-cased or with spaces) → the code. */
export const parseCheckInCode = (scanned: string): string | null => {
  const last =
    scanned
      .trim()
      .replace(/[?#].*$/, '')
      .split('/')
      .filter(Boolean)
      .pop() ?? '';
  const code = last.toUpperCase().replace(/[\s-]/g, '');
  return CODE_RE.test(code) ? code : null;
};

export const loadCampaign = async (db: Executor, actor: Actor, id: string) => {
  const c = await db.selectFrom('cmp_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  // Outlet staff see a branch campaign through the events their outlet runs.
  if (!isPathInScope(actor, c.org_path)) {
    const mine = await db.selectFrom('cmp_events').select('id').where('campaign_id', '=', id).where('org_path', 'like', `${actor.orgPath}%`).executeTakeFirst();
    if (!mine) throw new AppError('OUT_OF_SCOPE');
  }
  return c;
};

/** An event with what its policy needs; `lock` takes the row lock that serialises registrations and check-ins. */
export const loadEvent = async (db: Executor, actor: Actor | null, id: string, lock = false) => {
  let q = db
    .selectFrom('cmp_events as e')
    .innerJoin('cmp_campaigns as c', 'c.id', 'e.campaign_id')
    .selectAll('e')
    .select(['c.org_path as campaign_org_path', 'c.title as campaign_title', 'c.theme'])
    .where('e.id', '=', id);
  if (lock) q = q.forUpdate(['e']);
  const e = await q.executeTakeFirst();
  if (!e) throw new AppError('NOT_FOUND');
  if (actor && !isPathInScope(actor, e.org_path)) assertInScope(actor, { org_path: e.campaign_org_path });
  return e;
};

export const factsOf = (e: { status: EventFacts['status']; org_path: string; campaign_org_path: string; ends_at: Date }): EventFacts => ({
  status: e.status,
  org_path: e.org_path,
  campaign_org_path: e.campaign_org_path,
  ends_at: new Date(e.ends_at),
});

export const iso = (d: Date | string): string => new Date(d).toISOString();

/** Postgres unique violation (both engines report 23505). */
export const isUniqueViolation = (e: unknown, constraint?: string): boolean =>
  (e as { code?: string }).code === '23505' &&
  (!constraint || String((e as { constraint?: string; message?: string }).constraint ?? (e as Error).message).includes(constraint));

/** Campaign periods are calendar days in China time (UTC+8): an event on the last day still belongs to it. */
export const dayStart = (isoDate: string): Date => new Date(`${isoDate}T00:00:00+08:00`);
export const dayEnd = (isoDate: string): Date => new Date(dayStart(isoDate).getTime() + 86_400_000);
