import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { expectedRows, sample } from '../table-one/r-reference.js';
import { cli } from './helpers.js';

const headings = (cells: string[]) => cells.slice(1, -1);

/** The R reference as the rows of the CSV the CLI prints: label column, one column per group, p. */
function expectedGrid(continuous: 'mean-sd' | 'median-iqr', decimals: number) {
  return expectedRows({ decimals, continuous, pValues: true }).map((r) => [...r.cells, r.p ?? '']);
}

describe('treatment-outcomes table1', () => {
  for (const continuous of ['mean-sd', 'median-iqr'] as const) {
    it(`on the sample, --by type --format csv --continuous ${continuous}: every cell is R's`, async () => {
      const { code, out, err } = await cli('table1', '--by', 'type', '--format', 'csv', '--p-values', '--continuous', continuous);
      expect(err).toBe('');
      expect(code).toBe(0);
      const grid = parseCsv(out) as string[][];
      expect(headings(grid[0]!)).toEqual(sample.columns.map((c) => `${c === 'overall' ? 'Overall' : c} (n = ${sample.variables.age!.columns[c]!.n})`));
      expect(grid.slice(1).map((row) => row.slice(1))).toEqual(expectedGrid(continuous, 1));
    });
  }

  it('the built binary prints the same table (text, with the synthetic label)', async () => {
    const bin = join(import.meta.dirname, '../../dist/cli/main.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'table1', '--by', 'type', '--decimals', '2']);
    expect(stdout.split('\n')[0]).toMatch(/^Sample cohort \(synthetic data\): /);
    const ageRow = stdout.split('\n').find((l) => l.startsWith('Age (years), mean (SD)'))!;
    expect(ageRow.trim().split(/\s{2,}/).slice(1)).toEqual(expectedRows({ decimals: 2, continuous: 'mean-sd', pValues: false })[0]!.cells);
  });

  it('--claims prints a claims file that audits clean', async () => {
    const { code, out } = await cli('table1', '--claims');
    expect(code).toBe(0);
    const file = JSON.parse(out) as Parameters<typeof auditClaims>[0] & { means: unknown[] };
    expect(file.means.length).toBe(10);
    const report = auditClaims(file);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reads a user file with a cohort file that declares its measures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'table1-'));
    const csv = join(dir, 'clinic.csv');
    const cohortFile = join(dir, 'cohort.yaml');
    await writeFile(csv, 'type,year,outcome,Score,site\nA,2010,improved,3,x\nB,2011,unknown,5,y\nB,2011,improved,,y\n');
    await writeFile(cohortFile, 'types: [a, b]\nmeasures:\n  score: { kind: integer, min: 0, max: 10 }\n');
    const { code, out } = await cli('table1', csv, '--cohort', cohortFile, '--format', 'markdown');
    expect(code).toBe(0);
    expect(out).toContain('| score, mean (SD) | 4.0 (1.4) | 3.0 (–) | 5.0 (–) |');
    expect(out).toContain('| &nbsp;&nbsp;&nbsp;&nbsp;Missing | 1 (33.3) | 0 (0.0) | 1 (50.0) |');
    const plain = await cli('table1', csv);
    expect(plain.err).toMatch(/columns "Score", "site" were not read; describe them as measures in a cohort file/);
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'types: [a, b]\nmeasures:\n  score: { kind: decimal }\n');
    const refused = await cli('table1', csv, '--cohort', bad);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/measures\.score: kind must be 'number', 'integer', 'ordinal' or 'category'/);
  });

  it('refuses options it cannot honour with a usage error', async () => {
    for (const args of [['--format', 'pdf'], ['--by', 'none', '--p-values'], ['--by', 'sex'], ['--continuous', 'mean'], ['--claims', '--json'], ['a.csv', 'b.csv']]) {
      const { code, err } = await cli('table1', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toMatch(/^error: /);
    }
  });

  it('has help, and is listed in the main help', async () => {
    expect((await cli('table1', '--help')).out).toMatch(/^Usage: treatment-outcomes table1/);
    expect((await cli('--help')).out).toMatch(/table1 \[file\.csv\]/);
  });
});
