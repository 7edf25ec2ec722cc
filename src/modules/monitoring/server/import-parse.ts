import { parse } from 'csv-parse/sync';
import { AppError } from '../../../kernel/errors.ts';
import type { TIngestResult } from '../contract.ts';

const NUMERIC = ['reposts', 'comments', 'likes', 'followers'];
export const MAX_IMPORT_ROWS = 20_000;

export type ParsedImport = { raw: { index: number; item: unknown }[]; broken: TIngestResult['errors']; total: number };

/**
 * CSV (header row) or JSON Lines → raw items for `ingestRaw`; `index` is the 1-based data row (CSV)
 * or line (JSONL). A CSV that does not parse, too many rows or none refuse the whole file (400).
 */
export const parseImport = (format: 'csv' | 'jsonl', source: string, content: string): ParsedImport => {
  const raw: ParsedImport['raw'] = [];
  const broken: ParsedImport['broken'] = [];
  if (format === 'jsonl') {
    content.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const v = JSON.parse(line) as unknown;
        raw.push({ index: i + 1, item: v && typeof v === 'object' && !Array.isArray(v) ? { source, ...(v as object) } : v });
      } catch {
        broken.push({ index: i + 1, externalId: null, reason: 'invalid_json' });
      }
    });
  } else {
    let records: Record<string, string>[];
    try {
      records = parse(content, { columns: true, skip_empty_lines: true, bom: true, trim: true, relax_column_count: false });
    } catch (e) {
      const line = (e as { lines?: number }).lines;
      throw new AppError('VALIDATION_FAILED', [
        { field: 'body.content', issue: 'invalid_csv', message: `${line ? `line ${line}: ` : ''}${(e as Error).message.slice(0, 200)}` },
      ]);
    }
    records.forEach((rec, i) => {
      const item: Record<string, unknown> = { source };
      for (const [k, v] of Object.entries(rec)) {
        if (v === '') continue;
        item[k] = NUMERIC.includes(k) && /^\d+$/.test(v) ? Number(v) : v;
      }
      raw.push({ index: i + 1, item });
    });
  }
  const total = raw.length + broken.length;
  if (total > MAX_IMPORT_ROWS) throw new AppError('VALIDATION_FAILED', [{ field: 'body.content', issue: 'too_many_rows', message: `max ${MAX_IMPORT_ROWS}` }]);
  if (total === 0) throw new AppError('VALIDATION_FAILED', [{ field: 'body.content', issue: 'no_rows' }]);
  return { raw, broken, total };
};
