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

describe('poissonUpperTail at a province’s scale', () => {
  // Both tails by brute force in log space (log-sum-exp over every term), as an independent reference.
  const logPmf = (i: number, lambda: number) => {
    let lf = 0;
    for (let j = 2; j <= i; j++) lf += Math.log(j);
    return -lambda + i * Math.log(lambda) - lf;
  };
  const logSumExp = (xs: number[]) => {
    const max = Math.max(...xs);
    return max + Math.log(xs.reduce((s, x) => s + Math.exp(x - max), 0));
  };
  const upperByBruteForce = (k: number, lambda: number) =>
    Math.exp(logSumExp(Array.from({ length: 4000 }, (_, n) => logPmf(k + n, lambda))));

  it('keeps working where exp(−λ) underflows (λ > 745)', () => {
    // Was 1 for every k before: the first term underflowed to 0. Normal approximation: about 2e-4.
    const p = poissonUpperTail(900, 800);
    expect(p).toBeGreaterThan(1e-4);
    expect(p).toBeLessThan(4e-4);
    expect(p / upperByBruteForce(900, 800)).toBeCloseTo(1, 9);
  });
  it('keeps the digits of tiny p-values', () => {
    const p = poissonUpperTail(2000, 1600);
    expect(p).toBeGreaterThan(0);
    expect(p / upperByBruteForce(2000, 1600)).toBeCloseTo(1, 9);
  });
  it('agrees with brute force below and around the mean', () => {
    for (const [k, lambda] of [
      [1500, 1600],
      [1600, 1600],
      [12, 14.5],
      [3, 0.4],
    ] as [number, number][]) {
      expect(poissonUpperTail(k, lambda)).toBeCloseTo(upperByBruteForce(k, lambda), 10);
    }
  });
});
