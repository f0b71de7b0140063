import { describe, expect, it } from 'vitest';
import type { ClusterFieldsFragment } from '../../../graphql/generated/graphql';
import { clustersInScope, overviewVariables } from './useOverviewPanels';

const cluster = (month: string, township: string | null, sector: ClusterFieldsFragment['sector'] = 'ROAD_TRAFFIC') =>
  ({
    month,
    sector,
    township: township ? { code: township, name: township } : null,
    accidents: 3,
    deaths: 4,
    injuries: 2,
    expected: 0.2,
    score: 9,
    explanation: '',
    explanationEn: '',
  }) satisfies ClusterFieldsFragment;

describe('overviewVariables', () => {
  it('asks for the period, the same period a year earlier, the year’s clusters and capacity, and the next year’s plan', () => {
    const variables = overviewVariables({ from: '2014-01-01', to: '2014-12-31' }, { township: null, sector: null });
    expect(variables).toEqual({
      from: '2014-01-01',
      to: '2014-12-31',
      accidents: { from: '2014-01-01', to: '2014-12-31' },
      accidentsYearEarlier: { from: '2013-01-01', to: '2013-12-31' },
      hazards: { from: '2014-01-01', to: '2014-12-31' },
      year: 2014,
      nextYear: 2015,
      earlierClusterYear: 2014,
      withEarlierClusters: false,
    });
  });

  it('passes township and sector on, and asks for both years’ clusters across New Year', () => {
    const variables = overviewVariables(
      { from: '2013-11-01', to: '2014-02-28' },
      { township: '450799101000', sector: 'FIRE' },
    );
    expect(variables.accidents).toEqual({
      from: '2013-11-01',
      to: '2014-02-28',
      townshipCodes: ['450799101000'],
      sectors: ['FIRE'],
    });
    expect(variables.hazards).toEqual({
      from: '2013-11-01',
      to: '2014-02-28',
      townshipCodes: ['450799101000'],
      sectors: ['FIRE'],
    });
    expect([variables.earlierClusterYear, variables.year, variables.withEarlierClusters]).toEqual([2013, 2014, true]);
  });
});

describe('clustersInScope', () => {
  const clusters = [cluster('2014-09', null), cluster('2014-09', 'A'), cluster('2014-03', 'B', 'FIRE')];

  it('keeps the clusters in the period', () => {
    expect(
      clustersInScope(clusters, { from: '2014-09-01', to: '2014-12-31' }, { township: null, sector: null }),
    ).toHaveLength(2);
  });

  it('keeps only the chosen township’s and sector’s clusters', () => {
    const range = { from: '2014-01-01', to: '2014-12-31' };
    expect(clustersInScope(clusters, range, { township: 'A', sector: null })).toEqual([clusters[1]]);
    expect(clustersInScope(clusters, range, { township: null, sector: 'FIRE' })).toEqual([clusters[2]]);
  });
});
