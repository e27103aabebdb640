import type { DocumentBlock, TableData } from '../document/document.js';
import type { ExtractedClaim, ExtractedMean, ExtractedPartition, TableContext, TableExtraction, TextSpan, UnresolvedFigure } from '../extract/types.js';
import { tableFromRows, type Table } from './table.js';
import { tableClaims, type DenominatorBasis, type TableCellRef } from './table-claims.js';

interface Slot {
  start: number;
  end: number;
}

const NOTE_START = /^\s*(?:[*†‡§¶#‖]|[a-z]\s|\((?:\d|[a-z])\)|(?:Data|Values|Numbers|Note|Notes|Abbreviations|Source)\b|[A-Z][A-Za-z0-9-]{1,10}\s*(?:=|,|:)\s)/;

const BASIS: Record<DenominatorBasis, string> = {
  cell: 'printed in the cell',
  row: "the row's size",
  subgroup: 'the size in the heading above',
  'another-row': 'the count of the row the label names',
  column: "the column's size",
  'row-total': "the row's Total cell (row percentages)",
  levels: "the sum of the variable's levels (missing values left out)",
  inferred: "inferred from the column's counts and percents (no size printed)",
  'row-sum': "the row's counts added up (row percentages, no Total column)",
  'stated-above': 'the size a row label above states',
};

/** A table block's grid with spans expanded, and where each slot's text stands in the page. */
function layout(data: TableData): { grid: string[][]; slots: Slot[][] } {
  const grid: string[][] = [];
  const slots: Slot[][] = [];
  const taken: boolean[][] = [];
  data.rows.forEach((row, i) => {
    grid[i] ??= [];
    slots[i] ??= [];
    taken[i] ??= [];
    let col = 0;
    for (const cell of row) {
      while (taken[i]![col]) col += 1;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, 1000));
      const colSpan = Math.max(1, Math.min(cell.colSpan, 1000));
      for (let di = 0; di < rowSpan && i + di < data.rows.length; di++) {
        const r = i + di;
        grid[r] ??= [];
        slots[r] ??= [];
        taken[r] ??= [];
        for (let dj = 0; dj < colSpan; dj++) {
          const origin = di === 0 && dj === 0;
          grid[r]![col + dj] = origin || cell.header || (col === 0 && dj === 0) ? cell.text : '';
          slots[r]![col + dj] = { start: cell.start, end: cell.end };
          taken[r]![col + dj] = true;
        }
      }
      col += colSpan;
    }
  });
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  return { grid: grid.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? '')), slots: slots.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? { start: 0, end: 0 })) };
}

/**
 * A table reader for {@link extractClaims} (`options.tables`): each table block of a page is read
 * with {@link tableClaims}, so a page with a paragraph and a table gives one extraction. Claims
 * keep the span of their cell (and of the percent's cell when printed apart), the row as their
 * context, their `denominatorSource` and a `denominatorNote` saying which part of the table gave it.
 * A paragraph right after the table that reads as its notes ("*One missing observation") is read
 * as the table's notes.
 *
 * @example
 * const page = readDocument('<p>We treated 60 children.</p><table><tr><th></th><th>All (n = 60)</th></tr><tr><td>Spastic</td><td>30 (50.0)</td></tr></table>');
 * const block = page.blocks.find((b) => b.kind === 'table');
 * const { claims } = readTableBlock(block, { document: page, locale: 'en', decimalComma: false, cohort: cerebralPalsyCohort, totals: [] });
 * claims.map((c) => [c.numerator, c.denominator, c.denominatorSource, c.type, c.span.quote]); // [[30, 60, 'table-header', 'spastic', '30 (50.0)']]
 */
export function readTableBlock(block: DocumentBlock & { table: TableData }, context: TableContext): TableExtraction & { means: ExtractedMean[] } {
  const text = context.document.text;
  const { grid, slots } = layout(block.table);
  const blocks = context.document.blocks;
  const at = blocks.indexOf(block);
  const next = at >= 0 ? blocks[at + 1] : undefined;
  const notes = next && next.kind === 'paragraph' && NOTE_START.test(next.text) ? next.text : undefined;
  const table: Table = tableFromRows(grid, {
    ...(block.table.headRows > 0 ? { headerRows: block.table.headRows } : {}),
    ...(block.table.caption ? { caption: block.table.caption } : {}),
    ...(notes ? { notes } : {}),
    index: Math.max(0, blocks.filter((b) => b.kind === 'table').indexOf(block)),
  });
  const x = tableClaims(table, { decimalComma: context.decimalComma ? true : 'auto', idPrefix: `table${table.index + 1}-` });
  const span = (ref: TableCellRef): TextSpan => {
    const a = slots[ref.row]![ref.column]!;
    const b = ref.also ? slots[ref.also.row]![ref.also.column]! : a;
    const start = Math.min(a.start, b.start);
    const end = Math.max(a.end, b.end);
    return { start, end, quote: text.slice(start, end) };
  };
  const rowSpan = (ref: TableCellRef): TextSpan => {
    const row = slots[ref.row]!.filter((s) => s.end > s.start);
    const start = Math.min(...row.map((s) => s.start));
    const end = Math.max(...row.map((s) => s.end));
    return { start, end, quote: text.slice(start, end) };
  };
  const claims: ExtractedClaim[] = x.claims.map((c) => {
    const type = context.cohort.normalizeType(table.rowLabels[c.cell.row]?.split(' / ').pop() ?? '');
    return {
      id: c.id,
      label: c.label,
      ...(type ? { type } : {}),
      ...(c.numerator !== undefined ? { numerator: c.numerator } : {}),
      denominator: c.denominator,
      denominatorSource: c.denominatorSource,
      ...(c.denominatorSource !== 'with-claim' ? { denominatorNote: c.denominatorNote ?? BASIS[c.denominatorBasis] } : {}),
      ...(c.percent !== undefined ? { percent: c.percent } : {}),
      span: span(c.cell),
      context: rowSpan(c.cell),
    };
  });
  const byId = new Map(claims.map((c) => [c.id, c]));
  const partitions: ExtractedPartition[] = x.partitions.map((p) => {
    const parts = p.parts.map((id) => byId.get(id)!.span);
    const start = Math.min(...parts.map((s) => s.start));
    const end = Math.max(...parts.map((s) => s.end));
    return { id: p.id, total: p.total, parts: p.parts, difference: p.difference, span: { start, end, quote: text.slice(start, end) } };
  });
  const unresolved: UnresolvedFigure[] = x.unresolved.map((u) => ({ text: u.text, reason: `${u.cell.name}: ${u.reason}`, span: span(u.cell) }));
  const means: ExtractedMean[] = x.means.map(({ cell, ...m }) => ({ ...m, span: span(cell), context: rowSpan(cell) }));
  return { claims, partitions, unresolved, means };
}
