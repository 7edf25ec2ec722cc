import { type TQuestionInput, type TQuestionType, ZQuestionInput } from '../../contract.ts';

/** Grading, answer normalisation and import parsing for the question bank. Pure functions. */

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** A question's answer in canonical form: choice keys sorted upper-case, T/F, or fill texts. */
export const canonicalAnswer = (type: TQuestionType, answer: readonly string[]): string[] => {
  if (type === 'fill') return answer.map((a) => a.trim());
  if (type === 'truefalse') return [/^(t|true|y|yes|对|正确|√|是)$/i.test((answer[0] ?? '').trim()) ? 'T' : 'F'];
  return [
    ...new Set(
      answer.flatMap((a) =>
        a
          .toUpperCase()
          .replace(/[^A-H]/g, '')
          .split(''),
      ),
    ),
  ].sort();
};

/** All-or-nothing: a multiple-choice answer must match exactly; fill-in accepts any listed answer. */
export const isCorrect = (q: { type: TQuestionType; answer: readonly string[] }, given: readonly string[] | undefined): boolean => {
  if (!given || given.length === 0) return false;
  if (q.type === 'fill') return q.answer.some((a) => norm(a) === norm(given[0] ?? ''));
  const g = q.type === 'truefalse' ? [(given[0] ?? '').toUpperCase()] : [...new Set(given.map((x) => x.toUpperCase()))].sort();
  return g.length === q.answer.length && g.every((x, i) => x === q.answer[i]);
};

export type RowError = { row: number; field: string; issue: string };

/** Checks a question beyond its schema: the answer must refer to existing options. */
export const checkQuestion = (q: TQuestionInput): { field: string; issue: string } | null => {
  const keys = new Set(q.options.map((o) => o.key));
  if (q.type === 'single' || q.type === 'multiple') {
    if (q.options.length < 2) return { field: 'options', issue: 'at_least_two_options' };
    if (keys.size !== q.options.length) return { field: 'options', issue: 'duplicate_option_key' };
    const a = canonicalAnswer(q.type, q.answer);
    if (a.length === 0 || a.some((k) => !keys.has(k))) return { field: 'answer', issue: 'answer_not_an_option' };
    if (q.type === 'single' && a.length !== 1) return { field: 'answer', issue: 'single_choice_needs_one_answer' };
  }
  if (q.type === 'truefalse' && q.options.length > 0) return { field: 'options', issue: 'true_false_has_no_options' };
  return null;
};

/**
 * Typed-up exam banks sometimes merge two options into one cell ("甲方案  B.乙方案" under A, with B
 * missing). When the next letter is absent and its marker appears inside the text, split there.
 */
export const splitMergedOptions = (options: { key: string; text: string }[]): { key: string; text: string }[] => {
  const keys = new Set(options.map((o) => o.key));
  const out: { key: string; text: string }[] = [];
  for (const o of options) {
    let cur = o;
    for (;;) {
      const next = String.fromCharCode(cur.key.charCodeAt(0) + 1);
      const m = keys.has(next) ? null : new RegExp(`^(.*?[^A-Za-z])${next}[.．、]\\s*(.+)$`).exec(cur.text);
      if (!m) break;
      out.push({ key: cur.key, text: (m[1] as string).trim() });
      keys.add(next);
      cur = { key: next, text: (m[2] as string).trim() };
    }
    out.push(cur);
  }
  return out;
};

/** The anti-counterfeit exam bank's shape ({title, options[{value,text}], type select|judge, single, answer}). */
const fromExamShape = (r: Record<string, unknown>): unknown => {
  const options = Array.isArray(r.options) ? (r.options as { value?: unknown; text?: unknown }[]) : [];
  const answer = String(r.answer ?? '');
  if (r.type === 'judge') return { type: 'truefalse', stem: r.title, options: [], answer: [answer === 'Y' ? 'T' : answer === 'N' ? 'F' : answer] };
  return {
    type: r.single === true ? 'single' : 'multiple',
    stem: r.title,
    options: withMissingOptions(splitMergedOptions(options.map((o) => ({ key: String(o.value ?? ''), text: String(o.text ?? '') }))), answer.split('')),
    answer: answer.split(''),
  };
};

export const MISSING_OPTION_TEXT = '（原题库缺失此选项文字）';

/** A source that lost an option's text entirely keeps the question, with a visible placeholder for that option. */
const withMissingOptions = (options: { key: string; text: string }[], answer: string[]) => {
  const keys = new Set(options.map((o) => o.key));
  const missing = answer.filter((k) => /^[A-H]$/.test(k) && !keys.has(k)).map((key) => ({ key, text: MISSING_OPTION_TEXT }));
  return [...options, ...missing].sort((a, b) => a.key.localeCompare(b.key));
};

const validate = (raw: unknown, row: number, out: TQuestionInput[], errors: RowError[]) => {
  const parsed = ZQuestionInput.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues.slice(0, 3)) errors.push({ row, field: i.path.join('.') || '(row)', issue: i.message });
    return;
  }
  const q = { ...parsed.data, answer: canonicalAnswer(parsed.data.type, parsed.data.answer) };
  const bad = checkQuestion(q);
  if (bad) errors.push({ row, ...bad });
  else out.push(q);
};

/** JSON: an array of questions in our shape or the exam-bank shape (rows numbered from 1). */
export type Parsed = { questions: TQuestionInput[]; errors: RowError[]; warnings: RowError[]; total: number };

export const parseJsonQuestions = (content: string): Parsed => {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return { questions: [], errors: [{ row: 0, field: '(file)', issue: 'invalid_json' }], warnings: [], total: 0 };
  }
  if (!Array.isArray(data)) return { questions: [], errors: [{ row: 0, field: '(file)', issue: 'expected_array' }], warnings: [], total: 0 };
  const questions: TQuestionInput[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  data.forEach((raw, i) => {
    const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
    const shaped = r && 'title' in r && !('stem' in r) ? fromExamShape(r) : raw;
    if (JSON.stringify(shaped ?? null).includes(MISSING_OPTION_TEXT)) warnings.push({ row: i + 1, field: 'options', issue: 'option_text_missing_in_source' });
    validate(shaped, i + 1, questions, errors);
  });
  return { questions, errors, warnings, total: data.length };
};

/** RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes). */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
};

export const CSV_COLUMNS = ['type', 'stem', 'A', 'B', 'C', 'D', 'E', 'F', 'answer', 'explanation', 'tags', 'difficulty'] as const;

/** CSV with a header row of CSV_COLUMNS (options E/F optional); tags separated by "|"; answer "AC", "T", or "答案一|答案二". */
export const parseCsvQuestions = (content: string): Parsed => {
  const rows = parseCsv(content);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const missing = ['type', 'stem', 'answer'].filter((c) => !header.includes(c));
  if (missing.length > 0) return { questions: [], errors: missing.map((c) => ({ row: 1, field: c, issue: 'missing_column' })), warnings: [], total: 0 };
  const questions: TQuestionInput[] = [];
  const errors: RowError[] = [];
  rows.slice(1).forEach((cells, i) => {
    const get = (c: string) => (cells[header.indexOf(c)] ?? '').trim();
    const type = get('type');
    const answer = get('answer');
    const raw = {
      type,
      stem: get('stem'),
      options: ['A', 'B', 'C', 'D', 'E', 'F'].filter((k) => header.includes(k) && get(k) !== '').map((key) => ({ key, text: get(key) })),
      answer: type === 'fill' ? answer.split('|') : type === 'truefalse' ? [answer] : answer.split(''),
      explanation: get('explanation'),
      tags: get('tags') ? get('tags').split('|') : [],
      difficulty: get('difficulty') ? Number(get('difficulty')) : 2,
    };
    validate(raw, i + 2, questions, errors);
  });
  return { questions, errors, warnings: [], total: rows.length - 1 };
};
