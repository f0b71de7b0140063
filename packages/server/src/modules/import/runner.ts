// One import run, streamed from the first byte to the commit: read a row, check it (fields, then the
// services' own rules), key it, and — for a commit — write it with COPY inside ONE transaction on a
// connection of its own. A file with an invalid row writes nothing unless the person chose "valid rows
// only". A row whose key is already in the hub is left as it is, so re-importing a file changes nothing.
// Progress and problems go through a second connection, outside the transaction, so a person (and the web
// page) sees them while the import runs; the job's final state is written inside the transaction.
import type { Readable, Writable } from 'node:stream';
import type { Knex } from '@mikro-orm/postgresql';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine } from './copy-text.js';
import { Bad, type Cell, cellText, type DateOrder, isEmpty, parseCell } from './fields.js';
import { ImportKind, ImportStatus } from './import.entities.js';
import { type KindDef, type Lookups, loadLookups, type Query, type Values } from './kinds.js';
import { KeySet, rowKey } from './key-set.js';
import { bindHeader, type BoundMapping, type MappingDefinition } from './mapping.js';
import { REASONS, type RowProblem, RowProblems } from './problems.js';
import { openSource, SourceError } from './source.js';

export interface ImportOptions {
  kind: KindDef;
  /** The file's bytes, streamed. */
  input: Readable;
  fileName: string;
  /** Size in bytes, for progress (0 when unknown). */
  fileSize: number;
  /** The uploaded file, when it came through the web. */
  fileId?: number | null;
  mappingName?: string | null;
  mapping?: MappingDefinition;
  dryRun: boolean;
  validOnly: boolean;
  importedBy: string;
  encoding?: string;
  /** Called about every batch while running. */
  onProgress?(p: ImportProgress): void;
  /** Called with every problem, in file order (the CLI writes its report from these). */
  onProblem?(p: RowProblem): void;
  /** Problems kept in the database for the web's report (default 100,000). */
  storeProblems?: number;
  /** Rows per batch (default 2,000). */
  batchSize?: number;
  /** A job row created beforehand (the web creates it to answer at once); created here when absent. */
  jobId?: number;
}

export interface ImportProgress {
  jobId: number;
  rowsRead: number;
  rowsValid: number;
  rowsInvalid: number;
  bytesRead: number;
  fileSize: number;
  seconds: number;
}

export interface ImportResult {
  jobId: number;
  status: ImportStatus;
  format: string;
  encoding: string | null;
  sha256: string;
  rowsRead: number;
  rowsValid: number;
  rowsInvalid: number;
  rowsInserted: number;
  rowsSkipped: number;
  problemCount: number;
  ignoredColumns: string[];
  seconds: number;
  error?: string;
}

interface PgClient {
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  query<S extends Writable>(stream: S): S;
}

const NATURAL_KEY_FIELD: Partial<Record<ImportKind, string>> = {
  TOWNSHIP: 'code',
  ENTERPRISE: 'creditCode',
  WORK_PLAN: 'number',
  CAPACITY: 'year',
  INVESTIGATION: 'accidentId',
};

const HEARTBEAT_MS = 1000;
/** A running job whose heartbeat is older than this was abandoned (its process stopped). */
export const ABANDONED_AFTER = "interval '1 minute'";

export function sideQuery(knex: Knex): Query {
  return async (sql, params = []) => {
    // knex binds `?` in order of appearance; $n may appear in any order or more than once.
    const bindings: unknown[] = [];
    const text = sql.replace(/\$(\d+)/g, (_, n: string) => (bindings.push(params[Number(n) - 1]), '?'));
    const res = await knex.raw(text, bindings as Knex.RawBinding[]);
    return (res as { rows: Record<string, unknown>[] }).rows;
  };
}

/** Marks running jobs without a recent heartbeat as abandoned. */
export async function markAbandoned(knex: Knex): Promise<void> {
  await knex.raw(
    `update import_job set status = 'ABANDONED', finished_at = coalesce(finished_at, heartbeat_at)
     where status = 'RUNNING' and heartbeat_at < now() - ${ABANDONED_AFTER}`,
  );
}

export async function createJob(
  knex: Knex,
  o: Pick<
    ImportOptions,
    'kind' | 'fileName' | 'fileSize' | 'fileId' | 'mappingName' | 'dryRun' | 'validOnly' | 'importedBy'
  > & {
    sha256?: string;
    format?: string;
  },
): Promise<number> {
  const [row] = (await knex('import_job')
    .insert({
      kind: o.kind.kind,
      file_name: o.fileName.slice(0, 255),
      file_sha256: o.sha256 ?? '',
      file_size: o.fileSize,
      file_id: o.fileId ?? null,
      format: o.format ?? '',
      mapping_name: o.mappingName ?? null,
      imported_by: o.importedBy.slice(0, 120),
      dry_run: o.dryRun,
      valid_only: o.validOnly,
      status: ImportStatus.RUNNING,
      heartbeat_at: new Date(),
    })
    .returning('id')) as { id: number }[];
  return row!.id;
}

/**
 * Ids for new rows, taken from the table's sequence ahead of need (sequences are outside transactions, so a
 * side connection can draw them while the import's connection is busy with COPY). Unused ids are gaps.
 */
class IdPool {
  private ids: number[] = [];
  private next = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly q: Query,
    private readonly seq: string,
    private readonly chunk = 20_000,
  ) {}

  private get available(): number {
    return this.ids.length - this.next;
  }

  private load(n: number): Promise<void> {
    this.loading ??= this.q('select array_agg(nextval($1::regclass)::int) as ids from generate_series(1, $2::int)', [
      this.seq,
      n,
    ])
      .then((r) => {
        this.ids = this.ids.slice(this.next).concat(r[0]!.ids as number[]);
        this.next = 0;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  async take(n: number): Promise<number[]> {
    while (this.available < n) await this.load(Math.max(this.chunk, n - this.available));
    const out = this.ids.slice(this.next, this.next + n);
    this.next += n;
    if (this.available < this.chunk / 2) void this.load(this.chunk).catch(() => undefined);
    return out;
  }
}

/**
 * The COPY statements of an import, one after another on its one connection: rows of the table, then their
 * keys (and child rows), then more rows... A statement is ended without waiting and the next one queued at
 * once, so PostgreSQL works through them while the next rows are read and checked; only the stream being
 * written applies back-pressure. The first failure fails every later write.
 */
class CopyChannel {
  private current: { sql: string; stream: Writable } | null = null;
  /** Settles when the last statement handed to the connection has finished (or failed). */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly finished: Promise<void>[] = [];
  private failure: Error | null = null;
  private cancelled = false;
  private readonly submitted = new WeakSet<Writable>();

  constructor(private readonly conn: PgClient) {}

  private open(sql: string): Writable {
    // A deep buffer lets reading and checking run ahead while PostgreSQL works through what it has.
    const stream = copyFrom(sql, { highWaterMark: 8 << 20 });
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', (e: Error) => {
        this.failure ??= e;
        reject(e);
      });
    });
    done.catch(() => undefined);
    // Handed to the connection when the statement before it is done (pg runs one query at a time); until
    // then what is written waits in the stream's buffer.
    this.tail = this.tail.then(() => {
      if (this.failure || this.cancelled) return undefined; // never handed over: nothing to undo
      this.submitted.add(stream);
      this.conn.query(stream);
      return done;
    });
    this.tail.catch(() => undefined);
    this.finished.push(done);
    this.current = { sql, stream };
    return stream;
  }

  async write(sql: string, text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!text) return;
    let stream = this.current?.sql === sql ? this.current.stream : null;
    if (!stream) {
      this.current?.stream.end();
      stream = this.open(sql);
    }
    if (!stream.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (e: Error) => reject(e);
        stream.once('error', onError);
        stream.once('drain', () => {
          stream.off('error', onError);
          resolve();
        });
      });
    }
  }

  /** Ends the last statement and waits for all of them. */
  async end(): Promise<void> {
    this.current?.stream.end();
    this.current = null;
    await Promise.all(this.finished);
  }

  /** Abandons the statements (PostgreSQL discards what it received), leaving the connection usable for a rollback. */
  async abort(): Promise<void> {
    this.cancelled = true;
    const last = this.current?.stream;
    this.current = null;
    // A COPY in progress fails on the server (CopyFail); one not yet handed over is never sent.
    if (last && !this.failure && this.submitted.has(last)) last.destroy(new Error('import abandoned'));
    await this.tail.catch(() => undefined);
  }
}

/** Runs one import (a dry run or a commit) to the end and records it. Never throws for bad data: see `status`. */
export async function runImport(knex: Knex, o: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const q = sideQuery(knex);
  await markAbandoned(knex);
  const jobId = o.jobId ?? (await createJob(knex, o));
  const storeLimit = o.storeProblems ?? 100_000;
  // Rows are checked a few hundred at a time (a small batch dies young: cheap for the garbage collector), and
  // written a few thousand at a time (fewer round trips).
  const batchSize = o.batchSize ?? 250;
  let writeBatch = batchSize;
  const kind = o.kind;

  const counts = { rowsRead: 0, rowsValid: 0, rowsInvalid: 0, rowsInserted: 0, rowsSkipped: 0, problemCount: 0 };
  let stored = 0;
  let pendingProblems: RowProblem[] = [];
  let bytesRead = () => 0;
  let format = '';
  let encoding: string | null = null;
  let sha256 = () => '';
  let ignoredColumns: string[] = [];
  let fileProblem = false;

  // Problems and progress go out through the side connection, one write at a time.
  let sideChain: Promise<unknown> = Promise.resolve();
  const side = (fn: () => Promise<unknown>) => {
    sideChain = sideChain.then(fn).catch(() => undefined);
    return sideChain;
  };
  const flushProblems = () => {
    const batch = pendingProblems.slice(0, Math.max(0, storeLimit - stored));
    pendingProblems = [];
    if (!batch.length) return;
    stored += batch.length;
    side(() =>
      knex('import_problem').insert(
        batch.map((p) => ({
          job_id: jobId,
          row: p.row,
          column: p.column.slice(0, 255),
          value: p.value,
          code: p.code,
          reason_zh: p.zh,
          reason_en: p.en,
        })),
      ),
    );
  };
  const report = (p: RowProblem) => {
    counts.problemCount++;
    o.onProblem?.(p);
    if (stored + pendingProblems.length < storeLimit) pendingProblems.push(p);
    if (pendingProblems.length >= 500) flushProblems();
  };
  let lastBeat = 0;
  const progress = (force = false) => {
    const now = performance.now();
    o.onProgress?.({ jobId, ...counts, bytesRead: bytesRead(), fileSize: o.fileSize, seconds: (now - started) / 1000 });
    if (!force && now - lastBeat < HEARTBEAT_MS) return;
    lastBeat = now;
    const snapshot = { ...counts, bytes_read: bytesRead() };
    side(() =>
      knex('import_job').where({ id: jobId, status: ImportStatus.RUNNING }).update({
        rows_read: snapshot.rowsRead,
        rows_valid: snapshot.rowsValid,
        rows_invalid: snapshot.rowsInvalid,
        rows_inserted: snapshot.rowsInserted,
        rows_skipped: snapshot.rowsSkipped,
        problem_count: snapshot.problemCount,
        bytes_read: snapshot.bytes_read,
        heartbeat_at: new Date(),
      }),
    );
  };

  // The heartbeat goes on while the import waits (for the lock another import of the kind holds, for PostgreSQL).
  const beat = setInterval(() => {
    side(() =>
      knex('import_job').where({ id: jobId, status: ImportStatus.RUNNING }).update({ heartbeat_at: new Date() }),
    );
  }, 10_000);
  beat.unref();
  const conn = o.dryRun ? null : ((await knex.client.acquireConnection()) as PgClient);
  let inTransaction = false;
  let channel: CopyChannel | null = null;
  let committedWrite = false;
  try {
    if (conn) {
      await conn.query('begin');
      inTransaction = true;
      // A large file is one COPY that may rightly run past the server's per-statement limit (HUB_STATEMENT_TIMEOUT_MS).
      await conn.query('set local statement_timeout = 0');
      // One import of a kind at a time: a second waits, then finds the first one's rows already there.
      await conn.query(`select pg_advisory_xact_lock(hashtext('hub-import:' || $1::text))`, [kind.kind]);
    }
    const source = await openSource(o.input, { encoding: o.encoding, sheet: o.mapping?.sheet });
    bytesRead = source.bytesRead;
    sha256 = source.sha256;
    format = source.format;
    encoding = source.encoding;
    side(() => knex('import_job').where({ id: jobId }).update({ format, encoding }));

    const iterator = source.rows[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) {
      fileProblem = true;
      report({ row: 1, column: '', value: null, code: 'EMPTY_FILE', zh: '文件没有内容', en: 'the file is empty' });
    } else {
      const headerRow = first.value.row;
      const bound = bindHeader(kind, first.value.cells, o.mapping);
      ignoredColumns = bound.ignoredColumns;
      for (const f of bound.missingFields)
        report({
          row: headerRow,
          column: f.zh,
          value: null,
          code: 'MISSING_COLUMN',
          zh: `缺少必填列"${f.zh}"（${f.name}）`,
          en: `the required column ${f.name} (${f.zh}) is missing`,
        });
      for (const c of bound.missingColumns)
        report({
          row: headerRow,
          column: c,
          value: null,
          code: 'MISSING_COLUMN',
          zh: `文件中没有映射所指的列"${c}"`,
          en: `the mapped column "${c}" is not in the file`,
        });
      if (bound.missingFields.length || bound.missingColumns.length) {
        fileProblem = true;
        // Nothing can be read right: count the rows and stop.
        for (let r = await iterator.next(); !r.done; r = await iterator.next()) counts.rowsRead++;
        counts.rowsInvalid = counts.rowsRead;
      } else {
        await processRows(iterator, bound);
      }
    }

    async function processRows(rows: AsyncIterator<{ row: number; cells: Cell[] }>, bound: BoundMapping) {
      const lookups: Lookups = await loadLookups(q);
      const dateOrder: DateOrder = o.mapping?.dateOrder ?? 'YMD';
      const seen = new KeySet();
      const keyField = NATURAL_KEY_FIELD[kind.kind];
      const keyColumn =
        bound.fields.find((f) => f.spec.name === (kind.natural ? keyField : 'sourceId'))?.column ??
        '(整行 / whole row)';
      const table = kind.table;
      const seq = conn ? ((await q(`select pg_get_serial_sequence($1, 'id') as s`, [table]))[0]!.s as string) : '';
      channel = conn ? new CopyChannel(conn) : null;
      const idPool = conn ? new IdPool(q, seq) : null;
      const keysBefore =
        !kind.natural &&
        ((await q('select exists (select 1 from import_row where kind = $1) as e', [kind.kind]))[0]!.e as boolean);
      // Rows waiting for a look-up of their keys in the hub wait in bigger groups: fewer round trips.
      if (kind.natural || keysBefore) writeBatch = Math.max(batchSize, 4000);
      const mainSql = `copy ${table} (id, ${kind.columns.join(', ')}) from stdin`;
      const keySql = 'copy import_row (key, kind, import_id, row_id) from stdin';
      const childSql = kind.child ? `copy ${kind.child.table} (${kind.child.columns.join(', ')}) from stdin` : '';
      // Keys and child rows wait in memory for a while, then follow the rows they belong to.
      let keyText = '';
      let childText = '';
      const KEY_CHUNK = 1 << 20;
      let writing = !!conn;

      type Pending = { row: number; cells: Cell[]; values: Values; problems: RowProblem[] | null; complete: boolean };
      let batch: Pending[] = [];
      // Problems name the file's column; a field the file lacks, by its template header.
      const columnOf: Record<string, string> = { '\u0000key': keyColumn };
      for (const f of kind.fields) columnOf[f.name] = f.zh;
      const readerOf: Record<string, (cells: Cell[]) => Cell> = {};
      for (const f of bound.fields) {
        columnOf[f.spec.name] = f.column;
        readerOf[f.spec.name] = f.read;
      }
      const rawOf = (field: string, cells: unknown) => {
        const read = readerOf[field];
        return read ? cellText(read(cells as Cell[])) : null;
      };
      const plan = bound.fields.map((f) => ({ name: f.spec.name, type: f.spec.type, read: f.read }));
      const fallbacks = kind.fields.filter((f) => f.default !== undefined || f.required);
      const problems = new RowProblems(columnOf, rawOf);

      // Every row's values object has the same shape from the start (a literal with all fields), so filling it
      // reallocates nothing.
      const newValues = new Function(
        `return { ${kind.fields.map((f) => `${JSON.stringify(f.name)}: undefined`).join(', ')} };`,
      ) as () => Values;
      const parseRow = (row: number, cells: Cell[]): Pending => {
        const values = newValues();
        problems.reset(row, cells);
        let complete = true;
        for (let i = 0; i < plan.length; i++) {
          const f = plan[i]!;
          const cell = f.read(cells);
          if (cell === null || cell === '' || (typeof cell === 'string' && isEmpty(cell))) continue;
          const parsed = parseCell(cell, f.type, dateOrder);
          if (parsed instanceof Bad) {
            values[f.name] = null;
            problems.reason(f.name, parsed.code, parsed.detail);
            complete = false;
          } else values[f.name] = parsed;
        }
        for (const f of fallbacks) {
          if (values[f.name] !== undefined) continue;
          if (f.default !== undefined) values[f.name] = f.default;
          else {
            problems.reason(f.name, 'REQUIRED');
            complete = false;
          }
        }
        return { row, cells, values, problems: problems.take(), complete };
      };

      const flush = async () => {
        if (!batch.length) return;
        if (kind.prefetch)
          await kind.prefetch(
            q,
            batch.map((b) => b.values),
            lookups,
          );
        const good = toWrite;
        for (const b of batch) {
          const p = problems.reset(b.row, b.cells, b.problems);
          const built = kind.build(b.values, lookups, p, b.complete);
          if (built && p.empty) {
            // The table's values as COPY text: the row's normalised form, hashed for a key when it has no other.
            const body = copyLine(built.values);
            const children = built.children ? built.children.map((c) => copyLine(c)) : null;
            const key = kind.natural
              ? rowKey(kind.kind, built.naturalKey!)
              : b.values.sourceId !== undefined
                ? rowKey(kind.kind, `src:${bound.sourceNamespace ?? 'file'}:${String(b.values.sourceId)}`)
                : rowKey(kind.kind, children ? body + children.join('') : body);
            const earlier = seen.firstRow(key, b.row);
            if (earlier === undefined) {
              counts.rowsValid++;
              good.push({ key, body, children, natural: built.naturalKey ?? null });
              continue;
            }
            p.add(
              '\u0000key',
              `${REASONS.DUPLICATE_IN_FILE.zh}（与第 ${earlier} 行相同）`,
              `${REASONS.DUPLICATE_IN_FILE.en} (row ${earlier})`,
              'DUPLICATE_IN_FILE',
            );
          }
          counts.rowsInvalid++;
          for (const x of p.take() ?? []) report(x.code === 'DUPLICATE_IN_FILE' ? { ...x, value: null } : x);
          if (!o.validOnly) writing = false;
        }
        batch = [];
        if (toWrite.length >= writeBatch) await write();
      };

      type Good = { key: string; body: string; children: string[] | null; natural: string | null };
      let toWrite: Good[] = [];
      const write = async () => {
        const good = toWrite;
        toWrite = [];
        if (!good.length) return;
        // Keys already in the hub: none can be when this kind had no keys when the import began (imports of a
        // kind take turns, so no other one adds keys meanwhile). Natural keys are looked up in the table itself.
        let fresh = good;
        if (kind.natural) {
          const existing = await kind.existing!(
            q,
            good.map((g) => g.natural!),
          );
          if (existing.size) fresh = good.filter((g) => !existing.has(g.natural!));
        } else if (keysBefore) {
          const rows = await q('select key::text as key from import_row where key = any($1::uuid[])', [
            good.map((g) => g.key),
          ]);
          const existing = new Set(rows.map((r) => (r.key as string).replace(/-/g, '')));
          if (existing.size) fresh = good.filter((g) => !existing.has(g.key));
        }
        counts.rowsSkipped += good.length - fresh.length;
        counts.rowsInserted += fresh.length;
        if (!writing || !fresh.length) return;
        const ids = await idPool!.take(fresh.length);
        let mainText = '';
        const prefix = `\t${kind.kind}\t${jobId}\t`;
        for (let i = 0; i < fresh.length; i++) {
          const g = fresh[i]!;
          const id = ids[i]!;
          mainText += `${id}\t${g.body}`;
          keyText += `${g.key}${prefix}${id}\n`;
          if (g.children) for (const c of g.children) childText += `${id}\t${c}`;
        }
        await channel!.write(mainSql, mainText);
        if (keyText.length >= KEY_CHUNK) {
          if (childText) await channel!.write(childSql, childText);
          await channel!.write(keySql, keyText);
          keyText = childText = '';
        }
      };

      for (let r = await rows.next(); !r.done; r = await rows.next()) {
        counts.rowsRead++;
        batch.push(parseRow(r.value.row, r.value.cells));
        if (batch.length >= batchSize) {
          await flush();
          progress();
        }
      }
      await flush();
      await write();
      flushProblems();

      if (conn && writing) {
        if (childText) await channel!.write(childSql, childText);
        await channel!.write(keySql, keyText);
        await channel!.end();
      }
      committedWrite = writing;
      if (!writing) await channel?.abort();
    }

    flushProblems();
    await sideChain;
    // A file-level problem (an empty file, a missing column) makes the file invalid even without data rows.
    const invalid = counts.rowsInvalid > 0 || fileProblem;
    const status = o.dryRun
      ? invalid
        ? ImportStatus.INVALID
        : ImportStatus.VALIDATED
      : committedWrite && (!invalid || o.validOnly)
        ? ImportStatus.COMMITTED
        : ImportStatus.INVALID;
    if (status !== ImportStatus.COMMITTED && !o.dryRun) counts.rowsInserted = 0;
    const final = {
      status,
      format,
      encoding,
      file_sha256: sha256(),
      rows_read: counts.rowsRead,
      rows_valid: counts.rowsValid,
      rows_invalid: counts.rowsInvalid,
      rows_inserted: counts.rowsInserted,
      rows_skipped: counts.rowsSkipped,
      problem_count: counts.problemCount,
      bytes_read: bytesRead(),
      finished_at: new Date(),
      heartbeat_at: new Date(),
    };
    if (conn && status === ImportStatus.COMMITTED) {
      // The record of the import commits with its rows, or not at all.
      const sets = Object.keys(final).map((k, i) => `${k} = $${i + 2}`);
      await conn.query(`update import_job set ${sets.join(', ')}, updated_at = now() where id = $1`, [
        jobId,
        ...Object.values(final),
      ]);
      await conn.query('commit');
      inTransaction = false;
    } else {
      if (conn) {
        await conn.query('rollback');
        inTransaction = false;
      }
      await knex('import_job').where({ id: jobId }).update(final);
    }
    o.onProgress?.({
      jobId,
      ...counts,
      bytesRead: bytesRead(),
      fileSize: o.fileSize,
      seconds: (performance.now() - started) / 1000,
    });
    return {
      jobId,
      ...counts,
      status,
      format,
      encoding,
      sha256: sha256(),
      ignoredColumns,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (e) {
    if (conn && inTransaction) {
      await (channel as CopyChannel | null)?.abort().catch(() => undefined);
      await conn.query('rollback').catch(() => undefined);
    }
    await sideChain;
    const message =
      e instanceof SourceError ? e.message : `导入失败 / the import failed: ${(e as Error).message ?? String(e)}`;
    await knex('import_job')
      .where({ id: jobId })
      .update({
        status: ImportStatus.FAILED,
        error: message,
        rows_read: counts.rowsRead,
        rows_inserted: 0,
        finished_at: new Date(),
        file_sha256: sha256(),
        format,
        encoding,
      })
      .catch(() => undefined);
    return {
      jobId,
      ...counts,
      rowsInserted: 0,
      status: ImportStatus.FAILED,
      format,
      encoding,
      sha256: sha256(),
      ignoredColumns,
      seconds: (performance.now() - started) / 1000,
      error: message,
    };
  } finally {
    clearInterval(beat);
    if (conn) await knex.client.releaseConnection(conn);
    o.input.destroy();
  }
}
