import { describe, expect, it } from 'vitest';
import { scopeTownshipCodes } from './township-scope.js';
import { ANONYMOUS } from './viewer.js';

const limited = { ...ANONYMOUS, kind: 'key' as const, role: 'PARTNER' as const, townshipCode: '450721100000' };

describe('scopeTownshipCodes', () => {
  it('passes the request through for a county-wide caller', () => {
    expect(scopeTownshipCodes(ANONYMOUS, undefined)).toBeUndefined();
    expect(scopeTownshipCodes(ANONYMOUS, ['450721101000'])).toEqual(['450721101000']);
  });
  it('narrows a township-limited caller to its township', () => {
    expect(scopeTownshipCodes(limited, undefined)).toEqual(['450721100000']);
    expect(scopeTownshipCodes(limited, ['450721100000', '450721101000'])).toEqual(['450721100000']);
  });
  it('gives no rows, not all rows, when the caller asks only for other townships', () => {
    expect(scopeTownshipCodes(limited, ['450721101000'])).toEqual([]);
  });
});
