// The HTTP routes for files, beside /graphql:
//   POST /import/files?name=<file name>               the raw bytes of a file to import → {id, databaseId, name, size, sha256}
//   GET  /import/templates/<kind>.csv|.xlsx?lang=zh   a kind's template
//   GET  /import/jobs/<id>/problems.csv?lang=zh       the problem report of an import run
//   GET  /export/<what>.csv|.xlsx?filter=<json>&groupBy=A,B&lang=zh   accidents, hazards, inspections, tasks,
//                                                                    accident-stats, hazard-stats
//   POST /export/table.xlsx   {sheet, columns, rows} (JSON) → the same table as XLSX (a chart's figures)
// Who may: uploads and problem reports EDITOR or ADMIN (as the import mutations); templates and exports any role.
import type http from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { fromGlobalId, toGlobalId } from '../../common/global-id.js';
import type { Logger } from '../../common/logger.js';
import type { Viewer } from '../../common/viewer.js';
import { ANY_ROLE, requireRole, WRITERS } from '../auth/access-rules.js';
import { ImportError } from './import-error.js';
import { findKind } from './kinds.js';
import { masksPersonalData } from '../../common/personal-data.js';

// Browsers send these without asking first (no CORS preflight): an upload must use another content type.
const SIMPLE_TYPES = ['text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded'];

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const problem = (res: http.ServerResponse, status: number, zh: string, en: string, code = 'BAD_REQUEST') =>
  sendJson(res, status, { errors: [{ message: `${zh} / ${en}`, extensions: { code, reason: { zh, en } } }] });

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function attachment(res: http.ServerResponse, format: 'csv' | 'xlsx', name: string): void {
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-store',
  });
}

/** A route handler: answers and returns true when the path is its, false otherwise. */
export function fileRoutes(orm: MikroORM, log: Logger) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, viewer: Viewer): Promise<boolean> => {
    const path = url.pathname;
    if (!path.startsWith('/import/') && !path.startsWith('/export/')) return false;
    const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh';
    try {
      const forWriters = path === '/import/files' || path.startsWith('/import/jobs/');
      requireRole(viewer, forWriters ? WRITERS : ANY_ROLE, path);
      if (path === '/import/files') {
        if (req.method !== 'POST') return (problem(res, 405, '请用 POST 上传', 'upload with POST'), true);
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (!type || SIMPLE_TYPES.includes(type)) {
          problem(
            res,
            415,
            '请以 application/octet-stream 上传文件内容',
            'send the file as application/octet-stream (the raw bytes)',
          );
          return true;
        }
        const { storeFile } = await import('./import.service.js');
        const name = url.searchParams.get('name') ?? 'upload';
        const stored = await storeFile(orm.em.getKnex(), req, name, viewer.name);
        sendJson(res, 201, { ...stored, id: toGlobalId('ImportFile', stored.id), databaseId: stored.id });
        return true;
      }
      if (path === '/export/table.xlsx') {
        if (req.method !== 'POST') return (problem(res, 405, '请用 POST 发送表格', 'POST the table'), true);
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json')
          return (problem(res, 415, '请以 application/json 发送表格', 'send the table as application/json'), true);
        const { checkTable, TABLE_LIMITS, writeTable } = await import('../export/export.js');
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of req) {
          size += (chunk as Buffer).length;
          if (size > TABLE_LIMITS.bytes) {
            res.setHeader('connection', 'close');
            problem(res, 413, '表格过大（上限 4 MiB）', 'the table is too large (4 MiB at most)', 'TOO_LARGE');
            return true;
          }
          chunks.push(chunk as Buffer);
        }
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return (problem(res, 400, '表格不是有效的 JSON', 'the table is not valid JSON'), true);
        }
        const table = checkTable(body);
        attachment(res, 'xlsx', `${table.sheet}.xlsx`);
        await writeTable(table, res);
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return (problem(res, 405, '只支持 GET', 'GET only'), true);

      let m = /^\/import\/templates\/([\w-]+)\.(csv|xlsx)$/.exec(path);
      if (m) {
        const kind = findKind(m[1]!);
        if (!kind) return (problem(res, 404, `没有 ${m[1]} 的模板`, `no template for ${m[1]}`, 'NOT_FOUND'), true);
        const format = m[2] as 'csv' | 'xlsx';
        const { writeTemplate } = await import('./template.js');
        attachment(res, format, `${lang === 'zh' ? `${kind.zh}导入模板` : `${kind.cli}-template`}.${format}`);
        await writeTemplate(kind, format, lang, res);
        return true;
      }

      m = /^\/import\/jobs\/([\w=-]+)\/problems\.csv$/.exec(path);
      if (m) {
        const id = /^\d+$/.test(m[1]!) ? Number(m[1]) : fromGlobalId(m[1]!)?.key;
        const exists = id ? await orm.em.getKnex()('import_job').where({ id }).first('id') : null;
        if (!exists) return (problem(res, 404, `没有编号为 ${m[1]} 的导入`, `no import ${m[1]}`, 'NOT_FOUND'), true);
        const { problemsReport } = await import('./import.service.js');
        attachment(res, 'csv', `import-${id}-problems.csv`);
        await problemsReport(orm.em.getKnex(), id!, res, lang, masksPersonalData(viewer));
        return true;
      }

      m = /^\/export\/([\w-]+)\.(csv|xlsx)$/.exec(path);
      if (m) {
        const { checkExport, EXPORTS, writeExport } = await import('../export/export.js');
        const what = m[1] as (typeof EXPORTS)[number];
        if (!EXPORTS.includes(what)) {
          problem(res, 404, `不能导出 ${m[1]}`, `nothing to export as ${m[1]} (${EXPORTS.join(', ')})`, 'NOT_FOUND');
          return true;
        }
        let filter: unknown;
        const rawFilter = url.searchParams.get('filter');
        try {
          filter = rawFilter ? JSON.parse(rawFilter) : undefined;
        } catch {
          problem(res, 400, 'filter 不是有效的 JSON', 'filter is not valid JSON');
          return true;
        }
        const groupBy = url.searchParams
          .get('groupBy')
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const request = { what, format: m[2] as 'csv' | 'xlsx', lang, filter, groupBy } as const;
        await checkExport(request);
        attachment(res, request.format, `${what}.${request.format}`);
        await writeExport(orm.em.fork(), request, res, viewer);
        return true;
      }
      problem(res, 404, '没有这个地址', 'not found', 'NOT_FOUND');
      return true;
    } catch (e) {
      if (res.headersSent) {
        log.error('file route failed while streaming', { path, message: (e as Error).message });
        res.destroy(e as Error);
        return true;
      }
      const code = e instanceof GraphQLError ? e.extensions?.code : undefined;
      if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
        // The upload's body is still on the wire, unread: close the connection with the answer.
        if (req.method === 'POST') res.setHeader('connection', 'close');
        sendJson(res, code === 'FORBIDDEN' ? 403 : 401, {
          errors: [{ message: (e as GraphQLError).message, extensions: { code } }],
        });
      } else if (e instanceof ImportError) problem(res, e.code === 'TOO_LARGE' ? 413 : 400, e.zh, e.en, e.code);
      else if (e instanceof GraphQLError && e.extensions?.code === 'BAD_USER_INPUT')
        sendJson(res, 400, { errors: [e.toJSON()] });
      else throw e;
      return true;
    }
  };
}
