/**
 * Masking of personal data for lists, logs and audit diffs (个人信息去标识化展示).
 * The rules follow common practice in Chinese banking front ends: keep enough to recognise
 * the record (prefix/suffix), hide the rest.
 */
export type PiiKind = 'phone' | 'idNumber' | 'card' | 'name' | 'email' | 'secret';

const keep = (s: string, head: number, tail: number, fill = '*'): string => {
  if (s.length <= head + tail) return fill.repeat(Math.max(s.length, 1));
  return s.slice(0, head) + fill.repeat(s.length - head - tail) + s.slice(s.length - tail);
};

export const maskPhone = (v: string): string => {
  const digits = v.replace(/\s+/g, '');
  return digits.length >= 7 ? keep(digits, 3, 4) : keep(digits, 0, 0);
};
export const maskIdNumber = (v: string): string => keep(v.trim(), 4, 4);
export const maskCard = (v: string): string => keep(v.replace(/[\s-]+/g, ''), 4, 4);
export const maskName = (v: string): string => (v.length <= 1 ? '*' : v.slice(0, 1) + '*'.repeat(Math.min(v.length - 1, 3)));
export const maskEmail = (v: string): string => {
  const [user = '', domain = ''] = v.split('@');
  return `${keep(user, 1, 0)}@${domain}`;
};

export const mask = (kind: PiiKind, v: string | null | undefined): string | null => {
  if (v === null || v === undefined || v === '') return v ?? null;
  switch (kind) {
    case 'phone':
      return maskPhone(v);
    case 'idNumber':
      return maskIdNumber(v);
    case 'card':
      return maskCard(v);
    case 'name':
      return maskName(v);
    case 'email':
      return maskEmail(v);
    case 'secret':
      return '[REDACTED]';
  }
};

/** Field names that hold personal data or secrets, wherever they appear (audit diffs, logs). */
const FIELD_KINDS: [RegExp, PiiKind][] = [
  [/pass(word)?|secret|token|totp|hash|otp|api_?key/i, 'secret'],
  [/phone|mobile|tel/i, 'phone'],
  [/id_?(card|number|no)|identity|证件/i, 'idNumber'],
  [/card_?(no|number)|account_?(no|number)|bank_?card/i, 'card'],
  [/e_?mail/i, 'email'],
];

export const piiKindOfField = (field: string): PiiKind | null => FIELD_KINDS.find(([re]) => re.test(field))?.[1] ?? null;

/** Deep copy with every personal field masked, for audit diffs and structured logs. */
export const redact = (value: unknown, depth = 0): unknown => {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const kind = piiKindOfField(k);
    out[k] = kind && (typeof v === 'string' || typeof v === 'number') ? mask(kind, String(v)) : redact(v, depth + 1);
  }
  return out;
};

/** Free-text scrubbing for log lines: mainland ID numbers, mobile numbers, card numbers. */
export const scrubText = (s: string): string =>
  s
    .replace(/\b\d{17}[\dXx]\b/g, (m) => maskIdNumber(m))
    .replace(/\b(?:\d[ -]?){15,18}\d\b/g, (m) => maskCard(m))
    .replace(/\b1[3-9]\d{9}\b/g, (m) => maskPhone(m));
