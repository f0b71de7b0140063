// `hub export`: the lists (accidents, hazards, inspections, tasks, investigations, emergency plans, drills) and
// the accident and hazard statistics as CSV or XLSX, with the API's filters.
import fs from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import type { Command } from 'commander';
import { openDatabase } from '../../app.js';
import { createLogger } from '../../common/logger.js';
import { loadConfig } from '../../config.js';
import { exitWith } from '../import/import.cli.js';
import type { ExportRequest } from './export.js';

// The same list as export.ts's EXPORTS (checked by the type below), without loading that module for --help.
const EXPORTS = [
  'accidents',
  'hazards',
  'inspections',
  'tasks',
  'investigations',
  'emergency-plans',
  'drills',
  'accident-stats',
  'hazard-stats',
] as const satisfies readonly ExportRequest['what'][];

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(`Export a list or statistics to CSV (UTF-8 with BOM) or XLSX: ${EXPORTS.join(', ')}`)
    .argument('<what>', EXPORTS.join(' | '))
    .option('--out <file>', 'where to write (.csv or .xlsx; "-" for standard output); default <what>.<format>')
    .option('--format <format>', 'csv or xlsx (default: from --out, else csv)')
    .option(
      '--filter <json>',
      'an AccidentFilter or HazardFilter as JSON, e.g. \'{"from":"2014-01-01","sectors":["ROAD_TRAFFIC"]}\'',
    )
    .option('--group-by <dimensions>', 'statistics: dimensions separated by commas, e.g. SECTOR,MONTH')
    .option('--lang <lang>', 'headers and labels: zh (default) or en', 'zh')
    .action(
      async (what: string, o: { out?: string; format?: string; filter?: string; groupBy?: string; lang: string }) => {
        const fail = (zh: string, en: string) => {
          process.stderr.write(`hub export: ${zh} / ${en}\n`);
          exitWith(1);
        };
        if (!(EXPORTS as readonly string[]).includes(what))
          return fail(`不能导出 ${what}`, `cannot export ${what}; one of ${EXPORTS.join(', ')}`);
        const format = (o.format ?? (o.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv')).toLowerCase();
        if (format !== 'csv' && format !== 'xlsx') return fail(`格式应为 csv 或 xlsx`, 'the format is csv or xlsx');
        let filter: unknown;
        try {
          filter = o.filter ? JSON.parse(o.filter) : undefined;
        } catch (e) {
          return fail('--filter 不是有效的 JSON', `--filter is not JSON: ${(e as Error).message}`);
        }
        const req: ExportRequest = {
          what: what as ExportRequest['what'],
          format,
          lang: o.lang === 'en' ? 'en' : 'zh',
          filter,
          groupBy: o.groupBy
            ? o.groupBy
                .split(',')
                .map((s) => s.trim().toUpperCase())
                .filter(Boolean)
            : undefined,
        };
        const { checkExport, writeExport } = await import('./export.js');
        try {
          await checkExport(req);
        } catch (e) {
          return fail('请求有误', (e as Error).message);
        }
        const config = loadConfig();
        const db = await openDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
        const target = o.out ?? `${what}.${format}`;
        try {
          // Standard output never 'finishes': write through a stream that does, and stop quietly at a closed pipe.
          let out: Writable;
          if (target !== '-') out = fs.createWriteStream(target);
          else {
            const pass = new PassThrough();
            process.stdout.on('error', (e: NodeJS.ErrnoException) => {
              if (e.code === 'EPIPE') process.exit(0);
            });
            pass.pipe(process.stdout);
            out = pass;
          }
          await writeExport(db.orm.em.fork(), req, out);
        } finally {
          await db.close();
        }
        if (target !== '-') process.stderr.write(`wrote ${target}\n`);
      },
    );
}
