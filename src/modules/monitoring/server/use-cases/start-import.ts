import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZImportJobRequest } from '../../contract.ts';
import { parseImport } from '../import-parse.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/**
 * Checks the file's shape (a CSV that does not parse is refused at once), stores it as an import
 * job and answers; `runImportJob` then ingests it in chunks the page can follow.
 */
export const startImport = async (deps: ModuleDeps, actor: Actor, req: z.infer<typeof ZImportJobRequest>): Promise<{ id: string; total: number }> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  const { total } = parseImport(req.format, req.source, req.content);
  const id = newId();
  await inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('monitor_import_jobs')
      .values({
        id,
        format: req.format,
        source: req.source,
        file_name: req.fileName ?? null,
        content: req.content,
        total,
        actor: JSON.stringify({
          kind: actor.kind,
          userId: actor.userId,
          username: actor.username,
          orgId: actor.orgId,
          orgPath: actor.orgPath,
          roles: actor.roles,
        }),
        created_by_name: actor.username,
        org_id: actor.orgId,
        org_path: actor.orgPath,
      })
      .execute();
    await uow.audit({
      action: 'monitoring.import_started',
      targetType: 'monitor_import_job',
      targetId: id,
      after: { format: req.format, source: req.source, fileName: req.fileName ?? null, total },
    });
  });
  return { id, total };
};
