import { describe, expect, it } from 'vitest';
import { toCsv } from './dataTable';

describe('toCsv', () => {
  it('writes a header of labels and one line per row, in column order', () => {
    const csv = toCsv({
      columns: [
        { key: 'month', label: '月份' },
        { key: 'accidents', label: '事故起数' },
      ],
      rows: [
        { month: '2014年9月', accidents: 3 },
        { accidents: 0, month: '2014年10月' },
      ],
    });
    expect(csv).toBe('月份,事故起数\r\n2014年9月,3\r\n2014年10月,0\r\n');
  });

  it('quotes commas, quotes and line breaks, and leaves empty cells empty', () => {
    const csv = toCsv({
      columns: [
        { key: 'a', label: 'A' },
        { key: 'b', label: 'B' },
      ],
      rows: [{ a: 'x, "y"\nz', b: null }],
    });
    expect(csv).toBe('A,B\r\n"x, ""y""\nz",\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula, but keeps negative numbers', () => {
    const csv = toCsv({ columns: [{ key: 'a', label: 'A' }], rows: [{ a: '=HYPERLINK("x")' }, { a: -2 }] });
    expect(csv).toBe('A\r\n"\'=HYPERLINK(""x"")"\r\n-2\r\n');
  });
});
