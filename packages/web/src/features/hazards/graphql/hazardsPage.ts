import { graphql } from '../../../graphql/generated';

// The hazards page in one request: the status funnel, general and major hazards apart, the overdue backlog
// by township and by enterprise (totals to rank by, and the same split by ageing), and the major hazards
// themselves. Counting is the server's.
export const HazardsPageQuery = graphql(`
  query HazardsPage($hazards: HazardFilter!, $overdue: HazardFilter!, $major: HazardFilter!) {
    statuses: hazardStats(filter: $hazards, groupBy: [STATUS]) {
      total {
        found
        rectified
        rectifiedLate
        open
        overdue
        rectificationRate
        major
        majorRectified
        investmentCny
      }
      groups {
        status
        found
      }
    }
    levels: hazardStats(filter: $hazards, groupBy: [LEVEL]) {
      groups {
        level
        found
        rectified
        rectifiedLate
        open
        overdue
        rectificationRate
      }
    }
    overdueByTownship: hazardStats(filter: $overdue, groupBy: [TOWNSHIP]) {
      total {
        overdue
      }
      groups {
        township {
          code
          name
        }
        overdue
        major
      }
    }
    overdueByTownshipAge: hazardStats(filter: $overdue, groupBy: [TOWNSHIP, OVERDUE_AGE]) {
      groups {
        township {
          code
        }
        overdueAge
        overdue
      }
    }
    overdueByEnterprise: hazardStats(filter: $overdue, groupBy: [ENTERPRISE]) {
      groups {
        enterprise {
          id
          name
          township {
            name
          }
        }
        overdue
        major
      }
    }
    overdueByEnterpriseAge: hazardStats(filter: $overdue, groupBy: [ENTERPRISE, OVERDUE_AGE]) {
      groups {
        enterprise {
          id
        }
        overdueAge
        overdue
      }
    }
    majorHazards: hazards(filter: $major, first: 50, orderBy: DEADLINE_ASC) {
      totalCount
      nodes {
        id
        description
        category
        status
        foundOn
        deadline
        rectifiedOn
        overdue
        township {
          code
          name
        }
        enterprise {
          id
          name
        }
      }
    }
  }
`);
