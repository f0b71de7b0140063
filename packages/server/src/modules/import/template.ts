// Templates (the header and one example row of a kind) and the problem report, as files a person opens in
// Excel: CSV in UTF-8 with a BOM (without it Excel reads UTF-8 as the local code page), or XLSX.
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { KindDef } from './kinds.js';
import type { RowProblem } from './problems.js';

export type Lang = 'zh' | 'en';
export type SheetFormat = 'csv' | 'xlsx';

export const UTF8_BOM = '\uFEFF';

const headerOf = (f: KindDef['fields'][number], lang: Lang) => (lang === 'zh' ? f.zh : f.name);

/** Writes the template of a kind: headers (Chinese or the English field names) and one example row. */
export async function writeTemplate(kind: KindDef, format: SheetFormat, lang: Lang, out: Writable): Promise<void> {
  const header = kind.fields.map((f) => headerOf(f, lang));
  const example = kind.fields.map((f) => f.example);
  if (format === 'csv') {
    await writeCsv(out, header, [example]);
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'zh' ? kind.zh : kind.en);
  sheet.columns = kind.fields.map((f) => ({
    header: headerOf(f, lang),
    key: f.name,
    width: Math.max(12, f.zh.length * 2 + 4),
  }));
  const headRow = sheet.getRow(1);
  headRow.font = { bold: true };
  kind.fields.forEach((f, i) => {
    const note = [
      f.required ? (lang === 'zh' ? '必填' : 'required') : lang === 'zh' ? '选填' : 'optional',
      f.hint?.[lang],
    ]
      .filter(Boolean)
      .join(lang === 'zh' ? '；' : '; ');
    headRow.getCell(i + 1).note = note;
  });
  headRow.commit();
  // Text cells, so Excel keeps codes such as 450799101000 as they are.
  sheet.addRow(example).commit();
  sheet.commit();
  const help = workbook.addWorksheet(lang === 'zh' ? '填写说明' : 'Help');
  help.columns = [
    { header: lang === 'zh' ? '列名' : 'column', width: 24 },
    { header: lang === 'zh' ? '字段' : 'field', width: 24 },
    { header: lang === 'zh' ? '必填' : 'required', width: 8 },
    { header: lang === 'zh' ? '说明' : 'notes', width: 60 },
  ];
  for (const f of kind.fields)
    help.addRow([f.zh, f.name, f.required ? (lang === 'zh' ? '是' : 'yes') : '', f.hint?.[lang] ?? '']).commit();
  help.commit();
  await workbook.commit();
}

/** Writes rows as CSV with a BOM, streamed. */
export async function writeCsv(
  out: Writable,
  header: string[],
  rows: Iterable<unknown[]> | AsyncIterable<unknown[]>,
): Promise<void> {
  const csv = stringify({ bom: true, header: false });
  csv.pipe(out);
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    csv.once('error', reject);
  });
  const write = async (row: unknown[]) => {
    if (!csv.write(row)) await new Promise<void>((r) => csv.once('drain', r));
  };
  await write(header);
  for await (const row of rows as AsyncIterable<unknown[]>) await write(row);
  csv.end();
  await done;
}

export const REPORT_HEADER = {
  zh: ['行号', '列', '值', '问题代码', '原因', 'reason'],
  en: ['row', 'column', 'value', 'code', '原因', 'reason'],
};

export const reportRow = (p: RowProblem): unknown[] => [p.row, p.column, p.value ?? '', p.code, p.zh, p.en];
