// Scores the table reader on tables copied from public pages (test/tables/corpus, URLs in gold.json).
// The held-back split is scored, never tuned on. Figures on tables nobody here has seen will be lower.
import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { readTables } from '../../src/tables/read-tables.js';
import { tableClaims } from '../../src/tables/table-claims.js';
import type { Table } from '../../src/tables/table.js';
import { readFileSync } from 'node:fs';
import { CORPUS_DIR, describeScore, GOLD, scoreCorpus } from './score.js';

const report = (split: 'dev' | 'held') => {
  const s = scoreCorpus(split);
  console.log(`${split}: ${describeScore(s)}`);
  for (const format of ['HTML', 'Markdown'] as const) console.log(`  ${split}, ${format}: ${describeScore(scoreCorpus(split, undefined, format))}`);
  if (s.falseAlarms.length > 0) console.log(s.falseAlarms.join('\n'));
  return s;
};

describe('the table corpus', () => {
  it('has at least 20 public pages, HTML and Markdown, each with its URL', () => {
    const pages = new Set(GOLD.map((g) => g.url));
    expect(pages.size).toBeGreaterThanOrEqual(20);
    expect(GOLD.every((g) => /^https?:\/\//.test(g.url))).toBe(true);
    expect(GOLD.some((g) => g.file.endsWith('.md'))).toBe(true);
    expect(GOLD.filter((g) => g.split === 'held').length).toBeGreaterThanOrEqual(6);
  });

  it.each(['dev', 'held'] as const)('%s split: claims, means and findings', (split) => {
    const s = report(split);
    expect(s.claimRecall).toBeGreaterThanOrEqual(0.85);
    expect(s.claimPrecision).toBeGreaterThanOrEqual(0.95);
    expect(s.meanRecall).toBeGreaterThanOrEqual(0.8);
    expect(s.realFound / s.realExpected).toBeGreaterThanOrEqual(0.8);
    expect(s.falseAlarms).toEqual([]);
  });
});

/** Every count-percent cell whose percent fits its denominator, as (table, row, column). */
function cleanCells(table: Table) {
  const x = tableClaims(table);
  return x.claims.filter((c) => c.numerator !== undefined && c.percent !== undefined && c.denominatorBasis !== 'levels' && !/\|/.test(c.cell.quote)).filter((c) => auditClaims({ title: 't', source: { name: 's' }, claims: [{ id: c.id, numerator: c.numerator, denominator: c.denominator, percent: c.percent }] }).findings.length === 0);
}

describe('planted misprints in the corpus tables', () => {
  const dev = GOLD.filter((g) => g.split === 'dev' && g.file.endsWith('.html'));
  it('finds a changed percent in its cell, naming the cell', () => {
    let planted = 0;
    let found = 0;
    for (const g of dev) {
      const [table] = readTables(readFileSync(`${CORPUS_DIR}${g.file}`, 'utf8'));
      for (const c of cleanCells(table!).filter((_, i) => i % 3 === 0)) {
        // raise the printed percent by 4 points: no rounding or missing value explains that
        const grid = table!.grid.map((r) => [...r]);
        const text = grid[c.cell.row]![c.cell.column]!;
        const p = Number(c.percent);
        if (p + 4 > 100) continue;
        const changed = (p + 4).toFixed(c.percent!.split('.')[1]?.length ?? 0);
        grid[c.cell.row]![c.cell.column] = text.replace(c.percent!, changed);
        const x = tableClaims({ ...table!, grid });
        const claims = x.claims.map(({ cell: _c, denominatorBasis: _b, denominatorSource: _s, ...rest }) => rest);
        const report = auditClaims({ title: g.id, source: { name: g.url }, claims, partitions: x.partitions.map(({ basis: _b, difference: _d, ...p }) => p) });
        planted += 1;
        const hit = report.findings.find((f) => f.severity === 'error' && f.message.startsWith(c.cell.name));
        if (hit) found += 1;
      }
    }
    console.log(`planted percents found: ${found}/${planted}`);
    expect(planted).toBeGreaterThan(50);
    expect(found / planted).toBeGreaterThanOrEqual(0.8);
  });
});
