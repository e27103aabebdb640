// Table 1 by type of random cohorts, every cell and p-value against base R (scripts/reference/table-one.R
// writes test/fixtures/reference/table-one-random.json): sizes from 12 to 400, ages to 0, 1 or 2 decimals,
// missing values, levels that never occur, small groups (Fisher's test) and large ones (χ²).
// TABLE_ONE_REFERENCE_DIR points the test at cohorts the script drew with another seed (held out).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleCohortDefinition } from '../../src/node/sample.js';
import { tableOne } from '../../src/table-one/table-one.js';
import type { TableOne } from '../../src/table-one/types.js';
import { relativeError, WorstErrors } from '../meta/reference.js';
import { expectedRows, rowsOf, type RTable } from './r-reference.js';

interface RandomCohort extends RTable {
  id: string;
  rows: { type: string; age?: number; sex?: string; gmfcs?: number; followUpMonths?: number }[];
}

const dir = process.env.TABLE_ONE_REFERENCE_DIR;
const file = dir ? join(dir, 'table-one-random.json') : new URL('../fixtures/reference/table-one-random.json', import.meta.url);
const cohorts = (JSON.parse(readFileSync(file, 'utf8')) as { cohorts: RandomCohort[] }).cohorts;

const worst = new WorstErrors();
afterAll(() => {
  worst.print(`worst relative error of tableOne against base R on ${cohorts.length} random cohorts${dir ? ` in ${dir}` : ''} (Fisher: R's FEXACT is exact to ~1e-7)`);
  console.log(`χ² in place of Fisher's exact test (too many steps): ${fallbacks / 2} variable(s) of ${cohorts.length} cohorts`);
  console.log(`Fisher p-values R did not compute within a minute (not checked): ${unchecked / 2}`);
});

let fallbacks = 0;
let unchecked = 0;
/**
 * R's table with χ² where tableOne fell back to it: Fisher's exact test needs more than the library's
 * budget of steps for the table (R's fisher.test with its default workspace fails there as well), and
 * the cell and the notes say so.
 */
function withFallbacks(c: RandomCohort, table: TableOne): RTable {
  const variables = { ...c.variables };
  for (const [name, v] of Object.entries(c.variables)) {
    const row = table.rows.find((r) => r.variable === name && r.kind === 'variable');
    if (v.kind !== 'categorical' || v.test.method !== 'fisher' || row?.pValue?.test !== 'chi-square') continue;
    expect(row.pValue.note, `${c.id} ${name}`).toMatch(/^Pearson's χ², although an expected count is below 5: Fisher's exact test needs more than 2e7 steps for this \d×\d table of \d+ \((stopped there|at least \de\d+, counted from its margins before starting)\)$/);
    expect(table.notes).toContain(`p for ${row.label}: ${row.pValue.note}.`);
    variables[name] = { ...v, test: { method: 'chi-square', p: v.test.chisq_p! } };
    fallbacks += 1;
  }
  // where R's fisher.test gave up (after a minute: null) the library's exact p-value has nothing to be checked
  // against; its printed text is taken as it is and counted
  for (const [name, v] of Object.entries(variables)) {
    if (v.kind !== 'categorical' || v.test.method !== 'fisher' || (v.test.p !== null && v.test.p !== undefined)) continue;
    const row = table.rows.find((r) => r.variable === name && r.kind === 'variable');
    expect(row?.pValue?.test, `${c.id} ${name}`).toBe('fisher');
    variables[name] = { ...v, test: { method: 'none', unchecked: row!.pValue!.text } };
    unchecked += 1;
  }
  return { columns: c.columns, variables };
}

function close(column: string, row: string, where: string, actual: number | null | undefined, expected: number | undefined, tolerance: number) {
  if (expected === undefined) throw new Error(`no R value for ${where}`);
  const err = relativeError(actual ?? NaN, expected, 0);
  worst.track(column, row, err, where, tolerance);
  if (!(err <= tolerance)) expect.fail(`${where}: got ${actual}, R ${expected} (relative error ${err.toExponential(2)})`);
}

describe('tableOne of random cohorts, as base R computes them', () => {
  it('has cohorts with Fisher and χ² tests, missing values and levels that never occur', () => {
    const tests = cohorts.flatMap((c) => Object.values(c.variables).flatMap((v) => (v.kind === 'categorical' ? [v.test.method] : [])));
    expect(tests).toContain('fisher');
    expect(tests).toContain('chi-square');
    expect(cohorts.some((c) => c.rows.some((r) => r.age === undefined))).toBe(true);
    expect(cohorts.some((c) => c.rows.length >= 400)).toBe(true);
  });

  // Fisher's exact test on a 4×5 table of a few hundred patients takes seconds to a minute on a loaded machine
  it.each(cohorts.map((c) => [c.id, c] as const))('%s: every cell at 0, 1 and 2 decimals, and the numbers behind them', { timeout: 600_000 }, (id, c) => {
    const { records } = sampleCohortDefinition.parse(c.rows.map((r) => ({ ...r, year: 2010, outcome: 'improved' })));
    expect(records).toHaveLength(c.rows.length);
    for (const continuous of ['mean-sd', 'median-iqr'] as const) {
      for (const decimals of [0, 1, 2]) {
        // p-values do not depend on the decimals: tested once (Fisher's test takes seconds on some tables)
        const pValues = decimals === 1;
        const table = tableOne(records, { by: 'type', cohort: sampleCohortDefinition, continuous, decimals, pValues });
        expect(table.columns.map((col) => col.key)).toEqual(c.columns);
        const expected = pValues ? withFallbacks(c, table) : c;
        expect(rowsOf(table), `${id} ${continuous} ${decimals}`).toEqual(expectedRows({ decimals, continuous, pValues }, expected));
        if (!pValues) continue;
        for (const [name, v] of Object.entries(expected.variables)) {
          const row = table.rows.find((r) => r.variable === name && r.kind === 'variable')!;
          if (v.kind === 'categorical') {
            if (v.test.unchecked !== undefined) continue;
            if (v.test.method === 'none') expect(row.pValue?.value ?? null).toBeNull();
            else {
              expect(row.pValue!.test, `${id} ${name}`).toBe(v.test.method);
              // R's FEXACT merges paths within 3.5e-7 of each other (4.9e-8 seen on a 4×4 table of 400);
              // fisherExact is brute-force checked to 1e-13
              close(v.test.method, 'p', `${id} ${name}`, row.pValue!.value, v.test.p ?? undefined, v.test.method === 'fisher' ? 1e-7 : 1e-10);
            }
            continue;
          }
          const test = continuous === 'mean-sd' ? v.welch : v.kruskal;
          close(continuous === 'mean-sd' ? 'welch-anova' : 'kruskal-wallis', 'p', `${id} ${name}`, row.pValue!.value, test.p, 1e-10);
          c.columns.forEach((col, j) => {
            const cell = row.cells[j]!;
            const ref = v.columns[col]!;
            if (cell.kind === 'mean-sd') {
              close('mean-sd', 'mean', `${id} ${name} ${col}`, cell.mean, ref.mean, 1e-14);
              close('mean-sd', 'sd', `${id} ${name} ${col}`, cell.sd, ref.sd, 1e-12);
            } else if (cell.kind === 'median-iqr') {
              [cell.q1, cell.median, cell.q3].forEach((q, k) => close('median-iqr', `q${k + 1}`, `${id} ${name} ${col}`, q, ref.quartiles[k], 1e-14));
            } else expect.fail(`${id} ${name}: cell kind ${cell.kind}`);
          });
        }
      }
    }
  });
});
