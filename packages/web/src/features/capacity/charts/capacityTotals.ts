import type { CapacityPageQuery } from '../../../graphql/generated/graphql';
import type { StaffingUnit } from './staffingChart';

export interface CapacityTotals {
  staffRequired: number;
  staffActual: number;
  gap: number;
  certified: number;
  /** Townships and departments without a supervisory institution, and their names. */
  institutionsMissing: number;
  institutionsMissingNames: string[];
  enterprises: number;
  enterprisesPerInspector: number | null;
  enterprisesInspected: number;
  /** Distinct enterprises inspected over enterprises under supervision. */
  coverage: number;
  inspections: number;
  jointInspections: number;
  jointShare: number;
  penalties: number;
  penaltyCny: number;
}

/**
 * The page's headline figures. County-wide they are the server's year totals; with a township chosen, its own
 * capacity record (a township has one per year) against its enterprises. Coverage and the joint share are
 * ratios of the server's counts.
 */
export function capacityTotals(
  data: Pick<CapacityPageQuery, 'capacity' | 'inspectionsByMonth' | 'enterprises'>,
  units: readonly StaffingUnit[],
  townshipChosen: boolean,
): CapacityTotals {
  const enforcement = data.inspectionsByMonth.total;
  const enterprises = data.enterprises.total.enterprises;
  const staff = townshipChosen
    ? {
        staffRequired: units.reduce((sum, unit) => sum + unit.staffRequired, 0),
        staffActual: units.reduce((sum, unit) => sum + unit.staffActual, 0),
        gap: units.reduce((sum, unit) => sum + Math.max(unit.gap, 0), 0),
        certified: units.reduce((sum, unit) => sum + unit.certifiedEnforcementStaff, 0),
      }
    : {
        staffRequired: data.capacity.total.staffRequired,
        staffActual: data.capacity.total.staffActual,
        gap: data.capacity.total.gap,
        certified: data.capacity.total.certifiedEnforcementStaff,
      };
  const missing = units.filter((unit) => !unit.institutionEstablished).map((unit) => unit.name);
  return {
    ...staff,
    institutionsMissing: townshipChosen ? missing.length : data.capacity.total.institutionsMissing,
    institutionsMissingNames: missing,
    enterprises,
    enterprisesPerInspector: townshipChosen
      ? staff.staffActual > 0
        ? enterprises / staff.staffActual
        : null
      : (data.capacity.total.enterprisesPerInspector ?? null),
    enterprisesInspected: enforcement.enterprisesInspected,
    coverage: enterprises > 0 ? Math.min(enforcement.enterprisesInspected / enterprises, 1) : 0,
    inspections: enforcement.inspections,
    jointInspections: enforcement.jointInspections,
    jointShare: enforcement.inspections > 0 ? enforcement.jointInspections / enforcement.inspections : 0,
    penalties: enforcement.penalties,
    penaltyCny: enforcement.penaltyCny,
  };
}
