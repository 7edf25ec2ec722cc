import ExcelJS from 'exceljs';

export type Column = { key: string; header: string; width?: number };
type Row = Record<string, string | number | null>;

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with ' (CSV injection). */
const safe = (v: string | number | null) => {
  if (v === null) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
};

/** RFC 4180 CSV with a UTF-8 BOM so that Excel opens Chinese text correctly. */
export const toCsv = (columns: Column[], rows: Row[]): string => {
  const cell = (v: string | number | null) => {
    const s = String(safe(v));
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(c.header)).join(','), ...rows.map((r) => columns.map((c) => cell(r[c.key] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};

export const toXlsx = async (sheet: string, columns: Column[], rows: Row[]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xiaobao';
  const ws = wb.addWorksheet(sheet.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, safe(r[c.key] ?? null)])));
  return Buffer.from(await wb.xlsx.writeBuffer());
};
