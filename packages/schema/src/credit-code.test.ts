import { describe, expect, it } from 'vitest';
import { buildCreditCode, checkCreditCode, isValidCreditCode } from './credit-code.js';

describe('unified social credit code', () => {
  it('accepts a published real code', () => {
    // 深圳市腾讯计算机系统有限公司, as printed on its business licence.
    expect(checkCreditCode('9144030071526726XG')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkCreditCode('9144030071526726X')).toBe('LENGTH');
    expect(checkCreditCode('9144030071526726XI')).toBe('CHARACTER');
    expect(checkCreditCode('91440300715267264G')).toBe('ORGANISATION_CHECK');
    expect(checkCreditCode('9144030071526726XA')).toBe('CHECK_CHARACTER');
    expect(checkCreditCode('91AB030071526726XG')).toBe('REGION');
  });

  it('builds codes that validate, and every single-character change is caught', () => {
    const code = buildCreditCode('91', '450521', '31245678');
    expect(isValidCreditCode(code)).toBe(true);
    for (let i = 0; i < 18; i++) {
      const replacement = code[i] === '1' ? '2' : '1';
      expect(isValidCreditCode(code.slice(0, i) + replacement + code.slice(i + 1))).toBe(false);
    }
  });
});
