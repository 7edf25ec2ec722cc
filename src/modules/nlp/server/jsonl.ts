import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { z } from 'zod';
import { type NlpTask, ZLabelledLine, ZNegativeLine, ZTextLine } from '../contract.ts';
import { classifyComplaint, detectFraud, detectNegative, sentiment } from './engine.ts';
import { evaluate, type Metrics } from './metrics.ts';

/**
 * Streams JSON Lines through one task. A bad line yields `{id, error:{code, message}}` and the run
 * continues; only an unreadable input is fatal (the caller maps that to a non-zero exit).
 */
const idOf = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? ((v as { id: unknown }).id as string | number | null) : null);

export const runLine = (task: NlpTask, line: string): Record<string, unknown> | undefined => {
  if (line.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { id: null, error: { code: 'INVALID_JSON', message: e instanceof Error ? e.message : 'invalid JSON' } };
  }
  const schema: z.ZodType = task === 'negative' ? ZNegativeLine : ZTextLine;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ');
    return { id: idOf(json) ?? null, error: { code: 'INVALID_LINE', message } };
  }
  const row = parsed.data as { id?: string | number | null; text: string; entities?: string[]; title?: string };
  const id = row.id ?? null;
  if (task === 'sentiment') return { id, ...sentiment(row.text) };
  if (task === 'negative') {
    const r = detectNegative(row.text, row.entities ?? [], row.title ?? '');
    return { id, negative: r.negative, score: r.score, negativeEntities: r.negativeEntities };
  }
  if (task === 'classify') {
    const r = classifyComplaint(row.text);
    return { id, businessCategory: r.businessCategory, cause: r.cause, confidence: r.confidence, needsHuman: r.needsHuman };
  }
  const r = detectFraud(row.text);
  return { id, fraudType: r.fraudType, score: r.score };
};

export const openInput = (path: string): NodeJS.ReadableStream => (path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' }));
export const openOutput = (path: string): Writable => (path === '-' ? process.stdout : createWriteStream(path, { encoding: 'utf8' }));

const lines = (input: NodeJS.ReadableStream) => createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });

export const runTask = async (task: NlpTask, input: NodeJS.ReadableStream, output: Writable, progress?: (n: number) => void) => {
  let n = 0;
  let errors = 0;
  for await (const line of lines(input)) {
    const out = runLine(task, line);
    if (!out) continue;
    n++;
    if ('error' in out) errors++;
    if (!output.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => output.once('drain', r));
    if (progress && n % 5000 === 0) progress(n);
  }
  await new Promise<void>((resolve) => (output === process.stdout ? resolve() : output.end(resolve)));
  return { n, errors };
};

/** Maps dataset labels onto the task's labels (0/1 sentiment data are negative/positive). */
const goldLabel = (task: NlpTask, label: string | number): string => {
  const l = String(label).trim().toLowerCase();
  if (task === 'sentiment') return ({ '0': 'negative', '1': 'positive', '2': 'neutral' } as Record<string, string>)[l] ?? l;
  if (task === 'negative') return ['1', 'true', 'negative'].includes(l) ? 'negative' : 'not_negative';
  if (task === 'fraud') return l === '' || l === 'null' || l === 'none' ? 'none' : l;
  return l.toUpperCase();
};

export type EvalReport = Metrics & { task: NlpTask; binary: boolean; skipped: number };

export const runEval = async (task: NlpTask, input: NodeJS.ReadableStream, field: 'businessCategory' | 'cause' = 'businessCategory'): Promise<EvalReport> => {
  const rows: { text: string; gold: string; entities: string[] }[] = [];
  let skipped = 0;
  for await (const line of lines(input)) {
    if (!line.trim()) continue;
    try {
      const p = ZLabelledLine.safeParse(JSON.parse(line));
      if (!p.success) {
        skipped++;
        continue;
      }
      const d = p.data as { text: string; label: string | number; entities?: unknown };
      rows.push({ text: d.text, gold: goldLabel(task, d.label), entities: Array.isArray(d.entities) ? d.entities.filter((e) => typeof e === 'string') : [] });
    } catch {
      skipped++;
    }
  }
  const golds = new Set(rows.map((r) => r.gold));
  const binary = task === 'sentiment' && !golds.has('neutral');
  const pred = rows.map((r) => {
    if (task === 'sentiment') {
      const s = sentiment(r.text);
      return binary ? (s.probs.positive >= s.probs.negative ? 'positive' : 'negative') : s.label;
    }
    if (task === 'negative') return detectNegative(r.text, r.entities).negative ? 'negative' : 'not_negative';
    if (task === 'fraud') return detectFraud(r.text).fraudType ?? 'none';
    const c = classifyComplaint(r.text);
    return field === 'cause' ? c.cause : c.businessCategory;
  });
  const labels = task === 'sentiment' ? (binary ? ['positive', 'negative'] : ['positive', 'negative', 'neutral']) : undefined;
  return {
    task,
    binary,
    skipped,
    ...evaluate(
      rows.map((r) => r.gold),
      pred,
      labels,
    ),
  };
};
