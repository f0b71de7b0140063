import { graphql } from '../../../graphql/generated';

export const KpiFigureFields = graphql(`
  fragment KpiFigureFields on KpiFigure {
    value
    yearOnYear {
      previous
      ratio
      pValue
      withinNormalVariation
    }
    periodOnPeriod {
      previous
      ratio
      pValue
      withinNormalVariation
    }
  }
`);

export const ClusterFields = graphql(`
  fragment ClusterFields on AccidentCluster {
    sector
    month
    township {
      code
      name
    }
    accidents
    deaths
    injuries
    expected
    score
    explanation
    explanationEn
  }
`);

export const PlanItemFields = graphql(`
  fragment PlanItemFields on WorkPlanItem {
    id
    year
    number
    title
    measure
    target
    targetValue
    actual
    progress
  }
`);

// Every panel of the overview in one request: the server answers each field with one SQL statement.
// `$year` is the year the period ends in (clusters, capacity and that year's plan are kept per year);
// clusters of a period across New Year need the earlier year as well.
export const OverviewPanelsQuery = graphql(`
  query OverviewPanels(
    $from: Date!
    $to: Date!
    $accidents: AccidentFilter!
    $accidentsYearEarlier: AccidentFilter!
    $hazards: HazardFilter!
    $earlierClusterYear: Int!
    $withEarlierClusters: Boolean!
    $year: Int!
    $nextYear: Int!
  ) {
    kpis: accidentKpis(from: $from, to: $to, filter: $accidents) {
      accidents {
        ...KpiFigureFields
      }
      deaths {
        ...KpiFigureFields
      }
      injuries {
        ...KpiFigureFields
      }
      directLossCny {
        ...KpiFigureFields
      }
    }
    trend: accidentStats(filter: $accidents, groupBy: [MONTH, SECTOR]) {
      groups {
        month
        sector
        accidents
        deaths
        injuries
      }
    }
    severity: accidentStats(filter: $accidents, groupBy: [SEVERITY]) {
      total {
        accidents
      }
      groups {
        severity
        accidents
      }
    }
    severityYearEarlier: accidentStats(filter: $accidentsYearEarlier, groupBy: [SEVERITY]) {
      total {
        accidents
      }
      groups {
        severity
        accidents
      }
    }
    clusters: accidentClusters(year: $year) {
      ...ClusterFields
    }
    earlierClusters: accidentClusters(year: $earlierClusterYear) @include(if: $withEarlierClusters) {
      ...ClusterFields
    }
    hazards: hazardStats(filter: $hazards, groupBy: [LEVEL]) {
      total {
        found
        rectified
        open
        overdue
        rectificationRate
        major
        majorRectified
      }
      groups {
        level
        found
        rectified
        open
        overdue
        rectificationRate
      }
    }
    capacity: capacityStats(year: $year) {
      total {
        staffRequired
        staffActual
        gap
        certifiedEnforcementStaff
        institutionsMissing
        enterprisesPerInspector
      }
    }
    capacityUnits: supervisoryCapacity(year: $year) {
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
      certifiedEnforcementStaff
    }
    countyStatistics: countyYearStatistics(years: [$year]) {
      year
      population
      motorVehicles
      gdpCny
    }
    plan: workPlan(year: $nextYear) {
      ...PlanItemFields
    }
    currentPlan: workPlan(year: $year) {
      ...PlanItemFields
    }
  }
`);
