// A chart's figures as a table: what the CSV download holds. Headers are in the interface language.
export type Cell = string | number | null;

export interface DataTable {
  columns: readonly { key: string; label: string }[];
  rows: readonly Record<string, Cell>[];
}

// Cells that a spreadsheet would run as a formula are prefixed with ' (OWASP's CSV-injection advice);
// negative numbers stay numbers.
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends; numbers unformatted so spreadsheets read them as numbers. */
export function toCsv(table: DataTable): string {
  const lines = [
    table.columns.map((column) => csvCell(column.label)),
    ...table.rows.map((row) => table.columns.map((column) => csvCell(row[column.key] ?? null))),
  ];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
