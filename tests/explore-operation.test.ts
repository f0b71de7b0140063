// The Explore page's generated operation (a pure function of the analyst's choices, pinned to a known text in
// packages/web/src/features/explore/exploreOperation.test.ts) runs against the server as it is and gives the
// same rows as the explore query written by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../packages/server/src/test-support/test-hub.js';
import { buildExploreOperation } from '../packages/web/src/features/explore/exploreOperation';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('demo');
}, 120_000);
afterAll(() => hub?.close());

describe("the workbench's generated operation", () => {
  it('answers "hazards found in holiday inspections by township, 2013 vs 2014" as the hand-written query does', async () => {
    const op = buildExploreOperation({
      dataset: 'INSPECTION',
      measures: ['HAZARDS_FOUND'],
      dimensions: ['TOWNSHIP', 'YEAR'],
      filter: { campaigns: ['HOLIDAY'], from: '2013-01-01', to: '2014-12-31', townshipCodes: [] },
      chart: 'STACKED_BAR',
    });
    const { result, statements } = await hub.countQueries(() => hub.gql(op.query, op.variables));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    const direct = await hub.gql(
      '{ inspectionExplore(measures: [HAZARDS_FOUND], dimensions: [TOWNSHIP, YEAR], filter: { campaigns: [HOLIDAY], from: "2013-01-01", to: "2014-12-31" }) { rows { dimensions { key } measures } totals } }',
    );
    const rows = (result.data![op.field].rows as { dimensions: { key: string }[]; measures: number[] }[]).map((r) => ({
      dimensions: r.dimensions.map((d) => ({ key: d.key })),
      measures: r.measures,
    }));
    expect(rows).toEqual(direct.data!.inspectionExplore.rows);
    expect(rows.length).toBeGreaterThan(10);
    expect(result.data![op.field].totals).toEqual(direct.data!.inspectionExplore.totals);
  });

  it('runs for every dataset', async () => {
    const first: Record<string, [string, string]> = {
      ACCIDENT: ['DEATHS', 'MONTH'],
      ROAD_TRAFFIC: ['ACCIDENTS', 'DAY_PERIOD'],
      HAZARD: ['RECTIFICATION_RATE', 'QUARTER'],
      INSPECTION: ['PENALTY_CNY', 'DEPARTMENT'],
      TRAINING: ['TRAINEES', 'KIND'],
      CAPACITY: ['GAP', 'TOWNSHIP'],
      INVESTIGATION: ['CLOSURE_RATE', 'SECTOR'],
    };
    for (const [dataset, [measure, dimension]] of Object.entries(first)) {
      const op = buildExploreOperation({
        dataset: dataset as never,
        measures: [measure],
        dimensions: [dimension],
        filter: {},
        chart: 'TABLE',
      });
      const res = await hub.gql(op.query, op.variables);
      expect(res.errors, dataset).toBeUndefined();
      expect(res.data![op.field].rows.length, dataset).toBeGreaterThan(0);
    }
  });
});
