import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadReferences, readClaimsFile } from '../node/claims.js';
import { countCohortCsv } from '../node/csv.js';
import { buildReport } from '../node/report.js';
import { dataPath, sampleCohortDefinition } from '../node/sample.js';
import type { Io } from './io.js';
import { REPORT_HELP, UsageError } from './usage.js';

/** `treatment-outcomes report [claims] [--records file.csv] [--out report.html] [--svg DIR]`. */
export async function report(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      records: { type: 'string' },
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
  const claimsPath = positionals[0] ?? dataPath('seed-claims.json');
  const { file: claims } = await readClaimsFile(claimsPath);
  const sample = values.records === undefined;
  const recordsPath = values.records ?? dataPath('sample-cohort.csv');
  const { table } = await countCohortCsv(recordsPath, sample ? { cohort: sampleCohortDefinition } : {});
  const built = await buildReport({
    records: table,
    recordsLabel: sample ? 'bundled sample cohort (synthetic data, with the clinic’s published type counts)' : recordsPath,
    claims,
    references: await loadReferences(),
  });
  if (values.svg) {
    await mkdir(values.svg, { recursive: true });
    for (const [name, chart] of Object.entries(built.charts)) await writeFile(join(values.svg, `${name}.svg`), chart.svg);
  }
  if (values.out) {
    await writeFile(values.out, built.html);
    io.err(`wrote ${values.out} (${(Buffer.byteLength(built.html) / 1024).toFixed(0)} KB, ${Object.keys(built.charts).length} charts)\n`);
  } else io.out(built.html);
  return 0;
}
