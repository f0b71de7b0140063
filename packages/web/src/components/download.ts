// Saves a file the browser made, without a server round trip.
function save(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
}

/** A file name from a title and scope, without characters that file systems refuse. */
export function fileNameOf(parts: readonly string[], extension: string): string {
  const base = parts
    .join('_')
    .replace(/[\\/:*?"<>|\s·]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  return `${base}.${extension}`;
}

export function saveDataUrl(dataUrl: string, fileName: string): void {
  save(dataUrl, fileName);
}

// The byte-order mark makes Excel read the CSV as UTF-8, so Chinese headers open correctly.
export function saveCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  save(url, fileName);
  // Revoked after the click has been handled, not before.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
