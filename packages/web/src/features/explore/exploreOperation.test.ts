import { describe, expect, it } from 'vitest';
import { buildExploreOperation, decodeChoices, encodeChoices, type ExploreChoices } from './exploreOperation';

const HOLIDAY: ExploreChoices = {
  dataset: 'INSPECTION',
  measures: ['HAZARDS_FOUND'],
  dimensions: ['TOWNSHIP', 'YEAR'],
  filter: { campaigns: ['HOLIDAY'], from: '2013-01-01', to: '2014-12-31', townshipCodes: [] },
  chart: 'STACKED_BAR',
};

// The text a person copies: if it changes, third parties' saved copies change meaning, so it is pinned here.
const HOLIDAY_OPERATION_TEXT = `query ExploreInspection(
  $measures: [InspectionExploreMeasure!]!
  $dimensions: [InspectionExploreDimension!]!
  $filter: InspectionFilter
  $limit: Int
) {
  inspectionExplore(measures: $measures, dimensions: $dimensions, filter: $filter, limit: $limit) {
    dimensions { key label { zh en } }
    measures { key label { zh en } }
    rows { dimensions { key label { zh en } } measures }
    totals
    truncated
  }
}
`;

describe('buildExploreOperation', () => {
  it('turns the holiday-inspection choices into a known operation and variables', () => {
    const op = buildExploreOperation(HOLIDAY);
    expect(op.query).toBe(HOLIDAY_OPERATION_TEXT);
    expect(op.field).toBe('inspectionExplore');
    expect(op.variables).toEqual({
      measures: ['HAZARDS_FOUND'],
      dimensions: ['TOWNSHIP', 'YEAR'],
      filter: { campaigns: ['HOLIDAY'], from: '2013-01-01', to: '2014-12-31' },
      limit: 1000,
    });
  });

  it('gives a null filter when nothing is chosen, and each dataset its own types', () => {
    const op = buildExploreOperation({
      dataset: 'ROAD_TRAFFIC',
      measures: ['ACCIDENTS'],
      dimensions: ['DAY_PERIOD'],
      filter: { roadClasses: [] },
      chart: 'PIE',
    });
    expect(op.variables.filter).toBeNull();
    expect(op.query).toContain('$measures: [RoadTrafficExploreMeasure!]!');
    expect(op.query).toContain('$filter: AccidentFilter');
    expect(op.query).toContain('roadTrafficExplore(');
  });
});

describe('the permalink', () => {
  it('round-trips the choices', () => {
    const decoded = decodeChoices(encodeChoices(HOLIDAY));
    expect(decoded).toEqual({
      ...HOLIDAY,
      filter: { campaigns: ['HOLIDAY'], from: '2013-01-01', to: '2014-12-31' },
      limit: undefined,
    });
  });

  it('refuses what is not choices', () => {
    expect(decodeChoices(null)).toBeNull();
    expect(decodeChoices('{')).toBeNull();
    expect(decodeChoices('{"d":"DROP TABLE"}')).toBeNull();
    expect(decodeChoices('{"d":"HAZARD","m":["FOUND","x y"],"c":"NOPE"}')).toEqual({
      dataset: 'HAZARD',
      measures: ['FOUND'],
      dimensions: [],
      filter: {},
      chart: 'STACKED_BAR',
      limit: undefined,
    });
  });
});
