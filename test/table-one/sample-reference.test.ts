// The bundled sample's Table 1 by type, every cell against base R (scripts/reference/table-one.R).
import { describe, expect, it } from 'vitest';
import { loadSampleCohort, sampleCohortDefinition } from '../../src/node/sample.js';
import { countTable } from '../../src/stats/count-table.js';
import { tableOne } from '../../src/table-one/table-one.js';
import { expectClose } from '../inference/close.js';
import { expectedRows, rowsOf, printR, sample } from './r-reference.js';

const records = await loadSampleCohort();

describe('the sample cohort by type, as R computes it', () => {
  for (const continuous of ['mean-sd', 'median-iqr'] as const) {
    for (const decimals of [1, 2]) {
      it(`${continuous}, ${decimals} decimal(s): every cell and p-value`, () => {
        const table = tableOne(records, { by: 'type', cohort: sampleCohortDefinition, continuous, decimals, pValues: true });
        expect(table.columns.map((c) => c.key)).toEqual(sample.columns);
        expect(table.columns.map((c) => c.n)).toEqual(sample.columns.map((c) => sample.variables.age!.columns[c]!.n));
        expect(rowsOf(table)).toEqual(expectedRows({ decimals, continuous, pValues: true }));
      });
    }
  }

  it('has the numbers behind the cells: means, SDs, quartiles and p-values to R within 1e-12', () => {
    const mean = tableOne(records, { by: 'type', cohort: sampleCohortDefinition, pValues: true });
    const median = tableOne(records, { by: 'type', cohort: sampleCohortDefinition, pValues: true, continuous: 'median-iqr' });
    for (const name of ['age', 'followUpMonths'] as const) {
      const v = sample.variables[name]!;
      if (v.kind !== 'continuous') throw new Error('continuous expected');
      const m = mean.rows.find((r) => r.variable === name && r.kind === 'variable')!;
      const q = median.rows.find((r) => r.variable === name && r.kind === 'variable')!;
      sample.columns.forEach((c, j) => {
        const cell = m.cells[j]!;
        const qc = q.cells[j]!;
        if (cell.kind !== 'mean-sd' || qc.kind !== 'median-iqr') throw new Error('cell kind');
        expect(cell.n).toBe(v.columns[c]!.recorded);
        expectClose(cell.mean!, v.columns[c]!.mean, 1e-14, 0, `${name} ${c} mean`);
        expectClose(cell.sd!, v.columns[c]!.sd, 1e-12, 0, `${name} ${c} sd`);
        [qc.q1!, qc.median!, qc.q3!].forEach((x, k) => expectClose(x, v.columns[c]!.quartiles[k]!, 1e-14, 0, `${name} ${c} q${k + 1}`));
      });
      expectClose(m.pValue!.value!, v.welch.p, 1e-10, 0, `${name} Welch p`);
      expectClose(q.pValue!.value!, v.kruskal.p, 1e-10, 0, `${name} Kruskal-Wallis p`);
    }
    for (const name of ['sex', 'gmfcs'] as const) {
      const v = sample.variables[name]!;
      if (v.kind !== 'categorical') throw new Error('categorical expected');
      const row = mean.rows.find((r) => r.variable === name && r.kind === 'variable')!;
      expect(row.pValue!.test).toBe(v.test.method);
      expectClose(row.pValue!.value!, v.test.p ?? null, 1e-10, 0, `${name} p`);
    }
  });

  it('prints the same table from a count table with measures (no records at hand)', () => {
    const table = countTable(records, { measures: sampleCohortDefinition.measures });
    for (const continuous of ['mean-sd', 'median-iqr'] as const) {
      const fromCounts = tableOne(table, { by: 'type', cohort: sampleCohortDefinition, continuous, pValues: true });
      expect(rowsOf(fromCounts)).toEqual(expectedRows({ decimals: 1, continuous, pValues: true }));
    }
  });

  it('reads R with 12 significant digits, so an exact tie stays a tie', () => {
    expect(printR(3.2749999999999995, 2)).toBe('3.28');
    expect(printR(0.125, 2)).toBe('0.13');
    expect(printR(2.7297889149375754e-66, 3)).toBe('0.000');
    expect(printR(99.96, 1)).toBe('100.0');
  });
});
