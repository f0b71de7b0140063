import { graphql } from '../../../graphql/generated';

// What can be imported and how each kind's fields are named, typed and valued (to build a mapping).
export const ImportKindsQuery = graphql(`
  query ImportKinds {
    importKinds {
      kind
      cliName
      labelZh
      labelEn
      naturalKey
      templateUrls
      fields {
        name
        header
        required
        type
        example
        hintZh
        hintEn
        allowedLabels {
          value
          labelZh
          labelEn
        }
      }
    }
  }
`);

// The header and first rows of an uploaded file, and the saved mappings of the chosen kind.
export const ImportFilePreviewQuery = graphql(`
  query ImportFilePreview($fileId: ID!, $encoding: String, $kind: ImportKind!) {
    importFilePreview(fileId: $fileId, rows: 10, encoding: $encoding) {
      format
      encoding
      header
      rows
    }
    importMappings(kind: $kind) {
      id
      name
      kind
      definition
    }
  }
`);

export const ImportJobFields = graphql(`
  fragment ImportJobFields on ImportJob {
    id
    databaseId
    kind
    status
    fileName
    fileSize
    format
    encoding
    mappingName
    importedBy
    dryRun
    validOnly
    rowsRead
    rowsValid
    rowsInvalid
    rowsInserted
    rowsSkipped
    problemCount
    progress
    error
    createdAt
    finishedAt
    undoneAt
    undoneBy
    problemsUrl
  }
`);

// One run, polled while it runs.
export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportJobFields
    }
  }
`);

// A page of a run's problems.
export const ImportProblemsQuery = graphql(`
  query ImportProblems($jobId: ID!, $first: Int!, $offset: Int!) {
    importProblems(jobId: $jobId, first: $first, offset: $offset) {
      totalCount
      items {
        row
        column
        value
        code
        reasonZh
        reasonEn
      }
    }
  }
`);

// The history, newest first.
export const ImportHistoryQuery = graphql(`
  query ImportHistory($first: Int!, $after: String) {
    importJobs(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ImportJobFields
      }
    }
  }
`);

export const StartImportMutation = graphql(`
  mutation StartImport($input: StartImportInput!) {
    startImport(input: $input) {
      ...ImportJobFields
    }
  }
`);

export const UndoImportMutation = graphql(`
  mutation UndoImport($id: ID!) {
    undoImport(id: $id) {
      ...ImportJobFields
    }
  }
`);

export const SaveImportMappingMutation = graphql(`
  mutation SaveImportMapping($input: SaveImportMappingInput!) {
    saveImportMapping(input: $input) {
      id
      name
      kind
      definition
    }
  }
`);
