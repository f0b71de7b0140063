import { describe, expect, it } from 'vitest';
import { gradeSeverity } from './severity.js';

const none = { deaths: 0, missing: 0, seriousInjuries: 0, directLossCny: 0 };

describe('gradeSeverity (art. 3, "X or more" includes X)', () => {
  it.each([
    [0, 'GENERAL'],
    [2, 'GENERAL'],
    [3, 'LARGER'],
    [9, 'LARGER'],
    [10, 'MAJOR'],
    [29, 'MAJOR'],
    [30, 'ESPECIALLY_MAJOR'],
  ])('%i deaths → %s', (deaths, grade) => {
    expect(gradeSeverity({ ...none, deaths })).toBe(grade);
  });

  it.each([
    [9, 'GENERAL'],
    [10, 'LARGER'],
    [49, 'LARGER'],
    [50, 'MAJOR'],
    [99, 'MAJOR'],
    [100, 'ESPECIALLY_MAJOR'],
  ])('%i serious injuries → %s', (seriousInjuries, grade) => {
    expect(gradeSeverity({ ...none, seriousInjuries })).toBe(grade);
  });

  it.each([
    [9_999_999, 'GENERAL'],
    [10_000_000, 'LARGER'],
    [49_999_999, 'LARGER'],
    [50_000_000, 'MAJOR'],
    [99_999_999, 'MAJOR'],
    [100_000_000, 'ESPECIALLY_MAJOR'],
  ])('%i yuan → %s', (directLossCny, grade) => {
    expect(gradeSeverity({ ...none, directLossCny })).toBe(grade);
  });

  it('counts the missing with the dead', () => {
    expect(gradeSeverity({ ...none, deaths: 2, missing: 1 })).toBe('LARGER');
    expect(gradeSeverity({ ...none, deaths: 0, missing: 10 })).toBe('MAJOR');
    expect(gradeSeverity({ ...none, deaths: 29, missing: 1 })).toBe('ESPECIALLY_MAJOR');
  });

  it('takes the highest grade any one measure reaches', () => {
    expect(gradeSeverity({ deaths: 2, seriousInjuries: 9, directLossCny: 9_999_999 })).toBe('GENERAL');
    expect(gradeSeverity({ deaths: 2, seriousInjuries: 0, directLossCny: 10_000_000 })).toBe('LARGER');
    expect(gradeSeverity({ deaths: 3, seriousInjuries: 50, directLossCny: 0 })).toBe('MAJOR');
  });
});
