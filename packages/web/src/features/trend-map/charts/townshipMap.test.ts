import type { MapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import type { TrendMapQuery } from '../../../graphql/generated/graphql';
import { LOCALES } from '../../../i18n/messages';
import { SEQUENTIAL_RAMP } from '../../../theme/palette';
import { countyGeoJson } from './countyGeoJson';
import { colourClasses, metricValue, townshipFigures } from './townshipFigures';
import { townshipMapChart, type MapPoint } from './townshipMapChart';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});

const data: TrendMapQuery = {
  mapTownships: [
    { code: 'A', name: '城关镇', population: 80_000, boundary: square(0), safeCommunityStatus: 'ACHIEVED' },
    { code: 'B', name: '六峰镇', population: 20_000, boundary: square(1), safeCommunityStatus: 'NOT_STARTED' },
    { code: 'C', name: '白石乡', population: null, boundary: null, safeCommunityStatus: 'IN_PROGRESS' },
  ],
  monthly: {
    groups: [
      { month: '2014-01', township: { code: 'A' }, accidents: 2, deaths: 0, injuries: 1 },
      { month: '2014-09', township: { code: 'A' }, accidents: 1, deaths: 2, injuries: 0 },
      { month: '2014-09', township: { code: 'B' }, accidents: 3, deaths: 1, injuries: 2 },
    ],
  },
  hazardsByTownship: {
    groups: [{ township: { code: 'B' }, found: 10, open: 4, overdue: 3, rectificationRate: 0.6 }],
  },
  capacityByTownship: [{ township: { code: 'A' }, staffRequired: 6, staffActual: 4, gap: 2 }],
  points: { totalCount: 6, nodes: [] },
};

const figures = townshipFigures(data);
const months = ['2014-01', '2014-02', '2014-03', '2014-04', '2014-05', '2014-06', '2014-07', '2014-08', '2014-09'];
const point: MapPoint = {
  id: 'p1',
  lng: 1.5,
  lat: 0.5,
  date: '2014-09-06',
  sector: 'ROAD_TRAFFIC',
  severity: 'LARGER',
  deaths: 2,
  injuries: 1,
};

describe('townshipFigures and metricValue', () => {
  it('adds up each township’s months and joins its hazards and capacity', () => {
    const [a, b, c] = figures;
    expect([a?.accidents, a?.deaths, a?.injuries, a?.capacityGap, a?.openHazards]).toEqual([3, 2, 1, 2, 0]);
    expect([b?.accidents, b?.openHazards, b?.overdueHazards, b?.capacityGap]).toEqual([3, 4, 3, null]);
    expect(c?.accidents).toBe(0);
  });

  it('gives a metric for the whole period or one month; rates need a population', () => {
    const [a, b, c] = figures;
    expect(metricValue(a!, 'accidents')).toBe(3);
    expect(metricValue(a!, 'accidents', '2014-09')).toBe(1);
    expect(metricValue(a!, 'deaths', '2014-03')).toBe(0);
    expect(metricValue(b!, 'accidentsPer10k')).toBeCloseTo(1.5);
    expect(metricValue(c!, 'accidentsPer10k')).toBeNull();
    // Hazards and capacity have no months.
    expect(metricValue(b!, 'openHazards', '2014-09')).toBeNull();
  });
});

describe('colourClasses', () => {
  const format = (value: number) => String(Math.round(value * 100) / 100);

  it('keeps zero apart and splits counts into whole-number classes up to the largest', () => {
    expect(colourClasses(4, true, SEQUENTIAL_RAMP, format).map((c) => c.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(colourClasses(10, true, SEQUENTIAL_RAMP, format).map((c) => [c.above, c.upTo, c.label])).toEqual([
      [null, 0, '0'],
      [0, 3, '1–3'],
      [3, 6, '4–6'],
      [6, 9, '7–9'],
      [9, 10, '10'],
    ]);
    expect(colourClasses(2, true, SEQUENTIAL_RAMP, format)).toHaveLength(3);
  });

  it('splits rates into four equal classes, and has one class when all is zero', () => {
    expect(colourClasses(0.8, false, SEQUENTIAL_RAMP, format).map((c) => c.label)).toEqual([
      '0',
      '0–0.2',
      '0.2–0.4',
      '0.4–0.6',
      '0.6–0.8',
    ]);
    expect(colourClasses(0, true, SEQUENTIAL_RAMP, format)).toEqual([
      { above: null, upTo: 0, color: SEQUENTIAL_RAMP[0], label: '0' },
    ]);
  });
});

describe('countyGeoJson', () => {
  it('makes one feature per township with a boundary, named by its code', () => {
    const geoJson = countyGeoJson(data.mapTownships);
    expect(geoJson?.features.map((feature) => feature.properties.name)).toEqual(['A', 'B']);
    expect(geoJson?.features[0]?.geometry).toEqual(square(0));
  });

  it('is null when no township has a boundary (the page then explains why there is no map)', () => {
    expect(
      countyGeoJson([
        { code: 'A', boundary: null },
        { code: 'B', boundary: { type: 'Point' } },
      ]),
    ).toBeNull();
  });
});

describe('townshipMapChart', () => {
  const input = {
    mapName: 'county',
    figures,
    metric: 'accidents' as const,
    months,
    points: [point],
    selected: 'B',
    periodText: '2014年',
  };
  const { option, table } = townshipMapChart(input, LOCALES['zh-CN']);

  it('plays month by month: the whole period first, then each month', () => {
    expect(option.baseOption?.timeline).toMatchObject({
      axisType: 'category',
      data: ['全期', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月'],
    });
    expect(option.options).toHaveLength(10);
    const septemberFrame = option.options?.[9]?.series as [MapSeriesOption, ScatterSeriesOption];
    expect(septemberFrame[0].data).toEqual([
      { name: 'A', value: 1 },
      { name: 'B', value: 3 },
      { name: 'C', value: 0 },
    ]);
    // The point of 6 September shows in September and in the whole period, not in January.
    expect((septemberFrame[1].data as unknown[]).length).toBe(1);
    expect(((option.options?.[1]?.series as ScatterSeriesOption[])[1]!.data as unknown[]).length).toBe(0);
  });

  it('outlines the chosen township', () => {
    expect(option.baseOption?.geo).toMatchObject({
      regions: [{ name: 'B', itemStyle: { borderColor: '#0072B2', borderWidth: 3 } }],
    });
  });

  it('colours the whole period on its own scale, and every month on one shared scale', () => {
    const labels = (visualMap: unknown) =>
      (visualMap as { pieces: { label: string }[] }).pieces.map((piece) => piece.label);
    expect(labels(option.baseOption?.visualMap)).toEqual(['0', '1', '2', '3']);
    expect(labels(option.options?.[0]?.visualMap)).toEqual(['0', '1', '2', '3']);
    // The largest month is 3 (township B in September), so January's 2 compares with September's 3.
    expect(labels(option.options?.[1]?.visualMap)).toEqual(['0', '1', '2', '3']);
    const bigYear = townshipMapChart(
      { ...input, figures: figures.map((f) => ({ ...f, accidents: f.accidents * 10 })) },
      LOCALES['zh-CN'],
    );
    expect(labels(bigYear.option.options?.[0]?.visualMap)).toEqual(['0', '1–8', '9–16', '17–24', '25–30']);
    expect(labels(bigYear.option.options?.[9]?.visualMap)).toEqual(['0', '1', '2', '3']);
  });

  it('labels the map as illustrative on the canvas and describes it for screen readers', () => {
    expect(JSON.stringify(option.baseOption?.graphic)).toContain('示意边界');
    expect(option.baseOption?.aria).toEqual({
      label: { description: '各乡镇事故起数分级设色地图，最高为城关镇（3）。' },
    });
  });

  it('draws hazards and capacity without a time slider', () => {
    const hazards = townshipMapChart({ ...input, metric: 'openHazards' }, LOCALES.en);
    expect(hazards.option.baseOption).toBeUndefined();
    expect(hazards.option.timeline).toBeUndefined();
    const series = hazards.option.series as [MapSeriesOption];
    expect(series[0].data).toEqual([
      { name: 'A', value: 0 },
      { name: 'B', value: 4 },
      { name: 'C', value: 0 },
    ]);
    expect(hazards.table.columns.map((c) => c.label)).toEqual(['Township', 'Population', 'Open hazards (2014年)']);
  });

  it('gives a table of every township with the period and each month', () => {
    expect(table.columns.slice(0, 3).map((c) => c.label)).toEqual(['乡镇', '人口', '事故起数（2014年）']);
    expect(table.rows[1]).toMatchObject({
      township: '六峰镇',
      population: 20_000,
      total: 3,
      '2014-09': 3,
      '2014-01': 0,
    });
  });
});
