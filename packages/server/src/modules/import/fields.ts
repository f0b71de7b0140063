// Fields of an import and how a cell becomes a value: dates in the forms people type in China and
// elsewhere, counts, yes/no, and enum values by code, Chinese label or English label.
import type { Labels } from '@hub/schema';
import type { ReasonCode } from './problems.js';

/** A cell as a source gives it: text from a CSV; text, number, date or boolean from a spreadsheet. */
export type Cell = string | number | boolean | Date | null;

export type FieldType =
  | { t: 'string'; max: number; min?: number; pattern?: RegExp; patternHint?: Labels }
  | { t: 'int'; min?: number; max?: number }
  | { t: 'number'; min?: number; max?: number }
  | { t: 'date' }
  | { t: 'datetime' }
  | { t: 'bool' }
  | { t: 'enum'; labels: Readonly<Record<string, Labels>> }
  | { t: 'enumList'; labels: Readonly<Record<string, Labels>> };

export interface FieldSpec {
  /** Field name: the English header of the template, and the key in a mapping. */
  name: string;
  /** Chinese header of the template. */
  zh: string;
  type: FieldType;
  required?: boolean;
  /** Value used when the cell is empty. */
  default?: unknown;
  /** The template's example value. */
  example: string;
  /** A short hint for people filling the template, shown in the XLSX header note and the GraphQL field list. */
  hint?: Labels;
}

/** How dates without a year-first form are read: month first (US) or day first (UK, Hong Kong). */
export type DateOrder = 'YMD' | 'MDY' | 'DMY';

/** Why a cell could not be read. A parse returns the value itself, or one of these (no allocation when valid). */
export class Bad {
  constructor(
    readonly code: ReasonCode,
    readonly detail?: Labels,
  ) {}
}
export type Parsed = unknown;

const ok = (value: unknown): Parsed => value;
const bad = (code: ReasonCode, detail?: Labels): Bad => new Bad(code, detail);

export function isEmpty(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString();
  return String(cell);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** Splits a date text into year, month, day: 2014-09-06, 2014/9/6, 2014.9.6, 2014年9月6日, 20140906, 9/6/2014. */
function dateParts(text: string, order: DateOrder): [number, number, number] | null {
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) return [+m[1]!, +m[2]!, +m[3]!];
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return [+m[1]!, +m[2]!, +m[3]!];
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m && order !== 'YMD') return order === 'MDY' ? [+m[3]!, +m[1]!, +m[2]!] : [+m[3]!, +m[2]!, +m[1]!];
  return null;
}

/** A spreadsheet date cell holds the wall-clock time as if it were UTC. */
function fromSpreadsheetDate(d: Date): { date: string; time: string } {
  const iso = d.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

const FAST_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(cell: Cell, order: DateOrder): Parsed {
  if (typeof cell === 'string') {
    const f = FAST_DATE.exec(cell);
    if (f) return realDate(+f[1]!, +f[2]!, +f[3]!) ? ok(cell) : bad('IMPOSSIBLE_DATE');
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('MALFORMED_DATE');
    return ok(fromSpreadsheetDate(cell).date);
  }
  const text = String(cell).trim();
  // A date-time where a date is expected: the date part counts (exports of other systems often add 00:00).
  const datePart = text.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  const parts = dateParts(datePart, order);
  if (!parts) return bad('MALFORMED_DATE');
  const [y, m, d] = parts;
  if (!realDate(y, m, d)) return bad('IMPOSSIBLE_DATE');
  return ok(`${y}-${pad(m)}-${pad(d)}`);
}

/** A point in time; without an offset it is county time (UTC+8). */
const FAST_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

export function parseDateTime(cell: Cell, order: DateOrder): Parsed {
  // The common form first, without building strings: "2014-09-06 18:30[:00]" in county time.
  if (typeof cell === 'string') {
    const f = FAST_DATETIME.exec(cell);
    if (f) {
      const y = +f[1]!;
      const mo = +f[2]!;
      const d = +f[3]!;
      const h = +f[4]!;
      const mi = +f[5]!;
      const s = f[6] ? +f[6] : 0;
      if (!realDate(y, mo, d)) return bad('IMPOSSIBLE_DATE');
      if (h > 23 || mi > 59 || s > 59) return bad('IMPOSSIBLE_DATE', { zh: '时刻不存在', en: 'no such time of day' });
      return ok(new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s)));
    }
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('MALFORMED_DATETIME');
    const { date, time } = fromSpreadsheetDate(cell);
    return ok(new Date(`${date}T${time}+08:00`));
  }
  const text = String(cell).trim();
  const m = /^(.+?)(?:[ T]+(\d{1,2})(?::|时)(\d{2})(?:(?::|分)(\d{2})(?:\.\d+)?)?秒?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  );
  if (!m) return bad('MALFORMED_DATETIME');
  const parts = dateParts(m[1]!.trim(), order);
  if (!parts) return bad('MALFORMED_DATETIME');
  const [y, mo, d] = parts;
  if (!realDate(y, mo, d)) return bad('IMPOSSIBLE_DATE');
  const h = m[2] ? +m[2] : 0;
  const mi = m[3] ? +m[3] : 0;
  const s = m[4] ? +m[4] : 0;
  if (h > 23 || mi > 59 || s > 59) return bad('IMPOSSIBLE_DATE', { zh: '时刻不存在', en: 'no such time of day' });
  let offset = m[5] ?? '+08:00';
  if (offset !== 'Z' && !offset.includes(':')) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return ok(new Date(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`));
}

/** Digits with an optional sign, decimals and thousands separators ("1,234.5"); full-width digits too. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

function toNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  if (PLAIN_NUMBER.test(cell)) return Number(cell);
  let text = cell.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  text = text.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function checkRange(n: number, min: number | undefined, max: number | undefined): Parsed {
  if (min !== undefined && n < min) {
    return min === 0 ? bad('NEGATIVE') : bad('OUT_OF_RANGE', { zh: `最小为 ${min}`, en: `at least ${min}` });
  }
  if (max !== undefined && n > max) return bad('OUT_OF_RANGE', { zh: `最大为 ${max}`, en: `at most ${max}` });
  return ok(n);
}

const TRUE = new Set(['是', '有', 'y', 'yes', 'true', 't', '1', '√', '✓', '已', '已建立']);
const FALSE = new Set(['否', '无', 'n', 'no', 'false', 'f', '0', '×', '✗', '未', '未建立']);

/** Normalised lookup key of an enum label: case, spaces and punctuation do not matter. */
export const labelKey = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-—/、·"“”'()（）]/g, '');

const enumIndexes = new WeakMap<object, Map<string, string>>();
function enumIndex(labels: Readonly<Record<string, Labels>>): Map<string, string> {
  let index = enumIndexes.get(labels);
  if (!index) {
    index = new Map();
    for (const [value, l] of Object.entries(labels)) {
      for (const name of [value, l.zh, l.en]) {
        index.set(name, value);
        index.set(labelKey(name), value);
      }
    }
    enumIndexes.set(labels, index);
  }
  return index;
}

export function parseEnum(text: string, labels: Readonly<Record<string, Labels>>): string | null {
  const index = enumIndex(labels);
  // The exact text first (a code or a label as the template writes it), then the forgiving form.
  return index.get(text) ?? index.get(labelKey(text)) ?? null;
}

/** Parses one non-empty cell by its field's type. */
export function parseCell(cell: Cell, type: FieldType, order: DateOrder): Parsed {
  switch (type.t) {
    case 'string': {
      const text = cellText(cell)!.trim();
      if (text.length > type.max)
        return bad('TOO_LONG', { zh: `最多 ${type.max} 个字符`, en: `at most ${type.max} characters` });
      if (type.pattern && !type.pattern.test(text)) return bad('BAD_FORMAT', type.patternHint);
      return ok(text);
    }
    case 'int':
    case 'number': {
      const n = toNumber(cell);
      if (n === null) return bad(type.t === 'int' ? 'NOT_WHOLE' : 'NOT_A_NUMBER');
      if (n < 0 && (type.min ?? -Infinity) >= 0) return bad('NEGATIVE');
      if (type.t === 'int' && !Number.isInteger(n)) return bad('NOT_WHOLE');
      if (type.t === 'int' && Math.abs(n) > 2_147_483_647) return bad('OUT_OF_RANGE');
      return checkRange(n, type.min, type.max);
    }
    case 'date':
      return parseDate(cell, order);
    case 'datetime':
      return parseDateTime(cell, order);
    case 'bool': {
      if (typeof cell === 'boolean') return ok(cell);
      const text = cellText(cell)!.trim().toLowerCase();
      if (TRUE.has(text)) return ok(true);
      if (FALSE.has(text)) return ok(false);
      return bad('NOT_BOOLEAN');
    }
    case 'enum': {
      const value = parseEnum(cellText(cell)!, type.labels);
      return value ? ok(value) : bad('BAD_VALUE', allowed(type.labels));
    }
    case 'enumList': {
      const items = cellText(cell)!
        .split(/[,，;；、|\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const values: string[] = [];
      for (const item of items) {
        const value = parseEnum(item, type.labels);
        if (!value) return bad('BAD_VALUE', allowed(type.labels));
        if (!values.includes(value)) values.push(value);
      }
      return ok(values);
    }
  }
}

function allowed(labels: Readonly<Record<string, Labels>>): Labels {
  const all = Object.entries(labels);
  return {
    zh: `可填：${all.map(([, l]) => l.zh).join('、')}`,
    en: `one of ${all.map(([v]) => v).join(', ')}`,
  };
}

/** The value a template shows for a value of a field (the Chinese label of an enum, "是"/"否"). */
export function formatValue(value: unknown, type: FieldType, lang: 'zh' | 'en' = 'zh'): string {
  if (value === null || value === undefined) return '';
  switch (type.t) {
    case 'enum':
      return lang === 'zh' ? (type.labels[value as string]?.zh ?? String(value)) : String(value);
    case 'enumList':
      return (value as string[])
        .map((v) => (lang === 'zh' ? (type.labels[v]?.zh ?? v) : v))
        .join(lang === 'zh' ? '、' : ',');
    case 'bool':
      return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
    case 'datetime': {
      // County wall-clock time, which is what a person reads and types.
      const local = new Date((value as Date).getTime() + 8 * 3600_000).toISOString();
      return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
    }
    default:
      return String(value);
  }
}
