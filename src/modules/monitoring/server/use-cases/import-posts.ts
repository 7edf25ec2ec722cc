import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TIngestResult, ZImportRequest } from '../../contract.ts';
import { ingestRaw } from '../ingest.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

const NUMERIC = ['reposts', 'comments', 'likes', 'followers'];
export const MAX_IMPORT_ROWS = 20_000;

/** CSV (header row) or JSON Lines; `index` in the report is the 1-based data row (CSV) or line (JSONL). */
export const importPosts = async (deps: ModuleDeps, actor: Actor, req: z.infer<typeof ZImportRequest>): Promise<TIngestResult> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  const raw: { index: number; item: unknown }[] = [];
  const broken: TIngestResult['errors'] = [];
  if (req.format === 'jsonl') {
    const lines = req.content.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        raw.push({ index: i + 1, item: { source: req.source, ...(JSON.parse(line) as object) } });
      } catch {
        broken.push({ index: i + 1, externalId: null, reason: 'invalid_json' });
      }
    });
  } else {
    let records: Record<string, string>[];
    try {
      records = parse(req.content, { columns: true, skip_empty_lines: true, bom: true, trim: true, relax_column_count: false });
    } catch (e) {
      const line = (e as { lines?: number }).lines;
      throw new AppError('VALIDATION_FAILED', [
        { field: 'body.content', issue: 'invalid_csv', message: `${line ? `line ${line}: ` : ''}${(e as Error).message.slice(0, 200)}` },
      ]);
    }
    records.forEach((rec, i) => {
      const item: Record<string, unknown> = { source: req.source };
      for (const [k, v] of Object.entries(rec)) {
        if (v === '') continue;
        item[k] = NUMERIC.includes(k) && /^\d+$/.test(v) ? Number(v) : v;
      }
      raw.push({ index: i + 1, item });
    });
  }
  if (raw.length + broken.length > MAX_IMPORT_ROWS)
    throw new AppError('VALIDATION_FAILED', [{ field: 'body.content', issue: 'too_many_rows', message: `max ${MAX_IMPORT_ROWS}` }]);
  if (raw.length + broken.length === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'body.content', issue: 'no_rows' }]);
  const r = await ingestRaw(deps, actor, raw, 'file');
  return { ...r, rejected: r.rejected + broken.length, errors: [...broken, ...r.errors].sort((a, b) => a.index - b.index) };
};
