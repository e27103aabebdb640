// The core entry: pure, isomorphic functions. Nothing here may import `node:` modules.
export { TreatmentOutcomesError, InvalidArgumentError, InputFormatError, CohortValidationError, LimitExceededError, LineTooLongError } from './errors.js';

export { OUTCOMES, outcomeSchema, cohortRecordSchema, normalizeCategory, type Outcome, type CohortRecord } from './schema/record.js';
export {
  defineCohort,
  type Cohort,
  type CohortDefinition,
  type CohortSchema,
  type CohortRecordOf,
} from './schema/define-cohort.js';
export { CEREBRAL_PALSY, CEREBRAL_PALSY_TYPES, cerebralPalsyCohort, type CerebralPalsyType } from './schema/cerebral-palsy.js';
export { cohortFileSchema, parseCohortFile, BUILTIN_COHORTS, type CohortFile } from './schema/cohort-file.js';
export { parseRecords, type ParseRecordsOptions, type ParseRecordsResult } from './schema/parse-records.js';
export {
  recordWarnings,
  similarTypeWarnings,
  implausibleYearWarnings,
  PLAUSIBLE_YEARS,
  MAX_TYPES_COMPARED,
  type RecordWarning,
  type VocabularyBounds,
} from './schema/record-warnings.js';
export type { RowIssue, RejectedRow, ParseResult, ValidationMode } from './schema/rejected.js';
export type { RecordValidator } from './schema/validate-row.js';
export type {
  MeasureDefinition,
  MeasureDefinitions,
  NumberMeasure,
  IntegerMeasure,
  OrdinalMeasure,
  CategoryMeasure,
  MeasureValue,
  MeasureValues,
} from './schema/measures.js';

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
  type CountTableOptions,
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

// Audit: is a printed figure possible, and what lies behind it.
export { readReported, type ReportedNumber, type ReadReportedOptions } from './audit/reported.js';
export { ORDINARY_ROUNDING, type RoundingOption } from './audit/rounding-set.js';
export { numeratorRange, type IntRange, type PercentCheckOptions, type NearbyPrint } from './audit/numerator-range.js';
export { checkPercent, type PercentCheck } from './audit/check-percent.js';
export { checkMean, type CheckMeanOptions, type MeanCheck } from './audit/check-mean.js';
export { debit, type DebitOptions, type DebitCheck } from './audit/debit.js';
export { grimmer, type GrimmerOptions, type GrimmerCheck, type GrimmerReason } from './audit/grimmer.js';
export { inferDenominators, type InferDenominatorsOptions, type DenominatorCandidate } from './audit/infer-denominators.js';
export { iterateDenominators, type IterateDenominatorsOptions } from './audit/iterate-denominators.js';
export { countDenominators } from './audit/count-denominators.js';
export type { DenominatorSearchOptions } from './audit/denominator-scan.js';
export { explainRounding, type CountedPrint, type RoundingExplanation } from './audit/explain-rounding.js';
export { checkPartition, type PartitionPart, type PartitionCheck } from './audit/check-partition.js';
export { checkSubgroups, type PublishedRate, type SubgroupCheck } from './audit/check-subgroups.js';
export { missingOutcomeBounds, type MissingOutcomeBounds } from './audit/missing-outcome-bounds.js';
export {
  compareToReference,
  parseReferenceDistribution,
  type CompareToReferenceOptions,
  type ReferenceComparison,
  type ReferenceGroup,
  type UnreportedCategory,
} from './audit/compare-to-reference.js';
export { referenceDistributionSchema, type ReferenceDistribution, type ReferenceMapping } from './schema/reference.js';
export { claimsFileSchema, claimSchema, type ClaimsFile, type ClaimsFileInput, type Claim } from './claims/schema.js';
export { parseClaims, readClaimsDocument, type ParseClaimsOptions, type ParsedClaims, type ClaimsWarning, type ClaimsProblem } from './claims/parse.js';
export { validateClaims, type ClaimsValidation } from './claims/validate.js';
export {
  auditClaims,
  type AuditReport,
  type AuditOptions,
  type AuditSummary,
  type Check,
  type Finding,
  type FindingCode,
  type Severity,
} from './audit/audit-claims.js';
export { formatAuditText, formatAuditMarkdown, auditSummaryLine } from './audit/format-report.js';

// Inference.
export { chiSquareGoodnessOfFit, gTest, type GoodnessOfFit } from './inference/goodness-of-fit.js';
export { proportionCI, PROPORTION_CI_METHODS, type ProportionCI, type ProportionCIMethod, type ProportionCIOptions } from './inference/proportion-ci.js';
export { binomialTest, type BinomialTest, type BinomialTestOptions } from './inference/binomial-test.js';
export { proportionTest, type ProportionTest, type ProportionTestOptions } from './inference/proportion-test.js';
export { chiSquareIndependence, gTestIndependence, type IndependenceTest } from './inference/independence.js';
export { fisherExact, FISHER_MAX_TABLES, FISHER_MAX_WORK, FISHER_MAX_TOTAL, type Fisher2x2, type FisherPValue, type FisherRxC, type FisherOptions } from './inference/fisher-exact.js';
export { trendTest, type TrendTest } from './inference/trend-test.js';
export {
  riskDifference,
  riskRatio,
  oddsRatio,
  type EffectEstimate,
  type EffectOptions,
  type RiskDifferenceMethod,
  type RiskRatioMethod,
  type OddsRatioMethod,
} from './inference/effect-measures.js';
export { rateCI, rateRatio, type RateCI, type RateCIMethod, type RateRatioMethod } from './inference/rate-ci.js';
export {
  precisionForProportion,
  sampleSizeForProportion,
  type PrecisionMethod,
  type ProportionPrecision,
  type ProportionSampleSize,
} from './inference/sample-size.js';
export { multinomialCI, type MultinomialCIMethod, type MultinomialCIOptions, type MultinomialInterval } from './inference/multinomial-ci.js';
export { formatInterval, type Interval, type IntervalMethod, type IntervalOption, type SimultaneousMethod } from './inference/interval-option.js';
export type { Alternative } from './inference/alternative.js';
export type { CountMatrix } from './inference/table.js';
export { formatDecimal } from './format/format-decimal.js';
export { formatPValue } from './format/format-p-value.js';
export { fromGroupedCounts, type GroupedCount, type RejectedGroup } from './stats/grouped-counts.js';

// Stratified comparisons and pooled rates.
export { mantelHaenszel, type MantelHaenszel, type MantelHaenszelOptions } from './stratified/mantel-haenszel.js';
export { cmhTest, type CmhTest, type CmhTestOptions } from './stratified/cmh-test.js';
export { breslowDay, type BreslowDay, type BreslowDayOptions } from './stratified/breslow-day.js';
export type { Stratum, StratumNote, StratifiedMeasure } from './stratified/strata.js';
export { improvementStrata, type ImprovementStrataOptions } from './stratified/improvement-strata.js';
export { metaProportion, type MetaProportion, type ProportionStudy, type PooledStudy, type TransformedPooled } from './meta/meta-proportion.js';
export { META_METHODS, META_TESTS, type MetaMethod, type MetaTest, type MetaProportionOptions } from './meta/options.js';
export { PROPORTION_TRANSFORMS, type ProportionTransform } from './meta/transforms.js';
export { ConvergenceError } from './meta/convergence-error.js';
export { compareToEvidence, type ClaimedRate, type CompareToEvidenceOptions, type EvidenceComparison } from './meta/compare-to-evidence.js';

// Claims from prose.
export {
  extractClaims,
  type DenominatorSource,
  type Extraction,
  type ExtractedClaim,
  type ExtractedMean,
  type ExtractedPartition,
  type ExtractLocale,
  type ExtractOptions,
  type TableContext,
  type TableExtraction,
  type TableReader,
  type TextSpan,
  type TotalInScope,
  type UnresolvedFigure,
} from './extract/extract-claims.js';
export { toClaimsFile, type ClaimsFileClaim } from './extract/to-claims-file.js';
export { detectLocale, type ReadingLocale } from './extract/locale.js';
export { parseNumberWords, type NumberWordLanguage } from './extract/number-words.js';
export { splitSentences, type Sentence } from './extract/sentences.js';

// Pages as blocks (headings, paragraphs, list items, tables) for the prose and table readers.
export { textDocument } from './document/text-document.js';
export { htmlDocument } from './document/html-document.js';
export { readDocument, detectFormat, type DocumentFormat } from './document/read-document.js';
export type { BlockKind, DocumentBlock, TableCell, TableData, TextDocument } from './document/document.js';

// Published tables: read them, then audit every cell.
export { readTables, guessTableFormat, type TableFormat, type ReadTablesOptions } from './tables/read-tables.js';
export { cellName, type Table } from './tables/table.js';
export { readCell, type CellValue, type CellNumber } from './tables/cell-grammar.js';
export {
  tableClaims,
  type TableFigures,
  type TableClaim,
  type TableMean,
  type TablePartition,
  type TableUnresolved,
  type TableCellRef,
  type TableClaimsOptions,
  type TableDenominatorSource,
  type DenominatorBasis,
} from './tables/table-claims.js';
export { readTableBlock } from './tables/table-block-reader.js';
export { textWithTables } from './tables/text-with-tables.js';

// Describing a cohort: sketches, Table 1.
export {
  momentSketch,
  mergeMomentSketches,
  repeatedSketch,
  sketchMean,
  sketchVariance,
  type MomentSketch,
} from './describe/moment-sketch.js';
export type { GridSums } from './describe/exact-sums.js';
export {
  quantileSketch,
  mergeQuantileSketches,
  sketchQuantile,
  EXACT_QUANTILE_VALUES,
  QUANTILE_SKETCH_ALPHA,
  type QuantileSketch,
} from './describe/quantile-sketch.js';
export type { MeasureCounts, NumberCellSketch } from './describe/measure-counts.js';
export { welchTest, type WelchTest } from './inference/welch-test.js';
export { kruskalWallis, type KruskalWallisTest } from './inference/kruskal-wallis.js';
export { tableOne } from './table-one/table-one.js';
export { TABLE_ONE_FISHER_WORK } from './table-one/p-values.js';
export { formatTableOne, type FormatTableOneOptions } from './table-one/format-table-one.js';
export { tableOneClaims, type MeanClaim, type TableOneClaimsFile, type TableOneClaimsOptions } from './table-one/table-one-claims.js';
export type {
  TableOne,
  TableOneOptions,
  TableOneVariable,
  TableOneColumn,
  TableOneRow,
  TableOneCell,
  TableOnePValue,
  CountCell,
  MeanCell,
  MedianCell,
  BlankCell,
  ContinuousSummary,
  PValueOptions,
} from './table-one/types.js';

// Charts: Vega-Lite v5 specifications as plain data.
export { distributionChart, type ChartReference } from './charts/distribution-chart.js';
export { ratesChart } from './charts/rates-chart.js';
export { forestPlot } from './charts/forest-plot.js';
export { auditChart } from './charts/audit-chart.js';
export { PALETTE, VEGA_LITE_SCHEMA, type VegaLiteSpec } from './charts/common.js';

// Reports: one self-contained HTML page, its charts drawn by the renderer given.
export { composeReport, type ChartRenderer, type Report, type ReportInput } from './report/compose-report.js';
