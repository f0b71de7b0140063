import { graphql } from '../../../graphql/generated';

// Names for the ids a drill-down puts in the URL (an enterprise, departments), so the conditions above the
// list read as words. Asked only when such a condition is set.
export const RecordNamesQuery = graphql(`
  query RecordNames($enterprise: ID!, $withEnterprise: Boolean!) {
    enterprise: node(id: $enterprise) @include(if: $withEnterprise) {
      __typename
      id
      ... on Enterprise {
        name
      }
    }
    departments {
      code
      name
    }
  }
`);
