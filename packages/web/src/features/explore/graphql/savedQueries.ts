import { graphql } from '../../../graphql/generated';

// What the Explore page offers: each dataset's measures and dimensions, read from the schema's own enums
// (their descriptions are "中文 / English"), and the townships for the filter. One request.
export const ExploreCatalogQuery = graphql(`
  query ExploreCatalog {
    accidentMeasures: __type(name: "AccidentExploreMeasure") {
      ...ExploreEnum
    }
    accidentDimensions: __type(name: "AccidentExploreDimension") {
      ...ExploreEnum
    }
    roadTrafficMeasures: __type(name: "RoadTrafficExploreMeasure") {
      ...ExploreEnum
    }
    roadTrafficDimensions: __type(name: "RoadTrafficExploreDimension") {
      ...ExploreEnum
    }
    hazardMeasures: __type(name: "HazardExploreMeasure") {
      ...ExploreEnum
    }
    hazardDimensions: __type(name: "HazardExploreDimension") {
      ...ExploreEnum
    }
    inspectionMeasures: __type(name: "InspectionExploreMeasure") {
      ...ExploreEnum
    }
    inspectionDimensions: __type(name: "InspectionExploreDimension") {
      ...ExploreEnum
    }
    trainingMeasures: __type(name: "TrainingExploreMeasure") {
      ...ExploreEnum
    }
    trainingDimensions: __type(name: "TrainingExploreDimension") {
      ...ExploreEnum
    }
    capacityMeasures: __type(name: "CapacityExploreMeasure") {
      ...ExploreEnum
    }
    capacityDimensions: __type(name: "CapacityExploreDimension") {
      ...ExploreEnum
    }
    investigationMeasures: __type(name: "InvestigationExploreMeasure") {
      ...ExploreEnum
    }
    investigationDimensions: __type(name: "InvestigationExploreDimension") {
      ...ExploreEnum
    }
    townships {
      code
      name
      boundary
    }
  }
  fragment ExploreEnum on __Type {
    enumValues {
      name
      description
    }
  }
`);

export const SaveQueryMutation = graphql(`
  mutation SaveExploreQuery($input: SaveQueryInput!) {
    saveQuery(input: $input) {
      id
      name
    }
  }
`);

export const SavedQueryQuery = graphql(`
  query SavedExploreQuery($id: ID!) {
    savedQuery(id: $id) {
      id
      name
      description
      dataset
      operation
      chartType
      chartOptions
      ownerName
      visibility
      mine
    }
  }
`);

export const BoardQuery = graphql(`
  query ExploreBoard {
    pinned: savedQueries(pinned: true) {
      ...SavedQueryCard
    }
    all: savedQueries {
      ...SavedQueryCard
    }
  }
  fragment SavedQueryCard on SavedQuery {
    id
    name
    description
    dataset
    operation
    chartType
    ownerName
    visibility
    pinned
    mine
    updatedAt
  }
`);

export const PinQueryMutation = graphql(`
  mutation PinExploreQuery($id: ID!, $pinned: Boolean!) {
    updateSavedQuery(id: $id, input: { pinned: $pinned }) {
      id
      pinned
    }
  }
`);
