import { parseArgs } from 'node:util';
import { InputFormatError } from '../errors.js';
import { ROUNDING_MODES, type RoundingMode } from '../format/rounding.js';
import { countCohortCsv } from '../node/csv.js';
import { dataPath, sampleCohortDefinition } from '../node/sample.js';
import { describeRejected } from '../schema/rejected.js';
import { formatTableOne } from '../table-one/format-table-one.js';
import { tableOneClaims } from '../table-one/table-one-claims.js';
import { tableOne } from '../table-one/table-one.js';
import type { TableOneOptions } from '../table-one/types.js';
import { cohortOption } from './cohort-option.js';
import { checkInputFile } from './input-file.js';
import type { Io } from './io.js';
import { wholeNumberOption } from './options.js';
import { UsageError } from './usage.js';
import { count } from './words.js';

export const TABLE1_HELP = `Usage: treatment-outcomes table1 [file.csv] [options]

Prints a Table 1: the cohort described by group, with n (%) of every categorical variable and the
mean (SD) or median [IQR] of every measured one, per group and overall, missing values counted.
The measures are the cohort's (--cohort with a cohort file whose measures name CSV columns);
the bundled synthetic sample has age, sex, GMFCS level and follow-up.

Options:
  --by <field>           Columns by type (default), year, outcome, or none
  --cohort <c>           cerebral-palsy or a cohort file (.yaml/.json) with types, aliases,
                         years and measures, e.g. measures: { age: { kind: number, unit: years } }
  --variables <a,b>      Rows, in order (default: every measure, else the outcome)
  --continuous <s>       mean-sd (default) or median-iqr
  --decimals <n>         Decimals of percents and statistics (default 1)
  --percent-decimals <n> Decimals of percents only
  --rounding <mode>      half-up (default), half-down, half-even, floor, ceil
  --p-values             Add group comparison p-values (chi-square or Fisher; Welch or Kruskal-Wallis)
  --percent-of <base>    non-missing (default: of the records with a value) or all
  --overall <where>      first (default), last or none
  --format <f>           text (default), markdown, html, csv
  --caption <text>       A caption above the table
  --claims               Print the table's claims file (JSON) instead, for treatment-outcomes audit
  --json                 Print the structured table (JSON)
  --lenient              Keep valid rows and report bad ones on stderr (default: any bad row is an error)
  -h, --help             Show this help

Without a file, the bundled synthetic sample cohort (data/sample-cohort.csv) is used.
`;

const FORMATS = ['text', 'markdown', 'html', 'csv'] as const;

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** `treatment-outcomes table1 [file.csv]`. */
export async function table1(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      by: { type: 'string', default: 'type' },
      cohort: { type: 'string' },
      variables: { type: 'string' },
      continuous: { type: 'string', default: 'mean-sd' },
      decimals: { type: 'string', default: '1' },
      'percent-decimals': { type: 'string' },
      rounding: { type: 'string', default: 'half-up' },
      'p-values': { type: 'boolean', default: false },
      'percent-of': { type: 'string', default: 'non-missing' },
      overall: { type: 'string', default: 'first' },
      format: { type: 'string', default: 'text' },
      caption: { type: 'string' },
      claims: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      lenient: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(TABLE1_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`table1 takes one file, got ${positionals.length}`);
  const decimals = wholeNumberOption(values.decimals, '--decimals', { min: 0, max: 20 });
  const percentDecimals = values['percent-decimals'] === undefined ? decimals : wholeNumberOption(values['percent-decimals'], '--percent-decimals', { min: 0, max: 20 });
  const rounding = oneOf(values.rounding, ROUNDING_MODES, '--rounding') as RoundingMode;
  const continuous = oneOf(values.continuous, ['mean-sd', 'median-iqr'] as const, '--continuous');
  const percentOf = oneOf(values['percent-of'], ['non-missing', 'all'] as const, '--percent-of');
  const overall = oneOf(values.overall, ['first', 'last', 'none'] as const, '--overall');
  const format = oneOf(values.format, FORMATS, '--format');
  if (values.claims && values.json) throw new UsageError('--claims and --json print different things: choose one');
  const by = values.by === 'none' ? null : values.by;
  if (values['p-values'] && by === null) throw new UsageError('--p-values compares groups: give --by as well');

  const chosen = await cohortOption(values.cohort);
  const sample = positionals[0] === undefined;
  const file = positionals[0] ?? dataPath('sample-cohort.csv');
  if (!sample) await checkInputFile(file, 'a cohort CSV file');
  const cohort = chosen?.cohort ?? (sample ? sampleCohortDefinition : undefined);
  const counted = await countCohortCsv(file, {
    mode: values.lenient ? 'lenient' : 'strict',
    maxRejected: 20,
    ...(cohort ? { cohort } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  const { table, rejected, rejectedCount } = counted;
  if (rejectedCount > 0) io.err(`${file}: ${count(rejectedCount, 'row')} rejected and left out:\n${describeRejected(rejected, 20)}\n`);
  if (table.total === 0) throw new InputFormatError(`${file}: there are no records to describe`, { file });
  const measures = Object.keys(cohort?.measures ?? {});
  if (measures.length === 0 && counted.ignoredColumns.length > 0) {
    io.err(`${file}: columns ${counted.ignoredColumns.map((c) => JSON.stringify(c)).join(', ')} were not read; describe them as measures in a cohort file (--cohort file.yaml) to put them in the table\n`);
  }
  if (by !== null && !['type', 'year', 'outcome'].includes(by)) throw new UsageError(`--by must be type, year, outcome or none (a file is counted by its cells), got ${JSON.stringify(by)}`);

  const options: TableOneOptions = {
    by,
    ...(cohort ? { cohort } : {}),
    continuous,
    decimals: { percent: percentDecimals, continuous: decimals },
    rounding,
    percentOf,
    overall: overall === 'none' ? false : overall,
    ...(values['p-values'] ? { pValues: true } : {}),
    ...(values.variables !== undefined ? { variables: values.variables.split(',').map((v) => v.trim()).filter((v) => v !== '') } : {}),
  };
  const described = tableOne(table, options);
  if (values.claims) {
    const claims = tableOneClaims(described, { title: `Table 1 of ${sample ? 'the synthetic sample cohort' : file}`, source: { name: sample ? 'treatment-outcomes synthetic sample cohort' : file } });
    io.out(`${JSON.stringify(claims, null, 2)}\n`);
    return 0;
  }
  if (values.json) {
    io.out(`${JSON.stringify({ file, synthetic: sample, records: table.total, rejected: rejectedCount, table: described }, null, 2)}\n`);
    return 0;
  }
  const caption = values.caption ?? (format === 'text' ? (sample ? `Sample cohort (synthetic data): ${file}` : `Cohort: ${file}`) : undefined);
  io.out(formatTableOne(described, { format, ...(caption !== undefined ? { caption } : {}) }));
  return 0;
}
