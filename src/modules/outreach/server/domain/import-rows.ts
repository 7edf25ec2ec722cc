import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../../../kernel/errors.ts';
import { AGE_BANDS, CHANNELS, isValidMobile, normalizeMobile } from '../../contract.ts';

/** Header names accepted in customer files (Chinese or English) → field. */
const HEADERS: Record<string, string> = {
  姓名: 'name',
  name: 'name',
  手机号: 'mobile',
  手机: 'mobile',
  mobile: 'mobile',
  邮箱: 'email',
  email: 'email',
  微信openid: 'wechatOpenid',
  openid: 'wechatOpenid',
  wechat_openid: 'wechatOpenid',
  年龄段: 'ageBand',
  age_band: 'ageBand',
  性别: 'gender',
  gender: 'gender',
  职业: 'occupation',
  occupation: 'occupation',
  归属网点: 'homeOrgCode',
  网点代码: 'homeOrgCode',
  home_org_code: 'homeOrgCode',
  授权渠道: 'consents',
  consents: 'consents',
};
const REQUIRED = ['name', 'ageBand', 'homeOrgCode'];
const CHANNEL_WORDS: Record<string, string> = { 站内信: 'inbox', 邮件: 'email', 短信: 'sms', 微信: 'wechat' };
const GENDER_WORDS: Record<string, string> = { 男: 'M', 女: 'F', m: 'M', f: 'F', male: 'M', female: 'F', 未知: 'U', u: 'U' };

export type RawRow = Record<string, string>;
export type ImportError = { row: number; field: string; issue: string };
export type CleanRow = {
  row: number;
  name: string;
  mobile: string | null;
  email: string | null;
  wechatOpenid: string | null;
  ageBand: string;
  gender: string;
  occupation: string;
  homeOrgCode: string;
  consents: string[];
};

const mapHeaders = (headers: string[]): string[] => {
  const fields = headers.map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()] ?? '');
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length)
    throw new AppError(
      'OUTREACH_IMPORT_INVALID',
      missing.map((m) => ({ field: m, issue: 'missing_column' })),
    );
  if (!fields.includes('mobile') && !fields.includes('email') && !fields.includes('wechatOpenid'))
    throw new AppError('OUTREACH_IMPORT_INVALID', [{ field: 'mobile', issue: 'missing_column', message: 'need mobile, email or openid' }]);
  return fields;
};

const toRecords = (fields: string[], rows: string[][]): RawRow[] =>
  rows.map((cells) => Object.fromEntries(fields.map((f, i) => [f, String(cells[i] ?? '').trim()]).filter(([f]) => f)));

/** Reads a CSV (UTF-8 text) or XLSX (base64) customer file into raw rows; an unreadable file is a 422. */
export const readCustomerFile = async (format: 'csv' | 'xlsx', content: string): Promise<RawRow[]> => {
  let table: string[][];
  try {
    if (format === 'csv') {
      table = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
    } else {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(content, 'base64') as never);
      const ws = wb.worksheets[0];
      if (!ws) throw new Error('no worksheet');
      table = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        const values = (row.values as unknown[]).slice(1);
        table.push(
          values.map((v) =>
            v === null || v === undefined ? '' : typeof v === 'object' && 'text' in (v as object) ? String((v as { text: unknown }).text) : String(v),
          ),
        );
      });
    }
  } catch (e) {
    throw new AppError('OUTREACH_IMPORT_INVALID', [{ field: 'content', issue: 'unreadable', message: (e as Error).message.slice(0, 200) }]);
  }
  const [header, ...rows] = table;
  if (!header || rows.length === 0) throw new AppError('OUTREACH_IMPORT_INVALID', [{ field: 'content', issue: 'no_rows' }]);
  if (rows.length > 200_000) throw new AppError('OUTREACH_IMPORT_INVALID', [{ field: 'content', issue: 'too_many_rows', message: '200000' }]);
  return toRecords(mapHeaders(header), rows);
};

/** Validates one row; `row` is the 1-based line in the file counting the header as line 1. */
export const cleanRow = (raw: RawRow, row: number, orgCodes: Set<string>): { ok: CleanRow } | { errors: ImportError[] } => {
  const errors: ImportError[] = [];
  const err = (field: string, issue: string) => errors.push({ row, field, issue });
  const name = raw.name ?? '';
  if (!name || name.length > 40) err('name', name ? 'too_long' : 'required');
  const mobile = raw.mobile ? normalizeMobile(raw.mobile) : null;
  if (mobile && !isValidMobile(mobile)) err('mobile', 'invalid_mobile');
  const email = raw.email || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) err('email', 'invalid_email');
  const wechatOpenid = raw.wechatOpenid || null;
  if (wechatOpenid && !/^[\w-]{6,64}$/.test(wechatOpenid)) err('wechatOpenid', 'invalid_openid');
  if (!mobile && !email && !wechatOpenid) err('mobile', 'no_contact');
  const ageBand = (raw.ageBand ?? '')
    .replace(/岁|以上/g, '')
    .replace('60', '60+')
    .replace('++', '+');
  if (!(AGE_BANDS as readonly string[]).includes(ageBand)) err('ageBand', 'invalid_age_band');
  const gender = GENDER_WORDS[(raw.gender ?? 'u').toLowerCase()] ?? (raw.gender ? '' : 'U');
  if (!gender) err('gender', 'invalid_gender');
  const homeOrgCode = raw.homeOrgCode ?? '';
  if (!orgCodes.has(homeOrgCode)) err('homeOrgCode', 'unknown_org');
  const consents = [
    ...new Set(
      (raw.consents ?? '')
        .split(/[|,;，、\s]+/)
        .filter(Boolean)
        .map((c) => CHANNEL_WORDS[c] ?? c.toLowerCase()),
    ),
  ];
  if (consents.some((c) => !(CHANNELS as readonly string[]).includes(c))) err('consents', 'unknown_channel');
  if (errors.length) return { errors };
  return {
    ok: { row, name, mobile, email, wechatOpenid, ageBand, gender, occupation: (raw.occupation || '其他').slice(0, 20), homeOrgCode, consents },
  };
};
