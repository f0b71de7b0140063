import { describe, expect, it } from 'vitest';
import { planPageVariables } from './usePlanPage';

describe('planPageVariables', () => {
  it('gives each list and statistic the filters its API has', () => {
    const variables = planPageVariables({ from: '2014-01-01', to: '2014-12-31' }, { township: '1', sector: 'FIRE' });
    const period = { from: '2014-01-01', to: '2014-12-31' };
    expect(variables).toEqual({
      year: 2014,
      training: period,
      outreach: { ...period, townshipCodes: ['1'] },
      accidents: { ...period, townshipCodes: ['1'], sectors: ['FIRE'] },
      investigations: { ...period, openPoints: true },
      tasks: { ...period, townshipCodes: ['1'] },
      drills: { ...period, townshipCodes: ['1'] },
      emergencyPlans: { revisionOverdue: true, townshipCodes: ['1'] },
    });
  });

  it('asks for every emergency plan overdue for revision county-wide', () => {
    expect(
      planPageVariables({ from: '2014-01-01', to: '2014-12-31' }, { township: null, sector: null }).emergencyPlans,
    ).toEqual({
      revisionOverdue: true,
    });
  });
});
