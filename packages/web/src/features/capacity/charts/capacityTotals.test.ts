import { describe, expect, it } from 'vitest';
import { capacityTotals } from './capacityTotals';
import type { StaffingUnit } from './staffingChart';

const data = {
  capacity: {
    total: {
      staffRequired: 132,
      staffActual: 95,
      gap: 37,
      certifiedEnforcementStaff: 79,
      institutionsMissing: 2,
      enterprisesPerInspector: 300 / 95,
      enterprises: 300,
      records: 28,
      vehicles: 20,
      withoutOffice: 6,
    },
  },
  inspectionsByMonth: {
    total: {
      inspections: 636,
      jointInspections: 151,
      enterprisesInspected: 247,
      hazardsFound: 900,
      penalties: 72,
      penaltyCny: 692_000,
    },
    groups: [],
  },
  enterprises: { total: { enterprises: 300 }, groups: [] },
};
const unit = (name: string, required: number, actual: number, institution: boolean): StaffingUnit => ({
  key: `T:${name}`,
  name,
  staffRequired: required,
  staffActual: actual,
  certifiedEnforcementStaff: actual,
  gap: required - actual,
  institutionEstablished: institution,
});

describe('capacityTotals', () => {
  it('takes the county’s totals from the server and computes coverage and the joint share from its counts', () => {
    const totals = capacityTotals(data, [unit('大垌镇', 3, 1, false), unit('白石乡', 3, 1, false)], false);
    expect(totals).toMatchObject({ staffRequired: 132, gap: 37, institutionsMissing: 2, enterprises: 300 });
    expect(totals.institutionsMissingNames).toEqual(['大垌镇', '白石乡']);
    expect(totals.coverage).toBeCloseTo(247 / 300);
    expect(totals.jointShare).toBeCloseTo(151 / 636);
    expect(totals.enterprisesPerInspector).toBeCloseTo(3.158, 3);
  });

  it('uses a chosen township’s own record against its enterprises', () => {
    const township = { ...data, enterprises: { total: { enterprises: 18 }, groups: [] } };
    const totals = capacityTotals(township, [unit('大垌镇', 3, 1, false)], true);
    expect(totals).toMatchObject({
      staffRequired: 3,
      staffActual: 1,
      gap: 2,
      institutionsMissing: 1,
      enterprisesPerInspector: 18,
    });
  });
});
