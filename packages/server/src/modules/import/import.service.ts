// The import's records: saved mappings, uploaded files, the jobs and their problems, and undo.
import crypto from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import type { Knex } from '@mikro-orm/postgresql';
import { ImportError } from './import-error.js';
import { ImportKind, ImportStatus } from './import.entities.js';
import { findKind, kindDef, type KindDef } from './kinds.js';
import { MappingError, type MappingDefinition, validateMapping } from './mapping.js';
import { markAbandoned } from './runner.js';
import { REPORT_HEADER, reportRow, writeCsv, type Lang } from './template.js';
import { maskValue, PERSONAL_DATA_MASK } from '../../common/personal-data.js';

// ---------------------------------------------------------------------------------------------------------
// Mappings

export interface SavedMapping {
  id: number;
  name: string;
  kind: ImportKind;
  definition: MappingDefinition;
}

/** Saves (or replaces) a mapping under a name, after checking it against its kind. */
export async function saveMapping(knex: Knex, name: string, kind: KindDef, raw: unknown): Promise<SavedMapping> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 80)
    throw new ImportError('映射名称应为1–80个字符', 'a mapping name is 1 to 80 characters');
  const definition = validateMapping(kind, raw);
  const [row] = (await knex('import_mapping')
    .insert({ name: trimmed, kind: kind.kind, definition: JSON.stringify(definition) })
    .onConflict('name')
    .merge({ kind: kind.kind, definition: JSON.stringify(definition), updated_at: knex.fn.now() })
    .returning(['id', 'name', 'kind', 'definition'])) as SavedMapping[];
  return row!;
}

export async function findMapping(knex: Knex, name: string): Promise<SavedMapping | null> {
  const row = (await knex('import_mapping').where({ name: name.trim() }).first()) as SavedMapping | undefined;
  return row ?? null;
}

/** The saved mapping of a name, checked again (the kinds' fields may have changed since it was saved). */
export async function requireMapping(knex: Knex, name: string, kind: KindDef): Promise<MappingDefinition> {
  const saved = await findMapping(knex, name);
  if (!saved) throw new ImportError(`没有名为"${name}"的映射`, `no mapping is saved as "${name}"`, 'NOT_FOUND');
  if (saved.kind !== kind.kind)
    throw new ImportError(
      `映射"${name}"用于${kindDef(saved.kind).zh}，不是${kind.zh}`,
      `mapping "${name}" is for ${kindDef(saved.kind).en}, not ${kind.en}`,
    );
  try {
    return validateMapping(kind, saved.definition);
  } catch (e) {
    if (e instanceof MappingError)
      throw new ImportError(`映射"${name}"已失效：${e.message}`, `mapping "${name}" is no longer valid`);
    throw e;
  }
}

export async function listMappings(knex: Knex): Promise<SavedMapping[]> {
  return (await knex('import_mapping').select('id', 'name', 'kind', 'definition').orderBy('name')) as SavedMapping[];
}

export async function deleteMapping(knex: Knex, name: string): Promise<boolean> {
  return (await knex('import_mapping').where({ name: name.trim() }).delete()) > 0;
}

export function requireKind(name: string): KindDef {
  const kind = findKind(name);
  if (!kind)
    throw new ImportError(
      `未知的数据类型 ${name}`,
      `unknown kind ${name} (one of ${Object.values(ImportKind)
        .map((k) => kindDef(k).cli)
        .join(', ')})`,
    );
  return kind;
}

// ---------------------------------------------------------------------------------------------------------
// Uploaded files, stored in the database in chunks of up to 1 MiB

const CHUNK = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export interface StoredFile {
  id: number;
  name: string;
  size: number;
  sha256: string;
}

/** Stores an upload as it arrives, in one transaction: a broken upload leaves nothing. */
export async function storeFile(knex: Knex, body: Readable, name: string, uploadedBy: string): Promise<StoredFile> {
  return knex.transaction(async (trx) => {
    const [file] = (await trx('import_file')
      .insert({ name: name.slice(0, 255) || 'upload', size: 0, sha256: '', uploaded_by: uploadedBy.slice(0, 120) })
      .returning('id')) as { id: number }[];
    const id = file!.id;
    const hash = crypto.createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pendingBytes) return;
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      await trx('import_file_chunk').insert({ file_id: id, seq: seq++, data });
    };
    for await (const chunk of body) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buf.length;
      if (size > MAX_UPLOAD_BYTES)
        throw new ImportError('文件过大（上限 1 GiB）', 'the file is too large (1 GiB at most)', 'TOO_LARGE');
      hash.update(buf);
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK) await flush();
    }
    await flush();
    const sha256 = hash.digest('hex');
    await trx('import_file').where({ id }).update({ size, sha256 });
    return { id, name, size, sha256 };
  });
}

export async function findFile(knex: Knex, id: number): Promise<StoredFile | null> {
  const row = (await knex('import_file').where({ id }).first()) as (StoredFile & { size: string | number }) | undefined;
  return row ? { ...row, size: Number(row.size) } : null;
}

/** A stored file's bytes, read a chunk at a time. */
export function fileStream(knex: Knex, id: number): Readable {
  async function* chunks() {
    for (let seq = 0; ; seq++) {
      const row = (await knex('import_file_chunk').where({ file_id: id, seq }).first('data')) as
        { data: Buffer } | undefined;
      if (!row) return;
      yield row.data;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

// ---------------------------------------------------------------------------------------------------------
// Clean-up: an upload is kept while someone may still import it (after a dry run, to commit; after an
// invalid commit, to import the valid rows only) and removed once committed or after a day. The job keeps
// the file's name, size and SHA-256, so the history still says what was imported.

/** Uploads older than this are removed, unless an import of them is running. */
export const UPLOAD_RETENTION_HOURS = 24;

/** Removes a file's stored bytes and record; its jobs keep their own copy of name, size and hash. */
export async function deleteFile(knex: Knex, id: number): Promise<boolean> {
  return (await knex('import_file').where({ id }).delete()) > 0;
}

/** Removes the uploads older than `hours` that no running import reads; answers how many. */
export async function removeStaleFiles(knex: Knex, hours = UPLOAD_RETENTION_HOURS): Promise<number> {
  await markAbandoned(knex);
  return knex('import_file')
    .where('created_at', '<', knex.raw(`now() - make_interval(hours => ?)`, [hours]))
    .whereNotExists(
      knex('import_job')
        .select(knex.raw('1'))
        .whereRaw('import_job.file_id = import_file.id')
        .andWhere('status', ImportStatus.RUNNING),
    )
    .delete();
}

/** Runs `removeStaleFiles` now and every hour until stopped; failures are logged, never thrown. */
export function sweepStaleFiles(knex: Knex, onError: (e: Error) => void): { stop(): void } {
  const sweep = () => void removeStaleFiles(knex).catch(onError);
  const timer = setInterval(sweep, 60 * 60 * 1000);
  timer.unref();
  sweep();
  return { stop: () => clearInterval(timer) };
}

// ---------------------------------------------------------------------------------------------------------
// Jobs and their problems

/** The problem report of a run as CSV; `masked` hides the cell values and reasons (they echo the file's cells). */
export async function problemsReport(
  knex: Knex,
  jobId: number,
  out: Writable,
  lang: Lang = 'zh',
  masked = false,
): Promise<void> {
  async function* rows() {
    let after = 0;
    for (;;) {
      const page = (await knex('import_problem')
        .where('job_id', jobId)
        .andWhere('id', '>', after)
        .orderBy('id')
        .limit(5000)) as {
        id: number;
        row: number;
        column: string;
        value: string | null;
        code: string;
        reason_zh: string;
        reason_en: string;
      }[];
      if (!page.length) return;
      for (const p of page)
        yield reportRow({
          row: p.row,
          column: p.column,
          value: masked ? (maskValue(p.value) as string | null) : p.value,
          code: p.code,
          zh: masked ? PERSONAL_DATA_MASK : p.reason_zh,
          en: masked ? PERSONAL_DATA_MASK : p.reason_en,
        });
      after = page[page.length - 1]!.id;
    }
  }
  await writeCsv(out, REPORT_HEADER[lang], rows());
}

export interface JobRow {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  file_name: string;
  file_sha256: string;
  imported_by: string;
  dry_run: boolean;
  valid_only: boolean;
  rows_read: number;
  rows_valid: number;
  rows_invalid: number;
  rows_inserted: number;
  rows_skipped: number;
  problem_count: number;
  created_at: Date;
  finished_at: Date | null;
  undone_at: Date | null;
  undone_by: string | null;
  mapping_name: string | null;
  error: string | null;
}

export async function listJobs(knex: Knex, limit = 20): Promise<JobRow[]> {
  await markAbandoned(knex);
  return (await knex('import_job').orderBy('id', 'desc').limit(limit)) as JobRow[];
}

// ---------------------------------------------------------------------------------------------------------
// Undo

export interface UndoResult {
  jobId: number;
  deleted: number;
}

/**
 * Deletes exactly the rows an import inserted, in one transaction, and marks it undone. Refuses when later
 * records refer to any of them (an investigation of an imported accident, a hazard of an imported
 * enterprise...), naming them, because deleting would break or silently change those records.
 */
export async function undoImport(knex: Knex, jobId: number, by: string): Promise<UndoResult> {
  return knex.transaction(async (trx) => {
    // Undoing a million-row import deletes them in one statement: past the server's per-statement limit.
    await trx.raw('set local statement_timeout = 0');
    const job = (await trx('import_job').where({ id: jobId }).forUpdate().first()) as JobRow | undefined;
    if (!job) throw new ImportError(`没有编号为 ${jobId} 的导入`, `no import has id ${jobId}`, 'NOT_FOUND');
    if (job.status !== ImportStatus.COMMITTED) {
      throw new ImportError(
        `导入 ${jobId} 的状态为 ${job.status}，只有已导入（COMMITTED）的才能撤销`,
        `import ${jobId} is ${job.status}; only a COMMITTED import can be undone`,
        'NOT_UNDOABLE',
      );
    }
    const kind = kindDef(job.kind);
    const mine = trx('import_row').select('row_id').where({ import_id: jobId, kind: kind.kind });
    const blockers: string[] = [];
    const blockersEn: string[] = [];
    for (const d of kind.dependents) {
      const rows = (await trx(d.table).select('id').whereIn(d.column, mine.clone()).orderBy('id').limit(6)) as {
        id: number;
      }[];
      if (!rows.length) continue;
      const [{ n }] = (await trx(d.table).count({ n: '*' }).whereIn(d.column, mine.clone())) as { n: string }[];
      const ids =
        rows
          .slice(0, 5)
          .map((r) => r.id)
          .join(', ') + (Number(n) > 5 ? ' …' : '');
      blockers.push(`${n} 条${d.zh}（编号 ${ids}）`);
      blockersEn.push(`${n} ${d.en} (ids ${ids}) refer to rows of this import`);
    }
    if (blockers.length) {
      throw new ImportError(
        `不能撤销导入 ${jobId}：${blockers.join('；')}。请先处理这些记录`,
        `cannot undo import ${jobId}: ${blockersEn.join('; ')}. Deal with those records first`,
        'DEPENDENTS',
      );
    }
    const deleted = await trx(kind.table).whereIn('id', mine.clone()).delete();
    await trx('import_row').where({ import_id: jobId }).delete();
    await trx('import_job')
      .where({ id: jobId })
      .update({
        status: ImportStatus.UNDONE,
        undone_at: trx.fn.now(),
        undone_by: by.slice(0, 120),
        updated_at: trx.fn.now(),
      });
    return { jobId, deleted };
  });
}

export { ImportError };
