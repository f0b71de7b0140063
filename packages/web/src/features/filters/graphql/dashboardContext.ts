import { graphql } from '../../../graphql/generated';

// Asked once per visit: what the filter bar offers (townships, years with data) and the default year.
export const DashboardContextQuery = graphql(`
  query DashboardContext {
    townships {
      code
      name
      population
    }
    accidentYears: accidentStats(groupBy: [YEAR]) {
      groups {
        year
        accidents
      }
    }
  }
`);
