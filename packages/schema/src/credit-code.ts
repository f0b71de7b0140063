// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character set
// (digits and capitals without I, O, S, V, Z). Characters 9–17 are the organisation code of GB 11714,
// whose 9th character is its own check; the 18th character checks the whole code.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeProblem = 'LENGTH' | 'CHARACTER' | 'REGION' | 'ORGANISATION_CHECK' | 'CHECK_CHARACTER';

export const CREDIT_CODE_PROBLEM_MESSAGES: Record<CreditCodeProblem, { zh: string; en: string }> = {
  LENGTH: { zh: '统一社会信用代码应为18位', en: 'must be 18 characters long' },
  CHARACTER: {
    zh: '含有不允许的字符（只能是数字和除I、O、S、V、Z外的大写字母）',
    en: 'contains a character outside 0-9 and A-Z without I, O, S, V, Z',
  },
  REGION: { zh: '第3–8位行政区划码应为数字', en: 'characters 3–8 (the region code) must be digits' },
  ORGANISATION_CHECK: {
    zh: '组织机构代码（第9–17位）校验位错误',
    en: 'the organisation code (characters 9–17) fails its check',
  },
  CHECK_CHARACTER: { zh: '第18位校验码错误', en: 'the check character (18th) is wrong' },
};

/** The GB 32100 check character for the first 17 characters of a code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character for an 8-character organisation code body. */
export function organisationCodeCheckCharacter(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Returns what is wrong with a unified social credit code, or null when it is valid. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'LENGTH';
  for (const ch of code) if (!CHARSET.includes(ch)) return 'CHARACTER';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'REGION';
  if (organisationCodeCheckCharacter(code.slice(8, 16)) !== code[16]) return 'ORGANISATION_CHECK';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'CHECK_CHARACTER';
  return null;
}

export const isValidCreditCode = (code: string): boolean => checkCreditCode(code) === null;

/**
 * Builds a valid code from its parts (used by the demo generator and tests): registration authority and
 * type (2 characters), region (6 digits), an 8-character organisation body of digits.
 */
export function buildCreditCode(prefix2: string, region6: string, orgBody8: string): string {
  const first17 = prefix2 + region6 + orgBody8 + organisationCodeCheckCharacter(orgBody8);
  return first17 + creditCodeCheckCharacter(first17);
}
