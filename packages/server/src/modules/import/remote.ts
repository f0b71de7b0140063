// `hub import` through a running hub: when the hub already runs on the data directory (its embedded
// PostgreSQL is then in use), or with --server, the command uploads the file over HTTP and follows the
// import run through GraphQL — the same import, the same record, the same report.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ImportError } from './import-error.js';
import { ImportStatus } from './import.entities.js';
import type { KindDef } from './kinds.js';
import type { ImportProgress, ImportResult } from './runner.js';

/**
 * The API key of the import through a running hub (EDITOR or ADMIN): `HUB_TOKEN`, as printed by
 * `hub token create --role EDITOR`.
 */
function authorization(): Record<string, string> {
  const token = process.env.HUB_TOKEN?.trim();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function gql<T>(server: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${server}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization() },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) {
    const message = body.errors.map((e) => e.message).join('; ');
    throw new ImportError(message, message);
  }
  return body.data!;
}

export interface RemoteImportOptions {
  file: string;
  kind: KindDef;
  mappingName?: string;
  dryRun: boolean;
  validOnly: boolean;
  importedBy: string;
  encoding?: string;
  onProgress(p: ImportProgress): void;
}

const JOB_FIELDS = `id databaseId status rowsRead rowsValid rowsInvalid rowsInserted rowsSkipped problemCount bytesRead fileSize
  format encoding fileSha256 error problemsUrl`;

interface RemoteJob {
  id: string;
  databaseId: number;
  status: ImportStatus;
  rowsRead: number;
  rowsValid: number;
  rowsInvalid: number;
  rowsInserted: number;
  rowsSkipped: number;
  problemCount: number;
  bytesRead: number;
  fileSize: number;
  format: string;
  encoding: string | null;
  fileSha256: string;
  error: string | null;
  problemsUrl: string;
}

/** Imports a file through a running hub; writes the problem report to `reportFile` when there are problems. */
export async function remoteImport(
  server: string,
  o: RemoteImportOptions,
  reportFile: string,
): Promise<{ result: ImportResult; reportWritten: boolean }> {
  const started = performance.now();
  const size = fs.statSync(o.file).size;
  const upload = await fetch(
    `${server}/import/files?name=${encodeURIComponent(path.basename(o.file))}&by=${encodeURIComponent(o.importedBy)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(size), ...authorization() },
      body: Readable.toWeb(fs.createReadStream(o.file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit,
  );
  if (upload.status === 401 || upload.status === 403)
    throw new ImportError(
      '上传被拒绝：请将 EDITOR 角色的 API 密钥放入环境变量 HUB_TOKEN（hub token create --role EDITOR --name 导入）',
      `the upload was refused (${upload.status}): set HUB_TOKEN to an EDITOR key (hub token create --role EDITOR --name import)`,
    );
  if (upload.status !== 201)
    throw new ImportError('上传失败', `the upload failed: ${upload.status} ${await upload.text()}`);
  const file = (await upload.json()) as { id: string };
  const { startImport } = await gql<{ startImport: RemoteJob }>(
    server,
    `mutation($input: StartImportInput!) { startImport(input: $input) { ${JOB_FIELDS} } }`,
    {
      input: {
        fileId: file.id,
        kind: o.kind.kind,
        mappingName: o.mappingName ?? null,
        dryRun: o.dryRun,
        validOnly: o.validOnly,
        importedBy: o.importedBy,
        encoding: o.encoding ?? null,
      },
    },
  );
  let job = startImport;
  while (job.status === ImportStatus.RUNNING) {
    await new Promise((r) => setTimeout(r, 300));
    job = (
      await gql<{ importJob: RemoteJob }>(server, `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, {
        id: job.id,
      })
    ).importJob;
    o.onProgress({ jobId: job.databaseId, ...job, seconds: (performance.now() - started) / 1000 });
  }
  let reportWritten = false;
  if (job.problemCount > 0) {
    const res = await fetch(`${server}${job.problemsUrl}`, { headers: authorization() });
    fs.writeFileSync(reportFile, Buffer.from(await res.arrayBuffer()));
    reportWritten = true;
  }
  return {
    reportWritten,
    result: {
      jobId: job.databaseId,
      status: job.status,
      format: job.format,
      encoding: job.encoding,
      sha256: job.fileSha256,
      rowsRead: job.rowsRead,
      rowsValid: job.rowsValid,
      rowsInvalid: job.rowsInvalid,
      rowsInserted: job.rowsInserted,
      rowsSkipped: job.rowsSkipped,
      problemCount: job.problemCount,
      ignoredColumns: [],
      seconds: (performance.now() - started) / 1000,
      ...(job.error ? { error: job.error } : {}),
    },
  };
}

export async function remoteUndo(server: string, jobId: number, by: string): Promise<void> {
  await gql(server, `mutation($id: ID!, $by: String!) { undoImport(id: $id, by: $by) { status } }`, {
    id: String(jobId),
    by,
  });
}
