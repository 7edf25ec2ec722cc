import { sql } from 'kysely';
import { type Actor, systemActor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { listOrgRefs } from '../../../identity/index.ts';
import type { TImportStatus } from '../../contract.ts';
import { type CleanRow, cleanRow, type ImportError, readCustomerFile } from '../domain/import-rows.ts';
import { outreachJobs } from '../jobs.ts';
import { OUTREACH_PERMISSIONS } from '../policy.ts';

const CHUNK = 500;

/** Reads the file now (an unreadable file is refused at once), then imports it in the background with progress. */
export const startCustomerImport = async (
  deps: ModuleDeps,
  actor: Actor,
  input: { fileName: string; format: 'csv' | 'xlsx'; content: string },
): Promise<{ id: string }> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.customers);
  const rows = await readCustomerFile(input.format, input.content);
  const id = newId();
  await inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('outreach_imports')
      .values({
        id,
        file_name: input.fileName,
        status: 'queued',
        total: rows.length,
        errors: '[]',
        pending: JSON.stringify(rows),
        org_id: actor.orgId,
        org_path: actor.orgPath,
        created_by: actor.username,
      })
      .execute();
    await uow.audit({
      action: 'outreach.customers.import',
      targetType: 'outreach_import',
      targetId: id,
      after: { fileName: input.fileName, rows: rows.length },
    });
  });
  // After commit: the job reads the row (a crash before this line is picked up by outreach.resume).
  await deps.jobs.send(outreachJobs(deps).runImport, { importId: id });
  return { id };
};

/** Validates and inserts chunk by chunk; each chunk commits with its progress, so a restart continues where it stopped. */
export const processImport = async (deps: ModuleDeps, importId: string): Promise<void> => {
  const imp = await deps.db.selectFrom('outreach_imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!imp || imp.status === 'done' || !imp.pending) return;
  const orgs = (await listOrgRefs(deps.db)).filter((o) => o.path.startsWith(imp.org_path));
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const rows = imp.pending;
  const seen = new Map<string, number>();
  // Rows already processed before a restart still count for in-file duplicate detection.
  for (let i = 0; i < imp.processed; i++) {
    const m = rows[i]?.mobile;
    if (m) seen.set(m.replace(/\D/g, '').slice(-11), i + 2);
  }
  await deps.db.updateTable('outreach_imports').set({ status: 'running', heartbeat_at: deps.clock.now() }).where('id', '=', importId).execute();
  for (let start = imp.processed; start < rows.length; start += CHUNK) {
    const errors: ImportError[] = [];
    const clean: CleanRow[] = [];
    const codes = new Set(byCode.keys());
    for (const [k, raw] of rows.slice(start, start + CHUNK).entries()) {
      const line = start + k + 2;
      const r = cleanRow(raw, line, codes);
      if ('errors' in r) {
        errors.push(...r.errors);
        continue;
      }
      const first = r.ok.mobile ? seen.get(r.ok.mobile) : undefined;
      if (first) {
        errors.push({ row: line, field: 'mobile', issue: `duplicate_in_file:row_${first}` });
        continue;
      }
      if (r.ok.mobile) seen.set(r.ok.mobile, line);
      clean.push(r.ok);
    }
    await inTransaction(deps, systemActor(`import:${importId}`), async (uow) => {
      let inserted: { mobile: string | null }[] = [];
      if (clean.length) {
        inserted = await uow.tx
          .insertInto('outreach_customers')
          .values(
            clean.map((c) => {
              const org = byCode.get(c.homeOrgCode) as { id: string; path: string };
              return {
                id: newId(),
                name: c.name,
                mobile: c.mobile,
                email: c.email,
                wechat_openid: c.wechatOpenid,
                age_band: c.ageBand,
                gender: c.gender,
                occupation: c.occupation,
                home_org_id: org.id,
                home_org_code: c.homeOrgCode,
                org_path: org.path,
                consents: c.consents,
                opt_outs: [],
                import_id: importId,
              };
            }),
          )
          .onConflict((oc) => oc.column('mobile').where('mobile', 'is not', null).doNothing())
          .returning('mobile')
          .execute();
      }
      const got = new Set(inserted.map((r) => r.mobile));
      const dupes = clean.filter((c) => c.mobile && !got.has(c.mobile));
      for (const d of dupes) errors.push({ row: d.row, field: 'mobile', issue: 'duplicate_existing_customer' });
      errors.sort((a, b) => a.row - b.row);
      const processed = Math.min(start + CHUNK, rows.length);
      const done = processed >= rows.length;
      await uow.tx
        .updateTable('outreach_imports')
        .set({
          processed,
          heartbeat_at: deps.clock.now(),
          imported: sql`imported + ${inserted.length}`,
          duplicates: sql`duplicates + ${dupes.length + errors.filter((e) => e.issue.startsWith('duplicate_in_file')).length}`,
          errors: sql`errors || ${JSON.stringify(errors)}::jsonb`,
          ...(done ? { status: 'done' as const, pending: null, finished_at: deps.clock.now() } : {}),
        })
        .where('id', '=', importId)
        .execute();
      if (done) await uow.emit('outreach.customers_imported', { importId });
    });
  }
};

export const getImportStatus = async (deps: ModuleDeps, actor: Actor, id: string): Promise<TImportStatus> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.read);
  const r = await deps.db
    .selectFrom('outreach_imports')
    .select(['id', 'file_name', 'status', 'total', 'processed', 'imported', 'duplicates', 'errors', 'org_path'])
    .where('id', '=', id)
    .executeTakeFirst();
  assertInScope(actor, r);
  const row = r as NonNullable<typeof r>;
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status,
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    duplicates: row.duplicates,
    errors: row.errors.slice(0, 1000),
  };
};
