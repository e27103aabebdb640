// The Node entry: file and stream helpers on top of the pure core.
export {
  readCohortCsv,
  streamCohortCsv,
  type CsvSource,
  type CohortCsvOptions,
  type CohortCsvResult,
  type CsvRowResult,
} from './csv.js';
export { DEFAULT_HEADER_ALIASES, type CohortField } from './csv-header.js';
export { loadSampleCohort, sampleCohortDefinition, dataPath } from './sample.js';
export { readClaimsFile, loadReferences } from './claims.js';
