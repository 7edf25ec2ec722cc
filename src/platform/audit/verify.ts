import type { Db } from '../db/schema.ts';
import { type AuditRecordContent, GENESIS_HASH, hashRecord } from './audit.ts';

export type VerifyResult = { ok: true; records: number } | { ok: false; records: number; firstBadSeq: number; reason: 'content_altered' | 'chain_broken' };

/**
 * Walks the chain in order. A record whose stored hash does not match its content was
 * altered; a record whose prev_hash is not its predecessor's hash means one or more records
 * before it were deleted (or inserted out of band).
 */
export const verifyAuditChain = async (db: Db, batch = 5000): Promise<VerifyResult> => {
  let prev = GENESIS_HASH;
  let afterSeq = 0;
  let count = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return { ok: true, records: count };
    for (const r of rows) {
      const content: AuditRecordContent = {
        at: r.at.toISOString(),
        actor_id: r.actor_id,
        actor_name: r.actor_name,
        org_id: r.org_id,
        action: r.action,
        target_type: r.target_type,
        target_id: r.target_id,
        diff: r.diff,
        ip: r.ip,
        request_id: r.request_id,
      };
      if (r.prev_hash !== prev) return { ok: false, records: count, firstBadSeq: r.seq, reason: 'chain_broken' };
      if (hashRecord(r.prev_hash, content) !== r.hash) return { ok: false, records: count, firstBadSeq: r.seq, reason: 'content_altered' };
      prev = r.hash;
      afterSeq = r.seq;
      count++;
    }
  }
};
