import { describe, expect, it } from 'vitest';
import { poissonChangePValue } from './accident-kpis.js';

describe('poissonChangePValue (conditional binomial test)', () => {
  it('is 1 for equal counts and for nothing at all', () => {
    expect(poissonChangePValue(0, 0)).toBe(1);
    expect(poissonChangePValue(5, 5)).toBeCloseTo(1, 12);
  });
  it('matches the exact binomial test', () => {
    // 3 vs 0: P = 2 · (1/2)^3 = 0.25
    expect(poissonChangePValue(3, 0)).toBeCloseTo(0.25, 12);
    // 10 vs 2: two-sided binomial test with n = 12, p = 1/2 gives 0.03857
    expect(poissonChangePValue(10, 2)).toBeCloseTo(0.0385742, 6);
  });
  it('keeps small moves within normal variation and flags large ones', () => {
    expect(poissonChangePValue(4, 2)).toBeGreaterThan(0.05);
    expect(poissonChangePValue(40, 15)).toBeLessThan(0.01);
  });
});
