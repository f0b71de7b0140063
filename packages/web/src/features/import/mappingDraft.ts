// A mapping being made on the import page: which column of the file fills each field of the kind, and how
// its values translate. Pure functions (tested in mappingDraft.test.ts); the server checks the result again.
import type { ImportKindsQuery } from '../../graphql/generated/graphql';

export type ImportKindInfo = ImportKindsQuery['importKinds'][number];
export type ImportField = ImportKindInfo['fields'][number];

export interface Translation {
  from: string;
  to: string;
}

export interface FieldChoice {
  /** The file's column header, or null: not in the file. */
  column: string | null;
  translations: readonly Translation[];
}

export type MappingDraft = Readonly<Record<string, FieldChoice>>;

const normal = (text: string) => text.trim().toLowerCase();

/** Each field to the column whose header is its template header (Chinese) or its name (English). */
export function autoMatch(fields: readonly ImportField[], header: readonly string[]): MappingDraft {
  const draft: Record<string, FieldChoice> = {};
  for (const field of fields) {
    const column = header.find((h) => normal(h) === normal(field.header) || normal(h) === normal(field.name));
    draft[field.name] = { column: column ?? null, translations: [] };
  }
  return draft;
}

type Scalar = string | number | boolean | null;
interface FieldMapping {
  column?: string;
  value?: Scalar;
  values?: Record<string, Scalar>;
  otherwise?: Scalar;
  default?: Scalar;
}

/** A saved mapping's definition as a draft over this file's header (fields it leaves out: by header). */
export function draftOf(
  definition: Record<string, unknown>,
  fields: readonly ImportField[],
  header: readonly string[],
): MappingDraft {
  const draft: Record<string, FieldChoice> = { ...autoMatch(fields, header) };
  const given = (definition.fields ?? {}) as Record<string, string | FieldMapping>;
  for (const [name, spec] of Object.entries(given)) {
    if (!(name in draft)) continue;
    if (typeof spec === 'string') draft[name] = { column: spec, translations: [] };
    else if (spec.column !== undefined)
      draft[name] = {
        column: spec.column,
        translations: Object.entries(spec.values ?? {}).map(([from, to]) => ({
          from,
          to: to === null ? '' : String(to),
        })),
      };
  }
  return draft;
}

/**
 * The draft as a mapping definition for the server: every field with a column, with its translations.
 * `base` keeps what the page does not edit (source, dateOrder, sheet, constants) of a saved mapping.
 */
export function definitionOf(draft: MappingDraft, base: Record<string, unknown> = {}): Record<string, unknown> {
  const fields: Record<string, string | FieldMapping> = {};
  const baseFields = (base.fields ?? {}) as Record<string, string | FieldMapping>;
  for (const [name, spec] of Object.entries(baseFields)) {
    // Constants and defaults the page cannot show stay as they were.
    if (typeof spec === 'object' && spec.column === undefined) fields[name] = spec;
  }
  for (const [name, choice] of Object.entries(draft)) {
    if (choice.column === null) continue;
    const translations = choice.translations.filter((t) => t.from.trim() !== '' && t.to.trim() !== '');
    const old = baseFields[name];
    // `otherwise` and `default` of a saved mapping stay while the field keeps its column.
    const spec: FieldMapping = {
      ...(typeof old === 'object' && old.column === choice.column ? old : {}),
      column: choice.column,
      values: translations.length ? Object.fromEntries(translations.map((t) => [t.from, t.to])) : undefined,
    };
    if (spec.values === undefined) delete spec.values;
    fields[name] = Object.keys(spec).length === 1 ? choice.column : spec;
  }
  const { source, dateOrder, sheet } = base;
  return { ...JSON.parse(JSON.stringify({ source, dateOrder, sheet })), fields };
}

/** Fields the file does not fill that every row must have. */
export function missingRequired(fields: readonly ImportField[], draft: MappingDraft): ImportField[] {
  return fields.filter((f) => f.required && draft[f.name]?.column == null);
}

/** Whether a value would be read as one of an enum field's values (its code, Chinese or English label). */
function readsAs(field: ImportField, value: string): boolean {
  const v = normal(value);
  return field.allowedLabels.some((l) => normal(l.value) === v || normal(l.labelZh) === v || normal(l.labelEn) === v);
}

/**
 * Values in the preview rows of an enum field's column that would not be understood and have no
 * translation yet (e.g. 死亡 for a severity-like column, a district code for the township): the page
 * offers to translate them.
 */
export function untranslatedValues(
  field: ImportField,
  choice: FieldChoice | undefined,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  if (!choice?.column || field.allowedLabels.length === 0) return [];
  const index = header.indexOf(choice.column);
  if (index < 0) return [];
  const translated = new Set(choice.translations.filter((t) => t.to !== '').map((t) => t.from));
  const found = new Set<string>();
  for (const row of rows) {
    const cell = (row[index] ?? '').trim();
    if (!cell || translated.has(cell)) continue;
    const parts = field.type === 'enumList' ? cell.split(/[、,，;；/]/).map((p) => p.trim()) : [cell];
    if (parts.some((p) => p && !readsAs(field, p))) found.add(cell);
  }
  return [...found];
}

/** Whether two drafts say the same (to tell whether a saved mapping was changed). */
export function sameDraft(a: MappingDraft, b: MappingDraft): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if ((x?.column ?? null) !== (y?.column ?? null)) return false;
    const tx = JSON.stringify((x?.translations ?? []).filter((t) => t.from && t.to));
    const ty = JSON.stringify((y?.translations ?? []).filter((t) => t.from && t.to));
    if (tx !== ty) return false;
  }
  return true;
}
