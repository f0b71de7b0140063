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
  it('equals the definition — every split no more likely than the observed one — summed over all splits', () => {
    // The definition, term by term in exact rational arithmetic for small n, in logs for large n.
    const byDefinition = (current: number, previous: number) => {
      const n = current + previous;
      const logP = (k: number) => lfact(n) - lfact(k) - lfact(n - k) - n * Math.LN2;
      const observed = logP(current);
      let total = 0;
      for (let k = 0; k <= n; k++) if (logP(k) <= observed + 1e-9) total += Math.exp(logP(k));
      return Math.min(1, total);
    };
    const logs = [0];
    const lfact = (k: number) => {
      for (let i = logs.length; i <= k; i++) logs[i] = logs[i - 1]! + Math.log(i);
      return logs[k]!;
    };
    const cases: [number, number][] = [
      [0, 1],
      [1, 0],
      [1, 2],
      [7, 3],
      [3, 7],
      [12, 12],
      [13, 12],
      [50, 80],
      [400, 351],
      [1000, 1000],
      [1000, 1090],
      [9870, 10130],
      [20000, 20400],
      [0, 60],
    ];
    for (const [c, p] of cases) {
      const expected = byDefinition(c, p);
      const got = poissonChangePValue(c, p);
      expect(Math.abs(got - expected), `${c} vs ${p}: ${got} ≠ ${expected}`).toBeLessThan(1e-9 + expected * 1e-9);
    }
  });
});
