import type { Executor } from '../../../platform/db/schema.ts';
import { findOrg, type OrgRef } from '../../identity/index.ts';

const TTL_MS = 30_000;

/**
 * Org lookups by code for intake, cached briefly: every integration or portal request names the
 * same few outlets, and an org's code, id and path practically never change (a re-parented org
 * is picked up within the TTL).
 */
export const createOrgCache = (db: Executor, ttlMs = TTL_MS) => {
  const byCode = new Map<string, { org: OrgRef | null; at: number }>();
  return async (code: string): Promise<OrgRef | null> => {
    const hit = byCode.get(code);
    if (hit && Date.now() - hit.at < ttlMs) return hit.org;
    const org = await findOrg(db, { code });
    if (byCode.size > 10_000) byCode.clear();
    byCode.set(code, { org, at: Date.now() });
    return org;
  };
};
