import { parseArgs } from 'node:util';
import { assertDecimals, assertOneOf } from '../exact/validate.js';
import { assertRoundingMode, type RoundingMode } from '../format/rounding.js';
import { dataPath, sampleCohortDefinition } from '../node/sample.js';
import { countCohortCsv } from '../node/csv.js';
import { writeRejectsCsv } from '../node/rejects-csv.js';
import { countCohortCsvParallel } from '../node/count-parallel.js';
import { progressReporter } from './progress.js';
import { improvementRate, type RateBasis } from '../stats/improvement-rate.js';
import { ratesBy, type GroupRate } from '../stats/rates-by.js';
import { typeDistribution } from '../stats/type-distribution.js';
import { describeRejected } from '../schema/rejected.js';
import { formatDecimal } from '../format/format-decimal.js';
import { formatInterval, isSimultaneous, type Interval, type IntervalMethod } from '../inference/interval-option.js';
import { renderTable } from './table.js';
import { SUMMARIZE_HELP, UsageError } from './usage.js';
import type { Io } from './io.js';

const DELIMITERS = { ',': ',', ';': ';', tab: '\t', '\t': '\t' } as const;

const ciText = (ci: Interval | null | undefined, decimals: number) =>
  ci ? `${formatDecimal(ci.lower, { decimals, scale: 100 })}-${formatDecimal(ci.upper, { decimals, scale: 100 })}` : '-';

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
      lenient: { type: 'boolean', default: false },
      ci: { type: 'string' },
      level: { type: 'string', default: '0.95' },
      json: { type: 'boolean', default: false },
      threads: { type: 'string', default: '1' },
      'max-rejects': { type: 'string', default: '20' },
      rejects: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(SUMMARIZE_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`summarize takes one file, got ${positionals.length}`);
  const decimals = Number(values.decimals);
  assertDecimals(decimals, '--decimals');
  assertRoundingMode(values.rounding, '--rounding');
  assertOneOf(values.basis, ['known', 'all'], '--basis');
  let delimiter: ',' | ';' | '\t' | undefined;
  if (values.delimiter !== undefined) {
    if (!Object.hasOwn(DELIMITERS, values.delimiter)) throw new UsageError(`--delimiter must be , ; or tab, got ${JSON.stringify(values.delimiter)}`);
    delimiter = DELIMITERS[values.delimiter as keyof typeof DELIMITERS];
  }
  const level = Number(values.level);
  const ci = values.ci === undefined ? undefined : { method: values.ci as IntervalMethod, level };
  const maxRejects = Number(values['max-rejects']);
  if (!Number.isInteger(maxRejects) || maxRejects < 0 || values['max-rejects'].trim() === '') throw new UsageError(`--max-rejects must be a whole number of at least 0, got ${JSON.stringify(values['max-rejects'])}`);
  const sample = positionals[0] === undefined;
  const stdin = positionals[0] === '-';
  const file = stdin ? '<stdin>' : (positionals[0] ?? dataPath('sample-cohort.csv'));
  const threads = Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads must be a whole number of at least 1, got ${JSON.stringify(values.threads)}`);
  const rejectsFile = values.rejects === undefined ? undefined : writeRejectsCsv(values.rejects);
  const readOptions = {
    maxRejected: maxRejects,
    ...(rejectsFile ? { onRejected: rejectsFile.write } : {}),
    mode: values.lenient ? ('lenient' as const) : ('strict' as const),
    ...(sample ? { cohort: sampleCohortDefinition } : {}),
    ...(delimiter ? { delimiter } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  };
  const progress = io.progress && !stdin ? await progressReporter(file, io.progress) : undefined;
  const counted = await (
    stdin
      ? countCohortCsv(io.stdin ?? process.stdin, { ...readOptions, file })
      : threads > 1
        ? countCohortCsvParallel(file, { ...readOptions, workers: threads })
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
      `${file}: ${rejectedCount} row(s) rejected and left out:\n${describeRejected(rejected, maxRejects)}\n` +
        (unshown > 0 ? `${unshown} more rejected row(s) not shown${rejectsFile ? '' : ' (--rejects FILE writes every one)'}\n` : '') +
        (rejectsFile ? `every rejected row is in ${values.rejects}\n` : '') +
        `rejected rows by reason:\n${reasons.join('\n')}\n`,
    );
  }
  const opts = { decimals, rounding: values.rounding as RoundingMode, ...(ci ? { ci } : {}) };
  // a simultaneous method is for the distribution; the rates then use Wilson (as --help says)
  const rateCi = ci && (isSimultaneous(ci.method) ? { ...ci, method: 'wilson' as const } : ci);
  const rateOpts = { ...opts, basis: values.basis as RateBasis, ...(rateCi ? { ci: rateCi } : {}) };
  const distribution = typeDistribution(table, opts);
  const overall = improvementRate(table, rateOpts);
  const byType = ratesBy(table, 'type', rateOpts);
  const byYear = ratesBy(table, 'year', rateOpts);

  if (values.json) {
    io.out(`${JSON.stringify({ file, synthetic: sample, records: table.total, rejected, rejectedCount, rejectReasons: counted.rejectReasons, distribution, improvement: overall, byType, byYear }, null, 2)}\n`);
    return 0;
  }
  const basisText = overall.basis === 'known' ? 'among patients with a known outcome' : 'among all patients treated';
  const rateHeadings = [
    { heading: 'improved', align: 'right' as const },
    { heading: overall.basis === 'known' ? 'known' : 'treated', align: 'right' as const },
    { heading: 'unknown', align: 'right' as const },
    { heading: 'rate %', align: 'right' as const },
    ...(ci ? [{ heading: `${formatDecimal(level, { scale: 100, decimals: 6 }).replace(/\.?0+$/, '')}% CI`, align: 'right' as const }] : []),
  ];
  const ciHeading = ci ? [{ heading: `${formatDecimal(level, { scale: 100, decimals: 6 }).replace(/\.?0+$/, '')}% CI (${ci.method})`, align: 'right' as const }] : [];
  const lines = [
    io.bold(sample ? `Sample cohort (synthetic data): ${file}` : `Cohort: ${file}`),
    `${table.total} records`,
    '',
    io.bold('Type distribution'),
    renderTable(
      [{ heading: 'type' }, { heading: 'count', align: 'right' }, { heading: '%', align: 'right' }, ...ciHeading],
      [...distribution.rows.map((r) => [r.type, String(r.count), r.percent, ...(ci ? [ciText(r.ci, decimals)] : [])]), ['total', String(distribution.total), '']],
    ),
    '',
    io.bold(`Improvement rate ${basisText}`),
    `${overall.improved} improved of ${overall.denominator} = ${overall.percent ?? '-'}%` +
      (overall.ci ? ` (${formatInterval(overall.ci, { decimals })})` : '') +
      (overall.unknown > 0 ? ` (${overall.unknown} with unknown outcome${overall.basis === 'known' ? ' left out' : ' counted as not improved'})` : ''),
    '',
    io.bold('By type'),
    renderTable([{ heading: 'type' }, ...rateHeadings], rateRows(byType, decimals, ci !== undefined)),
    '',
    io.bold('By year'),
    renderTable([{ heading: 'year' }, ...rateHeadings], rateRows(byYear, decimals, ci !== undefined)),
  ];
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
