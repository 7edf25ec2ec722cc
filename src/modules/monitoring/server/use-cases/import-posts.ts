import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TIngestResult, ZImportRequest } from '../../contract.ts';
import { parseImport } from '../import-parse.ts';
import { ingestRaw } from '../ingest.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

export { MAX_IMPORT_ROWS } from '../import-parse.ts';

/** Imports a small file in one request and answers with the row-level report (large files: start-import). */
export const importPosts = async (deps: ModuleDeps, actor: Actor, req: z.infer<typeof ZImportRequest>): Promise<TIngestResult> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  const { raw, broken } = parseImport(req.format, req.source, req.content);
  const r = await ingestRaw(deps, actor, raw, 'file');
  return { ...r, rejected: r.rejected + broken.length, errors: [...broken, ...r.errors].sort((a, b) => a.index - b.index) };
};
