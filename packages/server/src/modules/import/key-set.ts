// The keys seen so far in a file, to find duplicates within it: 64 bits of each key's hash and the row it
// was first seen on, in typed arrays (12 bytes a row, no garbage), so a million-row file costs ~24 MB.
// Two different keys share 64 bits with a chance of about n²/2⁶⁵ (3·10⁻⁸ for a million rows).
import crypto from 'node:crypto';

export class KeySet {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  /** Row number + 1; 0 marks an empty slot. */
  private rows = new Uint32Array(1 << 12);
  private size = 0;

  /** The row a key was first seen on, or records it for `row` and returns undefined. `hex`: its hash in hex. */
  firstRow(hex: string, row: number): number | undefined {
    const hi = hexWord(hex, 0);
    const lo = hexWord(hex, 8);
    const mask = this.rows.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    for (;;) {
      const r = this.rows[i]!;
      if (r === 0) break;
      if (this.hi[i] === hi && this.lo[i] === lo) return r - 1;
      i = (i + 1) & mask;
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.rows[i] = row + 1;
    if (++this.size * 2 > this.rows.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    const n = rows.length * 2;
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.rows = new Uint32Array(n);
    const mask = n - 1;
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === 0) continue;
      let i = (lo[j]! ^ Math.imul(hi[j]!, 0x9e3779b1)) & mask;
      while (this.rows[i] !== 0) i = (i + 1) & mask;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.rows[i] = rows[j]!;
    }
  }
}

/** 32 bits of a hex string from `at`, without allocating. */
function hexWord(hex: string, at: number): number {
  let v = 0;
  for (let i = at; i < at + 8; i++) {
    const c = hex.charCodeAt(i);
    v = (v << 4) | (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  return v >>> 0;
}

/**
 * The stored key of a row: 128 bits of SHA-256, as 32 hex digits (a uuid to PostgreSQL), over the kind and
 * either the row's natural or source key, or its normalised values.
 */
export const rowKey = (kind: string, text: string): string =>
  crypto.hash('sha256', `${kind}\u0000${text}`, 'hex').slice(0, 32);
