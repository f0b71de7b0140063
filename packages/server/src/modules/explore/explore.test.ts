// The explore queries against the demo county: the same numbers as the fixed statistics queries where they
// overlap, one SQL statement each, input validated, the township scope applied, and the two example questions.
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../common/context.js';
import { createLogger } from '../../common/logger.js';
import { ANONYMOUS, type Viewer } from '../../common/viewer.js';
import { hubSchema } from '../../graphql/schema.js';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';
import { EXPLORE_DATASETS } from './datasets/index.js';
import { compileExplore } from './explore.engine.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('demo');
}, 120_000);
afterAll(() => hub?.close());

const RESULT = `{ dimensions { key label { zh en } } measures { key } rows { dimensions { key label { zh en } } measures } totals truncated }`;

interface Result {
  dimensions: { key: string }[];
  rows: { dimensions: { key: string | null; label: { zh: string; en: string } }[]; measures: number[] }[];
  totals: number[];
  truncated: boolean;
}

/** Runs an explore query, checks it is one SQL statement, returns its result. */
async function explore(field: string, args: string): Promise<Result> {
  const { result, statements } = await hub.countQueries(() => hub.gql(`{ ${field}(${args}) ${RESULT} }`));
  expect(result.errors).toBeUndefined();
  expect(statements).toHaveLength(1);
  return result.data![field] as Result;
}

async function gqlData(query: string): Promise<Record<string, any>> {
  const res = await hub.gql(query);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** Rows keyed by their dimension keys joined with "|". */
const byKey = (r: Result) =>
  new Map(r.rows.map((row) => [row.dimensions.map((d) => d.key ?? 'null').join('|'), row.measures]));

const Y2014 = 'from: "2014-01-01", to: "2014-12-31"';

describe('explore gives the numbers of the fixed statistics', () => {
  it('accidents by month, township and sector equal accidentStats (MonthlyTrend2014, AccidentsBySeverity2014)', async () => {
    for (const [dimension, key] of [
      ['MONTH', (g: any) => g.month],
      ['TOWNSHIP', (g: any) => g.township.code],
      ['SECTOR', (g: any) => g.sector],
      ['SEVERITY', (g: any) => g.severity],
    ] as const) {
      const stats = await gqlData(
        `{ accidentStats(filter: { ${Y2014} }, groupBy: [${dimension}]) { total { accidents deaths injuries directLossCny } groups { month sector severity township { code } accidents deaths injuries directLossCny } } }`,
      );
      const ex = await explore(
        'accidentExplore',
        `measures: [ACCIDENTS, DEATHS, INJURIES, DIRECT_LOSS_CNY], dimensions: [${dimension}], filter: { ${Y2014} }`,
      );
      const rows = byKey(ex);
      expect(rows.size).toBe(stats.accidentStats.groups.length);
      for (const g of stats.accidentStats.groups)
        expect(rows.get(key(g)), `${dimension} ${key(g)}`).toEqual([
          g.accidents,
          g.deaths,
          g.injuries,
          g.directLossCny,
        ]);
      const t = stats.accidentStats.total;
      expect(ex.totals).toEqual([t.accidents, t.deaths, t.injuries, t.directLossCny]);
    }
  });

  it('road traffic in September 2014: 3 accidents, 4 dead, 2 injured (SeptemberRoadTraffic)', async () => {
    const ex = await explore(
      'roadTrafficExplore',
      'measures: [ACCIDENTS, DEATHS, INJURIES], dimensions: [], filter: { from: "2014-09-01", to: "2014-09-30" }',
    );
    expect(ex.rows).toEqual([{ dimensions: [], measures: [3, 4, 2] }]);
    expect(ex.totals).toEqual([3, 4, 2]);
    // The sector stays fixed even when the caller asks for others.
    const widened = await explore(
      'roadTrafficExplore',
      'measures: [ACCIDENTS], dimensions: [], filter: { from: "2014-09-01", to: "2014-09-30", sectors: [FIRE, ROAD_TRAFFIC] }',
    );
    expect(widened.totals).toEqual([3]);
  });

  it('hazards by township equal hazardStats (HazardsByTownship2014)', async () => {
    const stats = await gqlData(
      `{ hazardStats(filter: { ${Y2014} }, groupBy: [TOWNSHIP]) { total { found rectified overdue rectificationRate } groups { township { code } found rectified overdue rectificationRate } } }`,
    );
    const ex = await explore(
      'hazardExplore',
      `measures: [FOUND, RECTIFIED, OVERDUE, RECTIFICATION_RATE], dimensions: [TOWNSHIP], filter: { ${Y2014} }`,
    );
    const rows = byKey(ex);
    expect(rows.size).toBe(stats.hazardStats.groups.length);
    for (const g of stats.hazardStats.groups)
      expect(rows.get(g.township.code)).toEqual([g.found, g.rectified, g.overdue, g.rectificationRate]);
    const t = stats.hazardStats.total;
    expect(ex.totals).toEqual([t.found, t.rectified, t.overdue, t.rectificationRate]);
  });

  it('hazards by level and status equal hazardStats', async () => {
    const stats = await gqlData(
      `{ hazardStats(groupBy: [LEVEL, STATUS]) { groups { level status found investmentCny } } }`,
    );
    const rows = byKey(
      await explore('hazardExplore', 'measures: [FOUND, INVESTMENT_CNY], dimensions: [LEVEL, STATUS]'),
    );
    expect(rows.size).toBe(stats.hazardStats.groups.length);
    for (const g of stats.hazardStats.groups)
      expect(rows.get(`${g.level}|${g.status}`)).toEqual([g.found, g.investmentCny]);
  });

  it('inspections by campaign and by department equal inspectionStats, joint inspections counted once in the total', async () => {
    for (const [dimension, key] of [
      ['CAMPAIGN', (g: any) => g.campaign],
      ['DEPARTMENT', (g: any) => g.department.code],
    ] as const) {
      const stats = await gqlData(
        `{ inspectionStats(filter: { ${Y2014} }, groupBy: [${dimension}]) { total { inspections jointInspections penaltyCny hazardsFound } groups { campaign department { code } inspections jointInspections penaltyCny hazardsFound } } }`,
      );
      const ex = await explore(
        'inspectionExplore',
        `measures: [INSPECTIONS, JOINT_INSPECTIONS, PENALTY_CNY, HAZARDS_FOUND], dimensions: [${dimension}], filter: { ${Y2014} }`,
      );
      const rows = byKey(ex);
      expect(rows.size).toBe(stats.inspectionStats.groups.length);
      for (const g of stats.inspectionStats.groups)
        expect(rows.get(key(g))).toEqual([g.inspections, g.jointInspections, g.penaltyCny, g.hazardsFound]);
      const t = stats.inspectionStats.total;
      expect(ex.totals).toEqual([t.inspections, t.jointInspections, t.penaltyCny, t.hazardsFound]);
    }
  });

  it('training equals trainingStats (TrainingAndPlan), by kind too', async () => {
    const stats = await gqlData(
      `{ trainingStats(filter: { ${Y2014} }, groupBy: [KIND]) { total { sessions trainees certified } groups { kind sessions trainees certified } } }`,
    );
    const ex = await explore(
      'trainingExplore',
      `measures: [SESSIONS, TRAINEES, CERTIFIED], dimensions: [KIND], filter: { ${Y2014} }`,
    );
    const t = stats.trainingStats.total;
    expect(ex.totals).toEqual([t.sessions, t.trainees, t.certified]);
    const rows = byKey(ex);
    for (const g of stats.trainingStats.groups) expect(rows.get(g.kind)).toEqual([g.sessions, g.trainees, g.certified]);
  });

  it('capacity equals capacityStats and the records of supervisoryCapacity (CapacityGaps2014)', async () => {
    const stats = await gqlData(
      `{ capacityStats(year: 2014) { total { records staffRequired staffActual gap vehicles } } supervisoryCapacity(year: 2014) { township { code } department { code } staffRequired staffActual } }`,
    );
    const total = await explore(
      'capacityExplore',
      'measures: [RECORDS, STAFF_REQUIRED, STAFF_ACTUAL, GAP, VEHICLES], dimensions: [], filter: { years: [2014] }',
    );
    const t = stats.capacityStats.total;
    expect(total.totals).toEqual([t.records, t.staffRequired, t.staffActual, t.gap, t.vehicles]);
    const rows = byKey(
      await explore(
        'capacityExplore',
        'measures: [STAFF_REQUIRED, STAFF_ACTUAL], dimensions: [TOWNSHIP, DEPARTMENT], filter: { years: [2014] }',
      ),
    );
    expect(rows.size).toBe(stats.supervisoryCapacity.length);
    for (const r of stats.supervisoryCapacity)
      expect(rows.get(`${r.township?.code ?? null}|${r.department?.code ?? null}`)).toEqual([
        r.staffRequired,
        r.staffActual,
      ]);
  });

  it('investigations by township equal investigationStats', async () => {
    const stats = await gqlData(
      `{ investigationStats(filter: { ${Y2014} }, groupBy: [TOWNSHIP]) { total { accidents investigated closed closureRate } groups { township { code } accidents investigated closed closureRate } } }`,
    );
    const ex = await explore(
      'investigationExplore',
      `measures: [ACCIDENTS, INVESTIGATED, CLOSED, CLOSURE_RATE], dimensions: [TOWNSHIP], filter: { ${Y2014} }`,
    );
    const rows = byKey(ex);
    for (const g of stats.investigationStats.groups)
      expect(rows.get(g.township.code)).toEqual([g.accidents, g.investigated, g.closed, g.closureRate]);
    const t = stats.investigationStats.total;
    expect(ex.totals).toEqual([t.accidents, t.investigated, t.closed, t.closureRate]);
  });
});

describe('the two example questions', () => {
  it('hazards found in holiday inspections by township, 2013 vs 2014', async () => {
    const ex = await explore(
      'inspectionExplore',
      'measures: [HAZARDS_FOUND], dimensions: [TOWNSHIP, YEAR], filter: { campaigns: [HOLIDAY], from: "2013-01-01", to: "2014-12-31" }',
    );
    // Counted independently, straight from the tables: hazards whose inspection was a holiday check.
    const expected = (await hub.orm.em.getKnex().raw(
      `select t.code, extract(year from i.inspected_on)::int as year, count(*)::int as n
         from hazard h join inspection i on i.id = h.inspection_id join township t on t.id = i.township_id
        where i.campaign = 'HOLIDAY' and i.inspected_on between '2013-01-01' and '2014-12-31'
        group by 1, 2`,
    )) as { rows: { code: string; year: number; n: number }[] };
    const rows = byKey(ex);
    for (const e of expected.rows) expect(rows.get(`${e.code}|${e.year}`)).toEqual([e.n]);
    const sum = expected.rows.reduce((s, e) => s + e.n, 0);
    expect(sum).toBeGreaterThan(0);
    expect(ex.totals).toEqual([sum]);
    // Asked from the hazards' side (the campaign of the inspection that found each hazard), the same totals.
    const fromHazards = await explore(
      'hazardExplore',
      'measures: [FOUND], dimensions: [INSPECTION_CAMPAIGN, YEAR], filter: { from: "2013-01-01", to: "2014-12-31" }',
    );
    const holiday = fromHazards.rows.filter((r) => r.dimensions[0]!.key === 'HOLIDAY');
    expect(holiday.map((r) => r.dimensions[0]!.label.zh)).toEqual(['节假日检查', '节假日检查']);
    const byYear = (rows: Result['rows'], year: string) =>
      rows.filter((r) => r.dimensions.some((d) => d.key === year)).reduce((s, r) => s + r.measures[0]!, 0);
    for (const year of ['2013', '2014']) expect(byYear(holiday, year)).toBe(byYear(ex.rows, year));
  });

  it('night-time road accidents on county roads', async () => {
    const ex = await explore(
      'roadTrafficExplore',
      'measures: [ACCIDENTS, DEATHS, INJURIES], dimensions: [DAY_PERIOD], filter: { roadClasses: [COUNTY] }',
    );
    const list = await gqlData(
      `{ accidents(first: 1, filter: { sectors: [ROAD_TRAFFIC], roadClasses: [COUNTY], lights: [DARK_LIT, DARK_UNLIT] }) { totalCount } }`,
    );
    const night = ex.rows.find((r) => r.dimensions[0]!.key === 'NIGHT');
    expect(night?.dimensions[0]!.label).toEqual({ zh: '夜间', en: 'Night' });
    expect(night!.measures[0]).toBe(list.accidents.totalCount);
    expect(list.accidents.totalCount).toBeGreaterThan(0);
  });
});

describe('validation and safety', () => {
  const expectBad = async (args: string, field: string) => {
    const res = await hub.gql(`{ accidentExplore(${args}) { totals } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.errors?.[0]?.message).toMatch(/ \/ /); // Chinese / English
  };

  it('rejects duplicates, too many dimensions, a bad limit, an order by something not asked for, no measures', async () => {
    await expectBad('measures: [DEATHS, DEATHS], dimensions: []', 'measures[1]');
    await expectBad('measures: [DEATHS], dimensions: [YEAR, YEAR]', 'dimensions[1]');
    await expectBad('measures: [DEATHS], dimensions: [YEAR, MONTH, SECTOR, TOWNSHIP]', 'dimensions');
    await expectBad('measures: [DEATHS], dimensions: [], limit: 5001', 'limit');
    await expectBad('measures: [DEATHS], dimensions: [], limit: 0', 'limit');
    await expectBad('measures: [], dimensions: []', 'measures');
    await expectBad('measures: [DEATHS], dimensions: [YEAR], orderBy: [{ measure: INJURIES }]', 'orderBy[0].measure');
    await expectBad('measures: [DEATHS], dimensions: [YEAR], orderBy: [{ dimension: MONTH }]', 'orderBy[0].dimension');
    await expectBad('measures: [DEATHS], dimensions: [YEAR], orderBy: [{}]', 'orderBy[0]');
    // A measure of another dataset is not even a value of this enum.
    const res = await hub.gql('{ accidentExplore(measures: [FOUND], dimensions: []) { totals } }');
    expect(res.errors?.[0]?.message).toMatch(/FOUND/);
  });

  it('orders by a measure and cuts at the limit, saying so', async () => {
    const ex = await explore(
      'accidentExplore',
      'measures: [ACCIDENTS], dimensions: [TOWNSHIP], orderBy: [{ measure: ACCIDENTS, direction: DESC }], limit: 3',
    );
    expect(ex.rows).toHaveLength(3);
    expect(ex.truncated).toBe(true);
    const counts = ex.rows.map((r) => r.measures[0]!);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const all = await explore('accidentExplore', 'measures: [ACCIDENTS], dimensions: [TOWNSHIP]');
    expect(all.truncated).toBe(false);
    expect(Math.max(...all.rows.map((r) => r.measures[0]!))).toBe(counts[0]);
    expect(ex.totals).toEqual(all.totals);
  });

  it('binds filter values as parameters, never as SQL text', () => {
    const evil = "450799101000' or '1'='1";
    const { sql, bindings } = compileExplore(
      hub.orm.em.fork(),
      EXPLORE_DATASETS.ACCIDENT,
      { measures: ['ACCIDENTS'], dimensions: ['TOWNSHIP'], filter: { townshipCodes: [evil], roadNames: ['G325'] } },
      ANONYMOUS,
    ).toSQL();
    expect(sql).not.toContain(evil);
    expect(sql).not.toContain('G325');
    expect(bindings).toContain(evil);
  });

  it('a township-limited caller sees its township only', async () => {
    const schema = await hubSchema();
    const code = '450799105000';
    const viewer: Viewer = { ...ANONYMOUS, kind: 'user', id: '7', name: 'xinwei', role: 'ANALYST', townshipCode: code };
    const run = async (v: Viewer, filter = '') => {
      const res = await graphql({
        schema,
        source: `{ hazardExplore(measures: [FOUND], dimensions: [TOWNSHIP]${filter}) { rows { dimensions { key } measures } totals } }`,
        contextValue: createContext(hub.orm, createLogger('warn'), v),
      });
      expect(res.errors).toBeUndefined();
      return res.data!.hazardExplore as {
        rows: { dimensions: { key: string }[]; measures: number[] }[];
        totals: number[];
      };
    };
    const all = await run(ANONYMOUS);
    const own = await run(viewer);
    expect(all.rows.length).toBeGreaterThan(1);
    expect(own.rows.map((r) => r.dimensions[0]!.key)).toEqual([code]);
    expect(own.totals).toEqual(all.rows.find((r) => r.dimensions[0]!.key === code)!.measures);
    // Asking for another township gives nothing, never everything.
    const other = await run(viewer, ', filter: { townshipCodes: ["450799101000"] }');
    expect(other.rows).toEqual([]);
    expect(other.totals).toEqual([0]);
  });
});
