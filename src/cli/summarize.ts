import { parseArgs } from 'node:util';
import { InputFormatError } from '../errors.js';
import { formatDecimal } from '../format/format-decimal.js';
import { ROUNDING_MODES, type RoundingMode } from '../format/rounding.js';
import { formatInterval, isSimultaneous, type Interval, type IntervalMethod } from '../inference/interval-option.js';
import { PROPORTION_CI_METHODS } from '../inference/proportion-ci.js';
import { writeRejectsCsv } from '../node/rejects-csv.js';
import { countCohortCsvParallel } from '../node/count-parallel.js';
import { countCohortCsv } from '../node/csv.js';
import { dataPath, sampleCohortDefinition } from '../node/sample.js';
import { describeRejected } from '../schema/rejected.js';
import type { CountTable } from '../stats/count-table.js';
import { improvementRate, type RateBasis } from '../stats/improvement-rate.js';
import { ratesBy, type GroupRate } from '../stats/rates-by.js';
import { typeDistribution } from '../stats/type-distribution.js';
import { cohortOption } from './cohort-option.js';
import { compareLines, compareOption, compareStrata } from './compare-strata.js';
import { checkInputFile } from './input-file.js';
import type { Io } from './io.js';
import { levelOption, wholeNumberOption } from './options.js';
import { progressReporter } from './progress.js';
import { firstRows, renderTable } from './table.js';
import { SUMMARIZE_HELP, UsageError } from './usage.js';
import { printVocabularyWarnings, vocabularyWarnings } from './vocabulary-warnings.js';
import { count } from './words.js';

const DELIMITERS = { ',': ',', ';': ';', tab: '\t', '\t': '\t' } as const;
const CI_METHODS: readonly IntervalMethod[] = [...PROPORTION_CI_METHODS, 'sison-glaz', 'goodman', 'quesenberry-hurst'];

const ciText = (ci: Interval | null | undefined, decimals: number) =>
  ci ? `${formatDecimal(ci.lower, { decimals, scale: 100 })}–${formatDecimal(ci.upper, { decimals, scale: 100 })}` : '-';

function rateRows(rates: readonly GroupRate[], decimals: number, withCi: boolean): string[][] {
  return rates.map((r) => [
    String(r.key ?? 'not stated'),
    String(r.improved),
    String(r.denominator),
    String(r.unknown),
    r.percent ?? '-',
    ...(withCi ? [ciText(r.ci, decimals)] : []),
  ]);
}

/** A table of at most {@link MAX_TABLE_ROWS} rows, with a line saying how many more there are. */
function cappedTable(columns: Parameters<typeof renderTable>[0], rows: readonly string[][], noun: string, footer: readonly string[][] = []): string {
  const { shown, note } = firstRows(rows, noun);
  return renderTable(columns, [...shown, ...footer]) + (note ? `\n${note}` : '');
}

/** Why a count table cannot be summarised: no rows at all, or every row rejected. */
function assertSomeRecords(table: CountTable, rows: number, file: string): void {
  if (table.total > 0) return;
  throw new InputFormatError(
    rows === 0 ? `${file}: there are no records to count (the file has a header but no data rows)`
    : rows === 1 ? `${file}: there are no records to count: the only row was rejected`
    : `${file}: there are no records to count: all ${rows} rows were rejected`,
    { file },
  );
}

/** `treatment-outcomes summarize [file.csv]`. */
export async function summarize(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      decimals: { type: 'string', default: '1' },
      rounding: { type: 'string', default: 'half-up' },
      basis: { type: 'string', default: 'known' },
      delimiter: { type: 'string' },
      cohort: { type: 'string' },
      lenient: { type: 'boolean', default: false },
      ci: { type: 'string' },
      level: { type: 'string' },
      json: { type: 'boolean', default: false },
      threads: { type: 'string', default: '1' },
      'max-rejects': { type: 'string', default: '20' },
      rejects: { type: 'string' },
      by: { type: 'string' },
      compare: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(SUMMARIZE_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`summarize takes one file, got ${positionals.length}`);
  const decimals = wholeNumberOption(values.decimals, '--decimals', { min: 0, max: 20 });
  if (!(ROUNDING_MODES as readonly string[]).includes(values.rounding)) throw new UsageError(`--rounding must be one of ${ROUNDING_MODES.join(', ')}, got ${JSON.stringify(values.rounding)}`);
  if (!['known', 'all'].includes(values.basis)) throw new UsageError(`--basis must be known or all, got ${JSON.stringify(values.basis)}`);
  let delimiter: ',' | ';' | '\t' | undefined;
  if (values.delimiter !== undefined) {
    if (!Object.hasOwn(DELIMITERS, values.delimiter)) throw new UsageError(`--delimiter must be , ; or tab, got ${JSON.stringify(values.delimiter)}`);
    delimiter = DELIMITERS[values.delimiter as keyof typeof DELIMITERS];
  }
  if (values.ci !== undefined && !(CI_METHODS as readonly string[]).includes(values.ci)) throw new UsageError(`--ci must be one of ${CI_METHODS.join(', ')}, got ${JSON.stringify(values.ci)}`);
  if (values.level !== undefined && values.ci === undefined) throw new UsageError('--level sets the confidence level of intervals: add --ci wilson (or another method) to get them');
  const level = values.level === undefined ? 0.95 : levelOption(values.level, '--level');
  const ci = values.ci === undefined ? undefined : { method: values.ci as IntervalMethod, level };
  const maxRejects = wholeNumberOption(values['max-rejects'], '--max-rejects', { min: 0 });
  const comparison = compareOption(values.by, values.compare);
  const threads = wholeNumberOption(values.threads, '--threads', { min: 1, max: 64 });
  const chosen = await cohortOption(values.cohort);
  const sample = positionals[0] === undefined;
  const stdin = positionals[0] === '-';
  const file = stdin ? '<stdin>' : (positionals[0] ?? dataPath('sample-cohort.csv'));
  if (!sample && !stdin) await checkInputFile(file, 'a cohort CSV file');
  const cohort = chosen?.cohort ?? (sample ? sampleCohortDefinition : undefined);
  const rejectsFile = values.rejects === undefined ? undefined : writeRejectsCsv(values.rejects);
  const readOptions = {
    maxRejected: maxRejects,
    ...(rejectsFile ? { onRejected: rejectsFile.write } : {}),
    mode: values.lenient ? ('lenient' as const) : ('strict' as const),
    ...(cohort ? { cohort } : {}),
    ...(delimiter ? { delimiter } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  };
  const progress = io.progress && !stdin ? await progressReporter(file, io.progress) : undefined;
  const counted = await (
    stdin
      ? countCohortCsv(io.stdin ?? process.stdin, { ...readOptions, file })
      : threads > 1
        ? countCohortCsvParallel(file, { ...readOptions, workers: threads, ...(process.env.TREATMENT_OUTCOMES_PARALLEL === 'always' ? { parallel: 'always' as const } : {}) })
        : countCohortCsv(file, { ...readOptions, ...(progress ? { onProgress: progress.update } : {}) })
  ).finally(async () => {
    progress?.done();
    await rejectsFile?.close();
  });
  const { table, rejected, rejectedCount } = counted;
  if (rejectedCount > 0) {
    const unshown = rejectedCount - rejected.length;
    const reasons = counted.rejectReasons.slice(0, 10).map((r) => `  ${r.count} × ${r.field}: ${r.reason}`);
    io.err(
      `${file}: ${count(rejectedCount, 'row')} rejected and left out:\n${describeRejected(rejected, maxRejects)}\n` +
        (unshown > 0 ? `${count(unshown, 'more rejected row', 'more rejected rows')} not shown${rejectsFile ? '' : ' (--rejects FILE writes every one)'}\n` : '') +
        (rejectsFile ? `every rejected row is in ${values.rejects}\n` : '') +
        `rejected rows by reason:\n${reasons.join('\n')}\n`,
    );
  }
  assertSomeRecords(table, counted.rows, file);
  const warnings = vocabularyWarnings(table, cohort);
  printVocabularyWarnings(warnings, table, cohort, io);

  const opts = { decimals, rounding: values.rounding as RoundingMode, ...(ci ? { ci } : {}) };
  // a simultaneous method is for the distribution; the rates then use Wilson (as --help says)
  const rateCi = ci && (isSimultaneous(ci.method) ? { ...ci, method: 'wilson' as const } : ci);
  const rateOpts = { ...opts, basis: values.basis as RateBasis, ...(rateCi ? { ci: rateCi } : {}) };
  const distribution = typeDistribution(table, opts);
  const overall = improvementRate(table, rateOpts);
  const byType = ratesBy(table, 'type', rateOpts);
  const byYear = ratesBy(table, 'year', rateOpts);
  const stratified = comparison && compareStrata(table, comparison, values.basis as RateBasis, level);

  if (values.json) {
    const json = {
      file,
      synthetic: sample,
      cohort: chosen?.label ?? (sample ? 'sample cohort vocabulary' : null),
      records: table.total,
      rejected,
      rejectedCount,
      rejectReasons: counted.rejectReasons,
      warnings,
      distribution,
      improvement: overall,
      byType,
      byYear,
      ...(stratified ? { stratified } : {}),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const levelText = `${formatDecimal(level, { scale: 100, decimals: 6 }).replace(/\.?0+$/, '')}% CI`;
  const basisText = overall.basis === 'known' ? 'among patients with a known outcome' : 'among all patients treated';
  const rateHeadings = [
    { heading: 'improved', align: 'right' as const },
    { heading: overall.basis === 'known' ? 'known' : 'treated', align: 'right' as const },
    { heading: 'unknown', align: 'right' as const },
    { heading: 'rate %', align: 'right' as const },
    ...(rateCi ? [{ heading: `${levelText} (${rateCi.method})`, align: 'right' as const }] : []),
  ];
  const ciHeading = ci ? [{ heading: `${levelText} (${ci.method})`, align: 'right' as const }] : [];
  const unknownText =
    overall.unknown > 0 ? ` (${count(overall.unknown, 'patient')} with unknown outcome ${overall.basis === 'known' ? 'left out' : 'counted as not improved'})` : '';
  const lines = [
    io.bold(sample ? `Sample cohort (synthetic data): ${file}` : `Cohort: ${file}`),
    `${count(table.total, 'record')}${chosen ? `; vocabulary: ${chosen.label}` : cohort ? '' : '; no cohort vocabulary (types compared trimmed and lower-cased)'}`,
    '',
    io.bold('Type distribution'),
    cappedTable(
      [{ heading: 'type' }, { heading: 'count', align: 'right' }, { heading: '%', align: 'right' }, ...ciHeading],
      distribution.rows.map((r) => [r.type, String(r.count), r.percent, ...(ci ? [ciText(r.ci, decimals)] : [])]),
      'types',
      [['total', String(distribution.total), '']],
    ),
    '',
    io.bold(`Improvement rate ${basisText}`),
    `${overall.improved} improved of ${overall.denominator} = ${overall.percent ?? '-'}%` + (overall.ci ? ` (${formatInterval(overall.ci, { decimals })})` : '') + unknownText,
    '',
    io.bold('By type'),
    cappedTable([{ heading: 'type' }, ...rateHeadings], rateRows(byType, decimals, rateCi !== undefined), 'types'),
    '',
    io.bold('By year'),
    cappedTable([{ heading: 'year' }, ...rateHeadings], rateRows(byYear, decimals, rateCi !== undefined), 'years'),
    ...(stratified ? ['', ...compareLines(stratified, decimals, io.bold)] : []),
  ];
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
