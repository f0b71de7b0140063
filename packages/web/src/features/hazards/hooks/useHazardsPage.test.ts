import { describe, expect, it } from 'vitest';
import { hazardsPageVariables } from './useHazardsPage';

describe('hazardsPageVariables', () => {
  it('asks for the period’s hazards, the overdue ones and the major ones', () => {
    expect(hazardsPageVariables({ from: '2014-01-01', to: '2014-12-31' }, { township: null, sector: null })).toEqual({
      hazards: { from: '2014-01-01', to: '2014-12-31' },
      overdue: { from: '2014-01-01', to: '2014-12-31', overdue: true },
      major: { from: '2014-01-01', to: '2014-12-31', levels: ['MAJOR'] },
    });
  });

  it('passes township and sector (the enterprise’s) on to all three', () => {
    const variables = hazardsPageVariables(
      { from: '2014-01-01', to: '2014-12-31' },
      { township: '1', sector: 'MINING' },
    );
    expect(variables.major).toEqual({
      from: '2014-01-01',
      to: '2014-12-31',
      townshipCodes: ['1'],
      sectors: ['MINING'],
      levels: ['MAJOR'],
    });
  });
});
