// The problems an import reports, each for one row and column, with a code and a reason in Chinese and English.
import { InputProblems } from '../../common/errors.js';

export interface RowProblem {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row 2. */
  row: number;
  column: string;
  value: string | null;
  code: string;
  zh: string;
  en: string;
}

/** What can be wrong with a value, before any rule between fields. */
export const REASONS = {
  REQUIRED: { zh: '必填项为空', en: 'is required but empty' },
  MALFORMED_DATE: {
    zh: '日期格式不对（应为 YYYY-MM-DD，如 2014-09-06）',
    en: 'is not a date in a known form (YYYY-MM-DD, e.g. 2014-09-06)',
  },
  IMPOSSIBLE_DATE: { zh: '日期不存在', en: 'is not a real calendar date' },
  MALFORMED_DATETIME: {
    zh: '时间格式不对（应为 YYYY-MM-DD HH:mm）',
    en: 'is not a date-time in a known form (YYYY-MM-DD HH:mm)',
  },
  NOT_A_NUMBER: { zh: '不是数字', en: 'is not a number' },
  NOT_WHOLE: { zh: '应为整数', en: 'must be a whole number' },
  NEGATIVE: { zh: '不能为负数', en: 'must not be negative' },
  OUT_OF_RANGE: { zh: '超出允许范围', en: 'is out of range' },
  NOT_BOOLEAN: { zh: '应为"是"或"否"', en: 'must be yes or no (是/否)' },
  BAD_VALUE: { zh: '不是允许的取值', en: 'is not one of the allowed values' },
  TOO_LONG: { zh: '内容过长', en: 'is too long' },
  BAD_FORMAT: { zh: '格式不对', en: 'has the wrong form' },
  DUPLICATE_IN_FILE: { zh: '与文件中前面的行重复', en: 'duplicates an earlier row of the file' },
} as const;
export type ReasonCode = keyof typeof REASONS;

/**
 * Collects the problems of one row. The services' own checks write into it by field name (it is an
 * InputProblems), and every problem is turned into the column of the file that field came from.
 */
export class RowProblems extends InputProblems {
  private problems_: RowProblem[] | null = null;
  private row = 0;
  private cells: unknown = null;

  /**
   * One instance serves every row, in turn (see `reset`).
   * @param columnOf the file's column of each field
   * @param rawOf the cell text of a field in a row (read only when there is a problem)
   */
  constructor(
    private readonly columnOf: Record<string, string>,
    private readonly rawOf: (field: string, cells: unknown) => string | null,
  ) {
    super();
  }

  /** Starts on a row, with the problems it already has. */
  reset(row: number, cells: unknown, problems: RowProblem[] | null = null): this {
    this.row = row;
    this.cells = cells;
    this.problems_ = problems;
    return this;
  }

  /** The row's problems (null when none), leaving the instance for the next row. */
  take(): RowProblem[] | null {
    const list = this.problems_;
    this.problems_ = null;
    return list;
  }

  override add(field: string, zh: string, en: string, code = codeFor(field, zh)): void {
    (this.problems_ ??= []).push({
      row: this.row,
      column: this.columnOf[field] ?? field,
      value: this.rawOf(field, this.cells),
      code,
      zh,
      en,
    });
  }

  reason(field: string, code: ReasonCode, detail?: { zh: string; en: string }): void {
    const r = REASONS[code];
    this.add(field, detail ? `${r.zh}（${detail.zh}）` : r.zh, detail ? `${r.en} (${detail.en})` : r.en, code);
  }

  override get empty(): boolean {
    return this.problems_ === null;
  }
}

/** A code for a problem a service check reported (they carry messages, not codes). */
function codeFor(field: string, zh: string): string {
  if (zh.startsWith('没有代码为') && field.startsWith('township')) return 'UNKNOWN_TOWNSHIP';
  if (zh.includes('晚于今天') || zh.includes('晚于现在')) return 'FUTURE_DATE';
  if (field === 'seriousInjuries') return 'SERIOUS_ABOVE_INJURIES';
  return 'RULE';
}
