import { graphql } from '../../../graphql/generated';

// One page of the chosen kind of record (the others are left out with @include), 25 at a time. Every
// filter from the URL goes to the server; the browser only shows what comes back.
export const RecordListQuery = graphql(`
  query RecordList(
    $accidents: AccidentFilter
    $hazards: HazardFilter
    $inspections: InspectionFilter
    $tasks: SupervisionTaskFilter
    $withAccidents: Boolean!
    $withHazards: Boolean!
    $withInspections: Boolean!
    $withTasks: Boolean!
    $first: Int!
    $after: String
  ) {
    accidents(filter: $accidents, first: $first, after: $after) @include(if: $withAccidents) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        occurredAt
        sector
        severity
        deaths
        injuries
        directLossCny
        place
        township {
          code
          name
        }
        enterprise {
          id
          name
        }
        roadTraffic {
          roadName
          roadClass
          cause
        }
      }
    }
    hazards(filter: $hazards, first: $first, after: $after) @include(if: $withHazards) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        foundOn
        level
        category
        status
        deadline
        rectifiedOn
        overdue
        description
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
    inspections(filter: $inspections, first: $first, after: $after) @include(if: $withInspections) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        inspectedOn
        campaign
        holidayPeriod
        joint
        hazardsFound
        penaltyCny
        township {
          code
          name
        }
        enterprise {
          id
          name
        }
        departments {
          code
          name
        }
      }
    }
    supervisionTasks(filter: $tasks, first: $first, after: $after) @include(if: $withTasks) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        assignedOn
        dueOn
        completedOn
        status
        township {
          code
          name
        }
        department {
          code
          name
        }
      }
    }
  }
`);

// A record's every field, whatever its kind. Fields that two kinds name alike but type differently are
// aliased (a task's township may be null, an accident's not; task and hazard statuses are different enums).
export const RecordDetailQuery = graphql(`
  query RecordDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Accident {
        occurredAt
        sector
        severity
        deaths
        missing
        injuries
        seriousInjuries
        directLossCny
        place
        lng
        lat
        cause
        summary
        createdAt
        updatedAt
        township {
          code
          name
        }
        enterprise {
          id
          name
          creditCode
          sector
        }
        roadTraffic {
          roadName
          roadClass
          cause
          vehicleTypes
          weather
          light
        }
        investigation {
          id
          openedOn
          closedOn
          causeIdentified
          responsibleDealtWith
          peopleEducated
          measuresImplemented
          openPoints
          peopleHeldAccountable
        }
      }
      ... on Hazard {
        description
        level
        category
        status
        foundOn
        deadline
        rectifiedOn
        verifiedOn
        overdue
        investmentCny
        createdAt
        updatedAt
        township {
          code
          name
        }
        enterprise {
          id
          name
          creditCode
          sector
          standardizationGrade
          aboveDesignatedSize
          employees
          address
        }
        inspection {
          id
          inspectedOn
          campaign
          holidayPeriod
          joint
          penaltyCny
          hazardsFound
          notes
          departments {
            code
            name
          }
        }
      }
      ... on Inspection {
        inspectedOn
        campaign
        holidayPeriod
        joint
        penaltyCny
        hazardsFound
        notes
        createdAt
        updatedAt
        township {
          code
          name
        }
        enterprise {
          id
          name
          creditCode
          sector
          standardizationGrade
        }
        departments {
          code
          name
        }
      }
      ... on SupervisionTask {
        title
        assignedOn
        dueOn
        completedOn
        taskStatus: status
        createdAt
        updatedAt
        taskTownship: township {
          code
          name
        }
        department {
          code
          name
        }
      }
    }
  }
`);
