import { graphql } from '../../../graphql/generated';

// The trend map in one request: the township shapes, accidents by month × township (ONE grouped
// statement for the whole time slider), open hazards and capacity gaps by township, and accident points.
// The township filter is not applied here: the map always shows every township, the chosen one outlined.
export const TrendMapQuery = graphql(`
  query TrendMap($accidents: AccidentFilter!, $hazards: HazardFilter!, $year: Int!) {
    mapTownships: townships {
      code
      name
      population
      boundary
      safeCommunityStatus
    }
    monthly: accidentStats(filter: $accidents, groupBy: [MONTH, TOWNSHIP]) {
      groups {
        month
        township {
          code
        }
        accidents
        deaths
        injuries
      }
    }
    hazardsByTownship: hazardStats(filter: $hazards, groupBy: [TOWNSHIP]) {
      groups {
        township {
          code
        }
        found
        open
        overdue
        rectificationRate
      }
    }
    capacityByTownship: supervisoryCapacity(year: $year, ownerKind: TOWNSHIP) {
      township {
        code
      }
      staffRequired
      staffActual
      gap
    }
    points: accidents(first: 500, filter: $accidents, orderBy: OCCURRED_AT_ASC) {
      totalCount
      nodes {
        id
        occurredAt
        lng
        lat
        sector
        severity
        deaths
        injuries
        township {
          code
        }
      }
    }
  }
`);
