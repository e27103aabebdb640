import { stat, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ClaimsFile } from '../claims/schema.js';
import { loadReferences, readClaimsFile } from '../node/claims.js';
import { countCohortCsv } from '../node/csv.js';
import { buildReport } from '../node/build-report.js';
import { dataPath, sampleCohortDefinition } from '../node/sample.js';
import { cohortOption } from './cohort-option.js';
import { checkInputFile } from './input-file.js';
import type { Io } from './io.js';
import { readRecordsOption } from './records-option.js';
import { REPORT_HELP, UsageError } from './usage.js';

/** `--svg DIR` must be a directory (made when missing); a file there is a usage error, not a crash. */
async function checkSvgDirectory(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (found !== undefined && !found.isDirectory()) throw new UsageError(`--svg takes a directory for the chart files; ${dir} is a file`);
}

/** `--out FILE` must not be a directory. */
async function checkOutFile(file: string): Promise<void> {
  const found = await stat(file).catch(() => undefined);
  if (found?.isDirectory()) throw new UsageError(`--out takes the HTML file to write; ${file} is a directory`);
}

/**
 * `treatment-outcomes report [claims] [--records file.csv | --sample] [--cohort c] [--out report.html] [--svg DIR]`.
 * Without records the report shows the published figures and their audit only; the bundled
 * synthetic sample appears only with `--sample`, and is then labelled synthetic throughout.
 */
export async function report(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      records: { type: 'string' },
      sample: { type: 'boolean', default: false },
      cohort: { type: 'string' },
      out: { type: 'string' },
      svg: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(REPORT_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`report takes one claims file, got ${positionals.length}`);
  if (values.sample && values.records !== undefined) throw new UsageError('give either --records file.csv (your data) or --sample (the bundled synthetic cohort), not both');
  if (values.cohort !== undefined && values.records === undefined) throw new UsageError('--cohort checks the records of --records file.csv; give --records too');
  if (values.svg !== undefined) await checkSvgDirectory(values.svg);
  if (values.out !== undefined) await checkOutFile(values.out);
  const claimsPath = positionals[0] ?? dataPath('seed-claims.json');
  await checkInputFile(claimsPath, 'a claims file (JSON or YAML)');
  // lenient: a figure that cannot be read becomes a finding of the report; only an unreadable file stops here
  const { data } = await readClaimsFile(claimsPath, { lenient: true });
  const claims = data as ClaimsFile;
  const own = await readRecordsOption(values.records, await cohortOption(values.cohort), io);
  const sample = values.sample ? (await countCohortCsv(dataPath('sample-cohort.csv'), { cohort: sampleCohortDefinition })).table : undefined;
  const records = own?.table ?? sample;
  const built = await buildReport({
    ...(records ? { records } : {}),
    ...(own ? { recordsLabel: own.file } : sample ? { recordsLabel: 'the bundled sample cohort (synthetic, with the clinic’s published type counts)', synthetic: true } : {}),
    claims,
    references: await loadReferences(),
  });
  if (values.svg) {
    await mkdir(values.svg, { recursive: true });
    for (const [name, chart] of Object.entries(built.charts)) await writeFile(join(values.svg, `${name}.svg`), chart.svg);
  }
  const charts = Object.keys(built.charts).length;
  if (values.out) {
    await writeFile(values.out, built.html);
    io.err(`wrote ${values.out} (${(Buffer.byteLength(built.html) / 1024).toFixed(0)} KB, ${charts} ${charts === 1 ? 'chart' : 'charts'})\n`);
  } else io.out(built.html);
  if (!records) io.err('note: no --records given, so the report shows the published figures and their audit only (--sample adds the bundled synthetic cohort)\n');
  return 0;
}
