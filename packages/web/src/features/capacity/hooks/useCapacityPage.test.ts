import { describe, expect, it } from 'vitest';
import { capacityPageVariables } from './useCapacityPage';

describe('capacityPageVariables', () => {
  it('asks for the capacity of the period’s last year and the period’s inspections', () => {
    expect(capacityPageVariables({ from: '2013-11-01', to: '2014-02-28' }, null)).toEqual({
      year: 2014,
      inspections: { from: '2013-11-01', to: '2014-02-28' },
      enterprises: {},
    });
  });

  it('keeps inspections and enterprises to the chosen township', () => {
    const variables = capacityPageVariables({ from: '2014-01-01', to: '2014-12-31' }, '1');
    expect([variables.inspections.townshipCodes, variables.enterprises.townshipCodes]).toEqual([['1'], ['1']]);
  });
});
