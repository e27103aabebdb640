import { parse as parseCsv } from 'csv-parse/sync';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { defineCohort } from '../../src/schema/define-cohort.js';
import { formatTableOne } from '../../src/table-one/format-table-one.js';
import { tableOne } from '../../src/table-one/table-one.js';

const cohort = defineCohort({
  types: ['a|b', 'c<d>'],
  measures: { age: { kind: 'number', unit: 'years', label: 'Age' }, sex: { kind: 'category', values: ['female', 'male'], label: 'Sex, "self-reported"' } },
});
const { records } = cohort.parse([
  { type: 'a|b', year: 2010, outcome: 'improved', age: 3, sex: 'female' },
  { type: 'a|b', year: 2010, outcome: 'improved', age: 5, sex: 'male' },
  { type: 'c<d>', year: 2010, outcome: 'improved', age: 4 },
]);
const table = tableOne(records, { by: 'type', cohort, pValues: true });
const grid = [
  ['Characteristic', 'Overall (n = 3)', 'a|b (n = 2)', 'c<d> (n = 1)', 'p'],
  ['Age (years), mean (SD)', '4.0 (1.0)', '4.0 (1.4)', '4.0 (–)', ''],
  ['Sex, "self-reported", n (%)', '', '', '', ''],
  ['female', '1 (50.0)', '1 (50.0)', '0', ''],
  ['male', '1 (50.0)', '1 (50.0)', '0', ''],
  ['Missing', '1 (33.3)', '0 (0.0)', '1 (100.0)', ''],
];

describe('formatTableOne', () => {
  it('csv: an RFC 4180 grid that reads back cell for cell (level rows indented by two spaces)', () => {
    const csv = formatTableOne(table, { format: 'csv' });
    const back = parseCsv(csv, { relax_column_count: false }) as string[][];
    expect(back.map((r) => [r[0]!.trim(), ...r.slice(1)])).toEqual(grid);
    expect(back[3]![0]).toBe('  female');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('html: a fragment with caption, thead, tbody and the notes in tfoot, everything escaped, no styles or scripts', () => {
    const html = formatTableOne(table, { format: 'html', caption: 'Table 1 <draft>' });
    expect(html).not.toMatch(/<script|<style|vega/i);
    const doc = parseDocument(html);
    const tables = doc.children.filter((n) => 'name' in n && n.name === 'table');
    expect(tables).toHaveLength(1);
    const text = (node: unknown): string => {
      const n = node as { data?: string; children?: unknown[] };
      return n.data ?? (n.children ?? []).map(text).join('');
    };
    const find = (node: unknown, name: string): unknown[] => {
      const n = node as { name?: string; children?: unknown[] };
      return [...(n.name === name ? [node] : []), ...(n.children ?? []).flatMap((c) => find(c, name))];
    };
    expect(text(find(doc, 'caption')[0])).toBe('Table 1 <draft>');
    const head = find(find(doc, 'thead')[0], 'th').map(text);
    expect(head).toEqual(grid[0]);
    const body = find(find(doc, 'tbody')[0], 'tr').map((tr) => [...find(tr, 'th'), ...find(tr, 'td')].map(text));
    expect(body).toEqual(grid.slice(1));
    expect(find(doc, 'tfoot')[0]).toBeDefined();
    expect(html).toContain('<th scope="row" class="level" style="padding-left: 1.5em">female</th>');
  });

  it('markdown: a pipe table with escaped pipes and indented levels', () => {
    const md = formatTableOne(table, { format: 'markdown', notes: false });
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('| Characteristic | Overall (n = 3) | a\\|b (n = 2) | c<d> (n = 1) | p |');
    expect(lines[1]).toBe('| --- | ---: | ---: | ---: | ---: |');
    const cells = (line: string) => line.slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.replace(/\\\|/g, '|').replace(/^(&nbsp;)+/, ''));
    expect(lines.slice(2).map(cells)).toEqual(grid.slice(1));
    expect(lines).toHaveLength(grid.length + 1);
  });

  it('text: aligned columns, numbers to the right, notes below', () => {
    const out = formatTableOne(table, { format: 'text' }).split('\n');
    expect(out[0]).toMatch(/^Characteristic\s+Overall \(n = 3\)\s+a\|b \(n = 2\)\s+c<d> \(n = 1\)\s+p$/);
    const widths = out[1]!.split('  ').map((d) => d.length);
    expect(out[2]!.slice(0, widths[0])).toBe('Age (years), mean (SD)'.padEnd(widths[0]!));
    expect(out[5]).toMatch(/^ {2}male +1 \(50\.0\) +1 \(50\.0\) +0$/);
    expect(out).toContain(table.notes[0]);
  });

  it('refuses an unknown format or a non-table', () => {
    expect(() => formatTableOne(table, { format: 'pdf' as never })).toThrow(/format must be one of/);
    expect(() => formatTableOne({} as never, { format: 'csv' })).toThrow(/table from tableOne/);
  });
});
