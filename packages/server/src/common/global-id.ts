// Relay global ids: base64url of "Type:key", opaque to clients but stable across releases.

export function toGlobalId(type: string, key: number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Decodes a global id; returns null for anything that is not one. */
export function fromGlobalId(id: string): { type: string; key: number } | null {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const m = /^([A-Za-z]+):(\d{1,10})$/.exec(decoded);
  if (!m) return null;
  const key = Number(m[2]);
  return Number.isSafeInteger(key) && key > 0 ? { type: m[1]!, key } : null;
}
