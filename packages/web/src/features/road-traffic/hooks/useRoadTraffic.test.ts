import { describe, expect, it } from 'vitest';
import { roadTrafficVariables } from './useRoadTraffic';

describe('roadTrafficVariables', () => {
  it('asks for road traffic of the period and a year earlier, and the vehicles of the period’s last year', () => {
    expect(roadTrafficVariables({ from: '2014-01-01', to: '2014-12-31' }, null)).toEqual({
      current: { from: '2014-01-01', to: '2014-12-31', sectors: ['ROAD_TRAFFIC'] },
      yearEarlier: { from: '2013-01-01', to: '2013-12-31', sectors: ['ROAD_TRAFFIC'] },
      year: 2014,
    });
  });

  it('keeps to the chosen township', () => {
    expect(roadTrafficVariables({ from: '2014-09-01', to: '2014-09-30' }, '450799101000').current).toEqual({
      from: '2014-09-01',
      to: '2014-09-30',
      townshipCodes: ['450799101000'],
      sectors: ['ROAD_TRAFFIC'],
    });
  });
});
