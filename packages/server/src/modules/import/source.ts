// Reading a file as rows of cells, streamed: CSV in UTF-8 (with or without BOM) or GBK/GB18030, or XLSX.
// The bytes pass through a counter and a SHA-256 on the way, so progress and the file's hash cost no second read.
import crypto from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell } from './fields.js';

export type FileFormat = 'CSV' | 'XLSX';

export interface SourceRow {
  /** Row number as a spreadsheet shows it (1 = the first line of the file). */
  row: number;
  cells: Cell[];
}

export interface OpenedSource {
  format: FileFormat;
  /** utf-8, utf-8-bom or gb18030 for a CSV; null for XLSX. */
  encoding: string | null;
  rows: AsyncIterable<SourceRow>;
  bytesRead(): number;
  /** The SHA-256 of every byte read so far (the whole file once `rows` is exhausted). */
  sha256(): string;
}

export class SourceError extends Error {}

const SNIFF_BYTES = 64 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** UTF-8 when the sample has a BOM or decodes as UTF-8; otherwise GB18030 (a superset of GBK and GB2312). */
export function detectEncoding(sample: Buffer): 'utf-8' | 'utf-8-bom' | 'gb18030' {
  if (sample.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8-bom';
  try {
    // stream: true lets a character cut at the end of the sample wait for bytes that never come, harmlessly.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The separator of the header line: the most frequent of comma, tab, semicolon (comma on a tie). */
function detectDelimiter(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** Reads the first bytes of a stream and gives them back together with a stream of everything. */
async function peek(stream: Readable, size: number): Promise<{ head: Buffer; all: Readable }> {
  const it = stream[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as string);
    parts.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(parts);
  async function* rest() {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { head, all: Readable.from(rest(), { objectMode: false }) };
}

function meter(): { transform: Transform; bytes(): number; sha256(): string } {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let digest: string | null = null;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return {
    transform,
    bytes: () => bytes,
    sha256: () => (digest ??= hash.copy().digest('hex')),
  };
}

export interface SourceOptions {
  /** Force an encoding for a CSV (utf-8, gbk, gb18030, ...); detected when absent. */
  encoding?: string;
  /** The worksheet of an XLSX to read (the first when absent). */
  sheet?: string;
  /** Treat the file as this format, whatever its first bytes. */
  format?: FileFormat;
}

/** Opens a stream of a file's bytes as rows. Nothing is held beyond the row being read. */
export async function openSource(input: Readable, options: SourceOptions = {}): Promise<OpenedSource> {
  const m = meter();
  const metered = input.pipe(m.transform);
  input.on('error', (e) => metered.destroy(e));
  const { head, all } = await peek(metered, SNIFF_BYTES);
  const format: FileFormat = options.format ?? (head.subarray(0, 4).equals(ZIP_MAGIC) ? 'XLSX' : 'CSV');
  if (format === 'XLSX') {
    return { format, encoding: null, rows: xlsxRows(all, options.sheet), bytesRead: m.bytes, sha256: m.sha256 };
  }
  let encoding: string = options.encoding?.toLowerCase() ?? detectEncoding(head);
  if (!iconv.encodingExists(encoding === 'utf-8-bom' ? 'utf-8' : encoding)) {
    throw new SourceError(`不支持的编码 ${encoding} / unknown encoding ${encoding}`);
  }
  if (encoding === 'utf-8' && head.subarray(0, 3).equals(UTF8_BOM)) encoding = 'utf-8-bom';
  const decoderName = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const sample = iconv.decode(head, decoderName);
  const delimiter = detectDelimiter(sample.split(/\r?\n/, 1)[0] ?? '');
  return { format, encoding, rows: csvRows(all, decoderName, delimiter), bytesRead: m.bytes, sha256: m.sha256 };
}

async function* csvRows(bytes: Readable, encoding: string, delimiter: string): AsyncGenerator<SourceRow> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  bytes.on('error', (e) => parser.destroy(e));
  if (encoding === 'utf-8') {
    // csv-parse reads UTF-8 bytes itself (and drops a BOM): no decoding to a string and back.
    bytes.pipe(parser);
  } else {
    const decoded = bytes.pipe(iconv.decodeStream(encoding, { stripBOM: true }));
    decoded.on('error', (e) => parser.destroy(e));
    decoded.pipe(parser);
  }
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (record.length === 1 && record[0] === '') continue;
      yield { row, cells: record };
    }
  } catch (e) {
    throw new SourceError(
      `CSV 无法解析（第 ${row + 1} 行附近）/ the CSV cannot be read near row ${row + 1}: ${(e as Error).message}`,
    );
  }
}

type XlsxValue = ExcelJS.CellValue;

function xlsxCell(value: XlsxValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return xlsxCell((value as ExcelJS.CellFormulaValue).result as XlsxValue);
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return null;
  }
  return String(value);
}

async function* xlsxRows(bytes: Readable, sheet?: string): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let seen = false;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      if (seen || (sheet && ws.name !== sheet)) {
        // Sheets after the one read still have to be consumed for the reader to finish.
        for await (const _ of ws) void _;
        continue;
      }
      seen = true;
      for await (const r of ws) {
        const values = r.values as XlsxValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        if (cells.every((c) => c === null || c === '')) continue;
        yield { row: r.number, cells };
      }
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(`XLSX 文件无法读取 / the XLSX file cannot be read: ${(e as Error).message}`);
  }
  if (!seen) {
    throw new SourceError(
      sheet
        ? `没有名为 ${sheet} 的工作表 / no worksheet named ${sheet}`
        : 'XLSX 中没有工作表 / the XLSX has no worksheet',
    );
  }
}
