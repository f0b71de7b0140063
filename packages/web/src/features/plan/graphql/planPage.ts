import { graphql } from '../../../graphql/generated';

// Plan and preparedness in one request: the year's plan with progress computed by the server, training and
// 送法六进 outreach, emergency plans overdue for revision, drills, rescue teams by level (one count each),
// investigations under 四不放过, and how townships carry out the county's tasks.
export const PlanPageQuery = graphql(`
  query PlanPage(
    $year: Int!
    $training: TrainingFilter!
    $outreach: OutreachFilter!
    $accidents: AccidentFilter!
    $investigations: InvestigationFilter!
    $tasks: SupervisionTaskFilter!
    $drills: DrillFilter!
    $emergencyPlans: EmergencyPlanFilter!
  ) {
    plan: workPlan(year: $year) {
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
    training: trainingStats(filter: $training, groupBy: [KIND]) {
      total {
        sessions
        trainees
        certified
        certificationRate
      }
      groups {
        kind
        sessions
        trainees
        certified
      }
    }
    outreach: outreachStats(filter: $outreach, groupBy: [PLACE]) {
      total {
        activities
        participants
        placeKinds
      }
      groups {
        place
        activities
        participants
      }
    }
    overduePlans: emergencyPlans(filter: $emergencyPlans, first: 50) {
      totalCount
      nodes {
        id
        title
        lastRevisedOn
        revisionDueOn
        township {
          name
        }
        department {
          name
        }
        enterprise {
          name
        }
      }
    }
    drills(filter: $drills, first: 50) {
      totalCount
      nodes {
        id
        title
        heldOn
        participants
        township {
          name
        }
        plan {
          title
        }
      }
    }
    countyTeams: rescueTeams(filter: { levels: [COUNTY] }, first: 1) {
      totalCount
    }
    townshipTeams: rescueTeams(filter: { levels: [TOWNSHIP] }, first: 1) {
      totalCount
    }
    departmentTeams: rescueTeams(filter: { levels: [DEPARTMENT] }, first: 1) {
      totalCount
    }
    enterpriseTeams: rescueTeams(filter: { levels: [ENTERPRISE] }, first: 1) {
      totalCount
    }
    openInvestigations: investigations(filter: $investigations, first: 50, orderBy: OPENED_ON_ASC) {
      totalCount
      nodes {
        id
        openedOn
        openPoints
        causeIdentified
        responsibleDealtWith
        peopleEducated
        measuresImplemented
        accident {
          id
          occurredAt
          sector
          severity
          deaths
          injuries
          township {
            code
            name
          }
        }
      }
    }
    closure: investigationStats(filter: $accidents, groupBy: [SECTOR]) {
      total {
        accidents
        investigated
        closed
        closureRate
        openPoints
        accidentsWithoutInvestigation
        peopleHeldAccountable
      }
      groups {
        sector
        accidents
        investigated
        closed
        closureRate
        openPoints
        accidentsWithoutInvestigation
      }
    }
    tasks: taskStats(filter: $tasks, groupBy: [TOWNSHIP]) {
      total {
        assigned
        completedOnTime
        completedLate
        open
        overdue
        implementationRate
      }
      groups {
        township {
          code
          name
        }
        assigned
        completedOnTime
        completedLate
        open
        overdue
        implementationRate
      }
    }
  }
`);
