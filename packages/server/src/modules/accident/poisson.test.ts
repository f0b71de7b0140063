import { describe, expect, it } from 'vitest';
import { poissonUpperTail } from './poisson.js';

describe('poissonUpperTail', () => {
  it('matches hand-computed values', () => {
    // P(X ≥ 3 | λ = 1) = 1 − e⁻¹(1 + 1 + 1/2)
    expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * 2.5, 12);
    expect(poissonUpperTail(1, 0.5)).toBeCloseTo(1 - Math.exp(-0.5), 12);
  });
  it('is 1 for k ≤ 0 and falls as k grows', () => {
    expect(poissonUpperTail(0, 2)).toBe(1);
    expect(poissonUpperTail(5, 2)).toBeLessThan(poissonUpperTail(4, 2));
  });
  it('is 0 when nothing is expected and something is seen', () => {
    expect(poissonUpperTail(1, 0)).toBe(0);
  });
});
