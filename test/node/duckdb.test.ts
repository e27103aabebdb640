import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countCohortCsv } from '../../src/node/csv.js';
import { countWithDuckDB, groupBySql } from '../../src/node/duckdb.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import { forEachCell, type CountTable } from '../../src/stats/count-table.js';
import { fromGroupedCounts } from '../../src/stats/grouped-counts.js';

const dir = mkdtempSync(join(tmpdir(), 'to-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cells = (t: CountTable) => {
  const out: string[] = [];
  forEachCell(t, (...c) => out.push(c.join('|')));
  return out.sort();
};

describe('countWithDuckDB', () => {
  it('gives the same counts as the streaming reader on a generated file', async () => {
    const types = ['spastic', 'Mixed', 'athetoid', 'dyskinetic', 'other'];
    const outcomes = ['improved', 'unchanged', 'worsened', 'unknown'];
    const lines = ['Patient ID;Type;Year;Outcome'];
    for (let i = 0; i < 20_000; i++) lines.push(`${i};${types[i % 5]};${2004 + (i % 11)};${outcomes[(i * 3) % 4]}`);
    lines.push('x;spastik;2005;improved', 'y;mixed;20O5;improved');
    const path = join(dir, 'cohort.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const streamed = await countCohortCsv(path, { cohort: cerebralPalsyCohort, mode: 'lenient' });
    const duck = await countWithDuckDB(path, { cohort: cerebralPalsyCohort, threads: 2 });
    expect(cells(duck.table)).toEqual(cells(streamed.table));
    expect(duck.rejected.reduce((a, g) => a + g.count, 0)).toBe(streamed.rejected.length);
    expect(duck.rejected.find((g) => g.group.type === 'spastik')?.issues[0]?.suggestion).toBe('spastic');
    expect(duck.sql).toContain('GROUP BY 1, 2, 3');
  });
});

describe('fromGroupedCounts', () => {
  it('validates groups as records and keeps the rejected counts', () => {
    const { table, rejected } = fromGroupedCounts(
      [
        { type: 'Spastic', year: '2005', outcome: 'improved', count: 3n },
        { type: 'spastic', year: 2005, outcome: 'improved', count: 2 },
        { type: 'spastik', year: 2005, outcome: 'improved', count: 1 },
        { type: 'mixed', year: 2005, outcome: 'cured', count: 4 },
      ],
      { cohort: cerebralPalsyCohort },
    );
    expect(cells(table)).toEqual(['spastic|2005|improved|5']);
    expect(rejected.map((r) => [r.count, r.issues[0]?.field])).toEqual([
      [1, 'type'],
      [4, 'outcome'],
    ]);
  });

  it('writes the portable GROUP BY', () => {
    expect(groupBySql('cohort', { type: 'type', year: 'Year', outcome: 'outcome' })).toBe(
      'SELECT "type" AS type, "Year" AS year, "outcome" AS outcome, COUNT(*) AS count FROM cohort GROUP BY 1, 2, 3',
    );
  });
});
