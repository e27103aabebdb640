// The core entry: pure, isomorphic functions. Nothing here may import `node:` modules.
export { TreatmentOutcomesError, InvalidArgumentError, InputFormatError, CohortValidationError } from './errors.js';

export { OUTCOMES, outcomeSchema, cohortRecordSchema, type Outcome, type CohortRecord } from './schema/record.js';
export {
  defineCohort,
  type Cohort,
  type CohortDefinition,
  type CohortSchema,
  type CohortRecordOf,
} from './schema/define-cohort.js';
export { CEREBRAL_PALSY, CEREBRAL_PALSY_TYPES, cerebralPalsyCohort, type CerebralPalsyType } from './schema/cerebral-palsy.js';
export { parseRecords, type ParseRecordsOptions } from './schema/parse-records.js';
export type { RowIssue, RejectedRow, ParseResult, ValidationMode } from './schema/rejected.js';
export type { RecordValidator } from './schema/validate-row.js';

export { ROUNDING_MODES, roundRational, type RoundingMode } from './format/rounding.js';
export { formatPercent, type FormatPercentOptions } from './format/format-percent.js';
export { largestRemainderPercents, type LargestRemainderOptions } from './format/largest-remainder.js';

export {
  countTable,
  fromCounts,
  mergeCounts,
  isCountTable,
  forEachCell,
  type CountTable,
  type CountRow,
  type CohortInput,
  type CountableRecord,
} from './stats/count-table.js';
export type { GroupKey, GroupValue } from './stats/group.js';
export { countBy, type KeyCount } from './stats/count-by.js';
export {
  typeDistribution,
  type TypeDistribution,
  type TypeDistributionRow,
  type TypeDistributionOptions,
} from './stats/type-distribution.js';
export {
  improvementRate,
  type ImprovementRate,
  type ImprovementRateOptions,
  type RateBasis,
} from './stats/improvement-rate.js';
export { ratesBy, type GroupRate } from './stats/rates-by.js';
export { crossTab, type CrossTab } from './stats/cross-tab.js';
