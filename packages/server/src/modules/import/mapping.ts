// Which column is which field, and how values translate. A file in the template needs no mapping: its
// headers (Chinese or English) name the fields. Any other file goes through a mapping, saved by name.
import type { Cell, DateOrder, FieldSpec } from './fields.js';
import { cellText, isEmpty, labelKey } from './fields.js';
import type { KindDef } from './kinds.js';

type Scalar = string | number | boolean | null;

/** How one field is filled: from a column (translated), or a constant. */
export interface FieldMapping {
  /** Header of the column the field is read from. */
  column?: string;
  /** A constant for every row (instead of a column). */
  value?: Scalar;
  /** Translations of the column's values: source value → the field's value (e.g. "Fatal" → "1", "CW" → a township code). */
  values?: Record<string, Scalar>;
  /** The value for a source value not in `values` (left as it is when absent). */
  otherwise?: Scalar;
  /** The value when the cell is empty. */
  default?: Scalar;
}

export interface MappingDefinition {
  /** Names the source system: ids in the source-id column are keyed under it (default: the column's header). */
  source?: string;
  /** How dates like 9/6/2014 are read: month first (MDY) or day first (DMY). Year-first dates are always read. */
  dateOrder?: DateOrder;
  /** The worksheet of an XLSX to read. */
  sheet?: string;
  /** Field name → column header, or a FieldMapping. Fields left out are found by the template headers. */
  fields: Record<string, string | FieldMapping>;
}

export class MappingError extends Error {
  constructor(readonly problems: string[]) {
    super(`映射有误 / the mapping is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Checks a mapping's form against its kind; throws a MappingError listing every problem. */
export function validateMapping(kind: KindDef, raw: unknown): MappingDefinition {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new MappingError(['应为 JSON 对象 / must be a JSON object']);
  const def = raw as Record<string, unknown>;
  for (const key of Object.keys(def)) {
    if (!['source', 'dateOrder', 'sheet', 'fields', 'kind'].includes(key))
      problems.push(`未知的键 ${key} / unknown key ${key} (allowed: source, dateOrder, sheet, fields)`);
  }
  if (def.source !== undefined && (typeof def.source !== 'string' || !def.source || def.source.length > 40))
    problems.push('source 应为1–40个字符 / source must be 1 to 40 characters');
  if (def.dateOrder !== undefined && !['YMD', 'MDY', 'DMY'].includes(def.dateOrder as string))
    problems.push('dateOrder 应为 YMD、MDY 或 DMY / dateOrder must be YMD, MDY or DMY');
  if (def.sheet !== undefined && typeof def.sheet !== 'string')
    problems.push('sheet 应为文本 / sheet must be a string');
  const fields = def.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    problems.push('fields 应为对象（字段名 → 列名或映射）/ fields must be an object (field name → column or mapping)');
    throw new MappingError(problems);
  }
  const names = new Set(kind.fields.map((f) => f.name));
  for (const [name, spec] of Object.entries(fields as Record<string, unknown>)) {
    if (!names.has(name)) {
      problems.push(`${kind.zh}没有字段 ${name} / ${kind.en} have no field ${name} (fields: ${[...names].join(', ')})`);
      continue;
    }
    if (typeof spec === 'string') {
      if (!spec.trim()) problems.push(`${name}: 列名不能为空 / the column name is empty`);
      continue;
    }
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      problems.push(`${name}: 应为列名或 {column, values, otherwise, default} / must be a column name or an object`);
      continue;
    }
    const m = spec as Record<string, unknown>;
    for (const key of Object.keys(m)) {
      if (!['column', 'value', 'values', 'otherwise', 'default'].includes(key))
        problems.push(`${name}: 未知的键 ${key} / unknown key ${key}`);
    }
    const hasColumn = typeof m.column === 'string' && m.column.trim() !== '';
    const hasValue = 'value' in m;
    if (hasColumn === hasValue)
      problems.push(`${name}: 须且只能指定 column 或 value 之一 / give exactly one of column and value`);
    if (hasValue && !isScalar(m.value)) problems.push(`${name}: value 应为文本、数字或布尔值 / value must be a scalar`);
    if (m.values !== undefined) {
      if (typeof m.values !== 'object' || m.values === null || Array.isArray(m.values))
        problems.push(`${name}: values 应为对象（源值 → 值）/ values must be an object (source value → value)`);
      else
        for (const [from, to] of Object.entries(m.values))
          if (!isScalar(to)) problems.push(`${name}: values.${from} 应为文本或数字 / must be a scalar`);
    }
    for (const key of ['otherwise', 'default'])
      if (key in m && !isScalar(m[key])) problems.push(`${name}: ${key} 应为文本、数字或布尔值 / must be a scalar`);
  }
  if (problems.length) throw new MappingError(problems);
  return {
    ...(def.source !== undefined ? { source: def.source as string } : {}),
    ...(def.dateOrder !== undefined ? { dateOrder: def.dateOrder as DateOrder } : {}),
    ...(def.sheet !== undefined ? { sheet: def.sheet as string } : {}),
    fields: fields as MappingDefinition['fields'],
  };
}

/** How to read one field from a row of cells. */
export interface BoundField {
  spec: FieldSpec;
  /** The column header problems are reported under (the field name for a constant). */
  column: string;
  read(cells: Cell[]): Cell;
}

export interface BoundMapping {
  fields: BoundField[];
  /** Headers that no field reads. */
  ignoredColumns: string[];
  /** Required fields that no column or constant fills: the file cannot be imported as it is. */
  missingFields: FieldSpec[];
  /** Mapped columns that are not in the file. */
  missingColumns: string[];
  /** Key namespace of the source-id column. */
  sourceNamespace: string | null;
}

/** The header forms a field answers to: its Chinese header, its field name, with or without a required mark. */
function headerKeys(spec: FieldSpec): string[] {
  return [labelKey(spec.zh), labelKey(spec.name)];
}

const normalizeHeader = (h: Cell): string => labelKey((cellText(h) ?? '').replace(/^\*|\*$/g, ''));

function lookupTable(values: Record<string, Scalar>): Map<string, Scalar> {
  const table = new Map<string, Scalar>();
  for (const [from, to] of Object.entries(values)) {
    table.set(from, to);
    table.set(from.trim().toLowerCase(), to);
  }
  return table;
}

const toCell = (v: Scalar | undefined): Cell => (v === undefined || v === null ? null : typeof v === 'boolean' ? v : v);

/** Binds a kind's fields to the columns of a header row, through a mapping when one is given. */
export function bindHeader(kind: KindDef, header: Cell[], mapping?: MappingDefinition): BoundMapping {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const raw = (cellText(h) ?? '').trim();
    if (raw && !index.has(raw)) index.set(raw, i);
    const key = normalizeHeader(h);
    if (key && !index.has(`\u0000${key}`)) index.set(`\u0000${key}`, i);
  });
  const columnIndex = (name: string): number | undefined =>
    index.get(name.trim()) ?? index.get(`\u0000${labelKey(name)}`);
  const used = new Set<number>();
  const fields: BoundField[] = [];
  const missingFields: FieldSpec[] = [];
  const missingColumns: string[] = [];
  let sourceNamespace: string | null = null;
  for (const spec of kind.fields) {
    const mapped = mapping?.fields[spec.name];
    if (mapped !== undefined) {
      const m: FieldMapping = typeof mapped === 'string' ? { column: mapped } : mapped;
      if (m.column === undefined) {
        const constant = toCell(m.value);
        fields.push({ spec, column: spec.name, read: () => constant });
        continue;
      }
      const i = columnIndex(m.column);
      if (i === undefined) {
        missingColumns.push(m.column);
        continue;
      }
      used.add(i);
      if (spec.name === 'sourceId') sourceNamespace = mapping?.source ?? m.column;
      const table = m.values ? lookupTable(m.values) : null;
      const dflt = toCell(m.default);
      const otherwise = 'otherwise' in m ? toCell(m.otherwise) : undefined;
      fields.push({
        spec,
        column: cellText(header[i]!) ?? m.column,
        read: (cells) => {
          const cell = cells[i] ?? null;
          if (isEmpty(cell)) return dflt;
          if (!table) return cell;
          const text = String(cell instanceof Date ? cell.toISOString() : cell).trim();
          const hit = table.get(text) ?? table.get(text.toLowerCase());
          if (hit !== undefined) return toCell(hit);
          return otherwise !== undefined ? otherwise : cell;
        },
      });
      continue;
    }
    const keys = headerKeys(spec);
    const i = header.findIndex((h, j) => !used.has(j) && keys.includes(normalizeHeader(h)));
    if (i >= 0) {
      used.add(i);
      if (spec.name === 'sourceId') sourceNamespace = mapping?.source ?? 'file';
      fields.push({ spec, column: cellText(header[i]!) ?? spec.zh, read: (cells) => cells[i] ?? null });
    } else if (spec.required) {
      missingFields.push(spec);
    }
  }
  const ignoredColumns = header
    .map((h, i) => (used.has(i) ? null : cellText(h)))
    .filter((h): h is string => !!h && h.trim() !== '');
  return { fields, ignoredColumns, missingFields, missingColumns, sourceNamespace };
}
