// The Node entry: file and stream helpers on top of the pure core.
export {
  readCohortCsv,
  streamCohortCsv,
  streamCohortCsvBatches,
  countCohortCsv,
  type CohortCsvCounts,
  type CsvSource,
  type CohortCsvOptions,
  type CohortCsvResult,
  type CsvRowResult,
  type RejectCounts,
  type RejectReason,
  DEFAULT_MAX_LINE_LENGTH,
} from './csv.js';
export {
  readCohortColumns,
  streamCohortColumns,
  type CohortColumns,
  type CohortColumnBatch,
  type CohortColumnsOptions,
  type CohortColumnsResult,
} from './csv-columns.js';
export { writeRejectsCsv } from './rejects-csv.js';
export { DEFAULT_HEADER_ALIASES, type CohortField } from './csv-header.js';
export { loadSampleCohort, sampleCohortDefinition, dataPath } from './sample.js';
export { readClaimsFile, loadReferences } from './claims.js';
export { readCohortFile } from './cohort-file.js';
export { countCohortCsvParallel, MAX_THREADS, type ParallelCountOptions } from './count-parallel.js';
export { countWithDuckDB, groupBySql, type DuckDBCountOptions } from './duckdb.js';
export { countWithPostgres, type PostgresCountOptions, type PostgresQueryable } from './postgres.js';
export { htmlText } from './html-text.js';
// HTML through htmlparser2's tokenizer; also in the core entry (a bundler pays for its entity tables only where it is imported).
export { htmlDocument } from '../document/html-document.js';
export { readDocument, detectFormat, type DocumentFormat } from '../document/read-document.js';
export { renderSvg } from './render-svg.js';
export { buildReport } from './build-report.js';
export type { Report, ReportInput } from '../report/compose-report.js';
export { readTablesFromFile } from './read-tables.js';
export { pdfText } from './pdf-text.js';
