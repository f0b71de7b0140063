import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('demo');
});
afterAll(() => hub?.close());

describe('overdue ageing', () => {
  it('groups overdue hazards by age, and the age filter selects the same hazards in lists and statistics', async () => {
    const res = await hub.gql(
      `{ hazardStats(filter: { overdue: true }, groupBy: [OVERDUE_AGE]) { total { found } groups { overdueAge found } } }`,
    );
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data!.hazardStats;
    expect(total.found).toBeGreaterThan(0);
    expect(groups.reduce((s: number, g: any) => s + g.found, 0)).toBe(total.found);
    for (const g of groups) {
      expect(g.overdueAge).not.toBeNull();
      const one = await hub.gql(
        `query ($ages: [OverdueAge!]) { hazards(first: 1, filter: { overdueAges: $ages }) { totalCount } hazardStats(filter: { overdueAges: $ages }) { total { found overdue } } }`,
        { ages: [g.overdueAge] },
      );
      expect(one.errors).toBeUndefined();
      expect(one.data!.hazards.totalCount).toBe(g.found);
      expect(one.data!.hazardStats.total).toEqual({ found: g.found, overdue: g.found });
    }
  });
});
