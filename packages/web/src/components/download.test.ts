import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('fileNameOf', () => {
  it('joins title and scope into a file name without characters file systems refuse', () => {
    expect(fileNameOf(['分行业月度事故起数', '2014年 · 全县 · 全部行业'], 'csv')).toBe(
      '分行业月度事故起数_2014年_全县_全部行业.csv',
    );
    expect(fileNameOf(['A/B: "c"?', ' d '], 'png')).toBe('A_B_c_d.png');
  });
});
