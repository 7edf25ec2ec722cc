import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../kernel/actor.ts';
import type { Executor } from '../db/schema.ts';
import { redact } from '../pii/mask.ts';

/**
 * Append-only, hash-chained audit trail. Each record's hash covers its content and the
 * previous record's hash, so changing or deleting any record breaks the chain from there on
 * (`xiaobao audit verify` finds the first break). Writers serialise on one advisory lock
 * for the length of their transaction so the chain is linear on both engines.
 */
export const AUDIT_CHAIN_LOCK = 7_263_001;
export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra facts that are not a field change (e.g. which personal field was revealed). */
  note?: Record<string, unknown>;
};

export type AuditRecordContent = {
  at: string;
  actor_id: string | null;
  actor_name: string;
  org_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  diff: Record<string, unknown> | null;
  ip: string | null;
  request_id: string;
};

/** Keys sorted recursively so the hash does not depend on jsonb's key order. */
export const canonicalJson = (v: unknown): string => {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
};

export const hashRecord = (prevHash: string, content: AuditRecordContent): string =>
  createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');

/** Only the fields that changed, with personal data masked. */
export const diffOf = (
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, { from: unknown; to: unknown }> => {
  const b = (redact(before ?? {}) ?? {}) as Record<string, unknown>;
  const a = (redact(after ?? {}) ?? {}) as Record<string, unknown>;
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (canonicalJson(b[k]) !== canonicalJson(a[k])) out[k] = { from: b[k] ?? null, to: a[k] ?? null };
  }
  return out;
};

export const writeAudit = (tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> => writeAuditRecords(tx, [{ actor, entry }]);

/**
 * Appends several records, each on behalf of its own actor, in one statement (group commit of
 * concurrent requests). The chain is computed in order under the same lock as single writes.
 */
export const writeAuditRecords = async (tx: Executor, records: ReadonlyArray<{ actor: Actor; entry: AuditEntry }>): Promise<void> => {
  if (records.length === 0) return;
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const last = await tx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = records.map(({ actor, entry }) => {
    const changes = entry.before !== undefined || entry.after !== undefined ? diffOf(entry.before, entry.after) : undefined;
    const diff = changes || entry.note ? { ...(changes ? { changes } : {}), ...(entry.note ? { note: redact(entry.note) } : {}) } : null;
    const content: AuditRecordContent = {
      at: new Date().toISOString(),
      actor_id: actor.userId,
      actor_name: actor.username,
      org_id: actor.kind === 'user' ? actor.orgId : null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId ?? null,
      diff: diff as Record<string, unknown> | null,
      ip: actor.ip,
      request_id: actor.requestId,
    };
    const hash = hashRecord(prevHash, content);
    const row = { ...content, diff: JSON.stringify(content.diff), prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insertInto('audit_log').values(rows).execute();
};
