import { graphql } from '../../../graphql/generated';

// The supervisory-capacity page in one request: the year's staffing records and totals, and the period's
// enforcement (inspections by month × campaign, by township for coverage, by department for joint work)
// against the enterprises under supervision.
export const CapacityPageQuery = graphql(`
  query CapacityPage($year: Int!, $inspections: InspectionFilter!, $enterprises: EnterpriseFilter!) {
    capacity: capacityStats(year: $year) {
      total {
        staffRequired
        staffActual
        gap
        certifiedEnforcementStaff
        institutionsMissing
        enterprisesPerInspector
        enterprises
        records
        vehicles
        withoutOffice
      }
    }
    units: supervisoryCapacity(year: $year) {
      id
      township {
        code
        name
      }
      department {
        code
        name
      }
      staffRequired
      staffActual
      gap
      institutionEstablished
      certifiedEnforcementStaff
      hasOffice
      vehicles
    }
    inspectionsByMonth: inspectionStats(filter: $inspections, groupBy: [MONTH, CAMPAIGN]) {
      total {
        inspections
        jointInspections
        enterprisesInspected
        hazardsFound
        penalties
        penaltyCny
      }
      groups {
        month
        campaign
        inspections
        jointInspections
      }
    }
    inspectionsByTownship: inspectionStats(filter: $inspections, groupBy: [TOWNSHIP]) {
      groups {
        township {
          code
          name
        }
        inspections
        jointInspections
        enterprisesInspected
      }
    }
    inspectionsByDepartment: inspectionStats(filter: $inspections, groupBy: [DEPARTMENT]) {
      groups {
        department {
          code
          name
        }
        inspections
        jointInspections
      }
    }
    enterprises: enterpriseStats(filter: $enterprises, groupBy: [TOWNSHIP]) {
      total {
        enterprises
      }
      groups {
        township {
          code
          name
        }
        enterprises
      }
    }
  }
`);
