import type { ExtractionBuilder } from './extract-claims.js';
import { fitFields, fitShare } from './fit.js';
import type { ReadingLocale } from './locale.js';
import { addPartition, exactRun } from './partitions.js';
import { slug } from './slug.js';
import { tokenize, type NumberToken } from './tokens.js';
import type { ExtractedClaim, TextSpan } from './types.js';

// Tables printed as text: "n (%)" tables whose group sizes stand in the header ("Intervention
// (n = 186) Control (n = 276)", "Participants (n) 97 116 107", one "N = 81" per line), with rows
// of "count (percent)" cells on one line or one cell a line. A cell is tied to the size of its
// column only when the structure says which column it is in: the row has as many count cells as
// the header has sizes. Rows that do not line up, and tables whose percents mostly do not fit
// their header's sizes (percents of something else: changes, non-missing values), are left
// unresolved rather than guessed. The lines are read once; each line is tokenised once.

/** A "count (percent)" cell, or "count of N (percent)" with its own denominator. */
interface Cell {
  count: NumberToken;
  percent: NumberToken;
  denominator?: NumberToken;
  start: number;
  end: number;
}

type LineKind = 'size' | 'size-list' | 'cells' | 'other-cells' | 'label' | 'prose';

interface Line {
  kind: LineKind;
  start: number;
  end: number;
  label: string;
  sizes: NumberToken[];
  cells: Cell[];
}

interface Row {
  label: string;
  cells: Cell[];
  header: NumberToken[];
  start: number;
  end: number;
}

/** What the text-table reader found: claims and partitions are already added to the builder. */
export interface TextTables {
  /** Text ranges read as tables: the prose reader skips them. */
  ranges: { start: number; end: number }[];
  /** Starts of the percents the tables tied or listed as unresolved. */
  claimed: Set<number>;
}

const SIZE_BEFORE = /(?:^|[\s(|,;[])[nN]\s*[=:]\s*$/;
const SIZE_LIST_LABEL = /\((?:n|N|No\.?)\)\s*$/;
const N_PERCENT_LINE = /^[\s|]*(?:n|N|No\.?)\s*\(\s*%\s*\)[\s|]*$/;
const MINUS_BEFORE = /[−–-]\s*$/;
const OPEN_BEFORE = /^\s*\(\s*$/;
const CLOSE_AFTER = /^\s*%?\s*\)/;
const OF_BETWEEN = /^\s*(?:of|\/)\s*$/;
const SENTENCE_END = /[.!?;:](?:\s|$)/;
// a row labelled by a range of ages or values ("0–4", "10–14 years", "≥ 65", "65+"), not a continued row
const RANGE_LABEL = /^\s*(?:[<>≤≥]\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s*[–—-]\s*\d+(?:[.,]\d+)?|\d+\s*\+)\s*$/u;
const N_ALONE = /^[\s|]*(?:n|N|No\.?)[\s|]*$/;
const PERCENT_ALONE = /^[\s|]*%[\s|]*$/;
const LONE_NUMBER = /^\s*\d+(?:[.,]\d+)?\s*$/;

/** "Pregnancy rate 52% 40% 25%": a label, then two or more percents and nothing else. */
interface PercentRow {
  label: string;
  start: number;
  percents: NumberToken[];
}

// a label without digits, then numbers and percent signs only (tested before the line is tokenised a second time)
const PERCENT_ROW_SHAPE = /^[^\d%]*\d[\d\s.,*|]*%[\d\s.,%*|]*%[\s*|]*$/u;

function readPercentRow(text: string, start: number, end: number, locale: ReadingLocale): PercentRow | undefined {
  const raw = text.slice(start, end);
  if (!PERCENT_ROW_SHAPE.test(raw)) return undefined;
  const tokens = tokenize(raw, locale);
  if (tokens.length < 2 || tokens.some((t) => !t.percent || t.excluded !== undefined)) return undefined;
  const first = tokens[0]!;
  if (/[\d]/.test(raw.slice(first.end).replace(/\d[\d.,]*\s*%/g, ''))) return undefined;
  return { label: raw.slice(0, first.start).replace(LABEL_EDGES, ''), start, percents: tokens.map((t) => ({ ...t, start: t.start + start, end: t.end + start })) };
}

/** "104/200 60/150 25/100": exactly `k` ratios and nothing else, as [count, denominator] pairs. */
function ratioRow(text: string, start: number, end: number, locale: ReadingLocale, k: number): [NumberToken, NumberToken][] | undefined {
  const raw = text.slice(start, end);
  if (!/^[\s*|]*\d[\d\s/*|]*$/.test(raw)) return undefined;
  const tokens = tokenize(raw, locale).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
  if (tokens.length !== 2 * k) return undefined;
  const pairs: [NumberToken, NumberToken][] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!/^\s*\/\s*$/.test(text.slice(a.end, b.start)) || a.decimals > 0 || b.decimals > 0 || a.value > b.value) return undefined;
    pairs.push([a, b]);
  }
  return pairs;
}

/** The claims of a percent row and the ratio row under it, column by column: each ratio prints its own denominator. */
function emitColumnPairs(out: ExtractionBuilder, row: PercentRow, pairs: readonly [NumberToken, NumberToken][], end: number, result: TextTables): void {
  const context = out.span(row.start, end);
  row.percents.forEach((p, i) => {
    const [count, denominator] = pairs[i]!;
    out.claims.push({
      id: out.id(slug(row.label) || 'claim'),
      ...(row.label ? { label: row.label } : {}),
      numerator: count.value,
      denominator: denominator.value,
      denominatorSource: 'with-claim',
      denominatorNote: `the ratio printed under the percent, in the same column of the next line`,
      percent: p.digits,
      span: out.span(p.start, p.end),
      context,
    });
    result.claimed.add(p.start);
  });
  result.ranges.push({ start: row.start, end });
}

/** The one number of a line that holds nothing else, at its place in the text. */
function loneNumber(raw: string, start: number, locale: ReadingLocale): NumberToken | undefined {
  const tokens = tokenize(raw, locale);
  const t = tokens.length === 1 ? tokens[0]! : undefined;
  return t === undefined || t.excluded !== undefined || t.word ? undefined : { ...t, start: t.start + start, end: t.end + start };
}
/** How the tokeniser marks "58.7" printed without "%": in an "n (%)" cell it is the percent. */
const DECIMAL_NOT_PERCENT = 'a decimal that is not a percent';
const LABEL_EDGES = /^[\s|*•♦·-]+|[\s|*•♦·,:-]+$/g;

const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/** A line of prose, which ends a table: a sentence of some length. */
const isProse = (text: string) => words(text) >= 8 && SENTENCE_END.test(text.replace(/\b(?:No|n|vs|et al|e\.g|i\.e)\.\s/g, ''));

function readLine(text: string, start: number, end: number, locale: ReadingLocale): Line {
  const line = text.slice(start, end);
  const none: Line = { kind: 'label', start, end, label: line.replace(LABEL_EDGES, ''), sizes: [], cells: [] };
  if (!/\d/.test(line)) return isProse(line) ? { ...none, kind: 'prose' } : none;
  if (isProse(line)) return { ...none, kind: 'prose' };
  const tokens = tokenize(line, locale);
  const at = (i: number) => tokens[i];
  const between = (a: NumberToken, b: NumberToken) => line.slice(a.end, b.start);
  const cells: Cell[] = [];
  const sizes: NumberToken[] = [];
  let others = 0;
  let percents = 0;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    if (a.percent) percents++;
    if (a.excluded === undefined && !a.percent && a.decimals === 0 && SIZE_BEFORE.test(line.slice(0, a.start))) {
      sizes.push(a);
      continue;
    }
    const b = at(i + 1);
    if (b === undefined) continue;
    const countLike = a.excluded === undefined && !a.percent && !a.word && a.decimals === 0 && !MINUS_BEFORE.test(line.slice(0, a.start));
    const c = at(i + 2);
    if (countLike && OF_BETWEEN.test(between(a, b)) && c !== undefined && OPEN_BEFORE.test(between(b, c)) && CLOSE_AFTER.test(line.slice(c.end)) && c.value <= 100) {
      cells.push({ count: a, denominator: b, percent: c, start: a.start, end: c.end + CLOSE_AFTER.exec(line.slice(c.end))![0].length });
      if (c.percent) percents--;
      i += 2;
      continue;
    }
    if (!OPEN_BEFORE.test(between(a, b)) || !CLOSE_AFTER.test(line.slice(b.end)) || MINUS_BEFORE.test(line.slice(0, b.start))) continue;
    if (countLike && b.value <= 100 && (b.excluded === undefined || b.excluded === DECIMAL_NOT_PERCENT)) {
      cells.push({ count: a, percent: b, start: a.start, end: b.end + CLOSE_AFTER.exec(line.slice(b.end))![0].length });
      i += 1;
    } else {
      others++;
      i += 1;
    }
  }
  const shift = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + start, end: x.end + start });
  const shifted = cells.map((c) => ({ ...shift(c), count: shift(c.count), percent: shift(c.percent), ...(c.denominator ? { denominator: shift(c.denominator) } : {}) }));
  const labelEnd = cells[0]?.start ?? sizes[0]?.start ?? tokens[0]?.start ?? line.length;
  const label = line.slice(0, labelEnd).replace(LABEL_EDGES, '');
  if (shifted.length > 0) return { kind: 'cells', start, end, label, sizes: [], cells: shifted };
  if (sizes.length > 0 && percents === 0 && (words(line) <= 12 || line.includes('|'))) return { kind: 'size', start, end, label, sizes: sizes.map(shift), cells: [] };
  // "Participants (n) 97 116 107 67 101 54": a label naming the counts, then the counts alone
  const first = tokens[0];
  if (first && tokens.length >= 2 && SIZE_LIST_LABEL.test(line.slice(0, first.start)) && tokens.every((t) => !t.percent && t.decimals === 0 && t.excluded === undefined) && !/\p{L}/u.test(line.slice(first.start))) {
    return { kind: 'size-list', start, end, label, sizes: tokens.map(shift), cells: [] };
  }
  if (others > 0) return { kind: 'other-cells', start, end, label, sizes: [], cells: [] };
  return none;
}

/** The header whose sizes the row's cells fit best (the latest on a tie), among those with as many sizes as cells. */
function headerFor(headers: readonly NumberToken[][], cells: readonly Cell[]): NumberToken[] | undefined {
  let best: NumberToken[] | undefined;
  let bestFits = -1;
  for (let h = headers.length - 1; h >= 0; h--) {
    const header = headers[h]!;
    if (header.length !== cells.length) continue;
    const fits = cells.filter((c, i) => c.count.value <= header[i]!.value && fitShare(fitFields(c.count, c.percent), header[i]!.value) === 'exact').length;
    if (fits > bestFits) {
      best = header;
      bestFits = fits;
    }
  }
  return best;
}

/**
 * Read the tables printed as text in `text` (lines of a paragraph, or one cell a line), add their
 * claims and partitions to `out`, and say which ranges they took. `skip` says where table blocks
 * that another reader takes stand.
 */
export function readTextTables(out: ExtractionBuilder, text: string, locale: ReadingLocale, skip: (start: number) => boolean = () => false): TextTables {
  const result: TextTables = { ranges: [], claimed: new Set() };
  let headers: NumberToken[][] = [];
  let run: NumberToken[] = [];
  let runs: NumberToken[][] = [];
  let rows: Row[] = [];
  let group: Row[] = [];
  const groups: Row[][] = [];
  let pendingLabel: Line | undefined;
  let bare: Cell[] = [];
  let bareEnd = 0;
  let tableStart = -1;

  const pushRun = (sizes: NumberToken[]) => {
    headers.push(sizes);
    if (headers.length > 6) headers.shift();
    runs.push(sizes);
  };
  const closeRun = () => {
    if (run.length === 0) return;
    // "Survey (N = 100)", "Small (n = 60)", "Large (n = 40)": a whole, then the columns that split it
    const rest = run.slice(1);
    if (run.length >= 3 && rest.reduce((a, t) => a + t.value, 0) === run[0]!.value) {
      pushRun([run[0]!]);
      pushRun(rest);
    } else pushRun(run);
    run = [];
  };
  const endGroup = () => {
    if (group.length >= 2) groups.push(group);
    group = [];
  };
  let untiedEnd = -1;
  const addRow = (cells: Cell[], label: string, start: number, end: number) => {
    const header = headerFor(headers, cells);
    if (header === undefined) {
      // a row that does not line up with the header: its figures stay in the table, unresolved
      if (tableStart >= 0) untiedEnd = end;
      endGroup();
      return;
    }
    if (tableStart < 0) tableStart = Math.min(start, header[0]!.start);
    const row = { label, cells, header, start, end };
    rows.push(row);
    if (group.length > 0 && group[0]!.header !== header) endGroup();
    group.push(row);
  };
  const flushBare = () => {
    if (bare.length > 0) addRow(bare, pendingLabel?.label ?? '', pendingLabel?.start ?? bare[0]!.start, bareEnd);
    else if (pendingLabel !== undefined) endGroup(); // a label with no cells after it heads a group of rows
    bare = [];
    pendingLabel = undefined;
  };
  const endTable = (at: number) => {
    flushBare();
    closeRun();
    endGroup();
    if (rows.length > 0) emit(out, rows, groups, runs, result);
    if (rows.length > 0 && tableStart >= 0) result.ranges.push({ start: tableStart, end: Math.max(untiedEnd, ...rows.map((r) => r.end)) });
    untiedEnd = -1;
    headers = [];
    runs = [];
    rows = [];
    groups.length = 0;
    tableStart = -1;
    void at;
  };

  // a line of percents under column headings, the ratios they are of on the next line, column by column
  let percentRow: PercentRow | undefined;
  // one cell a line under an "N" line and a "%" line: a count alone on its line, then its percent alone
  let nThenPercent = 0;
  let loneCount: NumberToken | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const raw = text.slice(lineStart, lineEnd);
    if (raw.trim() !== '' && !skip(lineStart)) {
      const lone = nThenPercent === 2 && LONE_NUMBER.test(raw) ? loneNumber(raw, lineStart, locale) : undefined;
      nThenPercent = N_ALONE.test(raw) ? 1 : nThenPercent === 1 && PERCENT_ALONE.test(raw) ? 2 : nThenPercent === 2 && !PERCENT_ALONE.test(raw) ? 2 : 0;
      if (lone !== undefined) {
        if (loneCount === undefined && lone.decimals === 0) loneCount = lone;
        else if (loneCount !== undefined && lone.value <= 100) {
          bare.push({ count: loneCount, percent: lone, start: loneCount.start, end: lone.end });
          bareEnd = lone.end;
          loneCount = undefined;
        } else loneCount = undefined;
        if (lineEnd >= text.length) break;
        lineStart = lineEnd + 1;
        continue;
      }
      loneCount = undefined;
      const pairs = percentRow !== undefined ? ratioRow(text, lineStart, lineEnd, locale, percentRow.percents.length) : undefined;
      if (percentRow !== undefined && pairs !== undefined) {
        emitColumnPairs(out, percentRow, pairs, lineEnd, result);
        percentRow = undefined;
        if (lineEnd >= text.length) break;
        lineStart = lineEnd + 1;
        continue;
      }
      percentRow = readPercentRow(text, lineStart, lineEnd, locale);
      const line = readLine(text, lineStart, lineEnd, locale);
      if (line.kind === 'prose') {
        nThenPercent = 0;
        endTable(lineStart);
      }
      else if (line.kind === 'size' || line.kind === 'size-list') {
        flushBare();
        if (line.kind === 'size-list') {
          closeRun();
          run = line.sizes;
          closeRun();
        } else run.push(...line.sizes);
      } else if (line.kind === 'label' && N_PERCENT_LINE.test(raw)) {
        // "n (%)" under each group's name: part of the header
      } else {
        closeRun();
        if (line.kind === 'cells' && (/\p{L}/u.test(line.label) || RANGE_LABEL.test(line.label))) {
          flushBare();
          addRow(line.cells, line.label, line.start, line.end);
        } else if (line.kind === 'cells') {
          bare.push(...line.cells);
          bareEnd = line.end;
        } else if (line.kind === 'other-cells') {
          bare = [];
          pendingLabel = undefined;
          endGroup();
        } else {
          flushBare();
          pendingLabel = line;
        }
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  endTable(text.length);
  // column pairs are recorded as they are read, inside or between tables: the prose reader searches the ranges in order
  result.ranges.sort((a, b) => a.start - b.start);
  return result;
}

const sizeNote = (header: readonly NumberToken[], i: number) =>
  header.length === 1 ? `the group size in the table's header (n = ${header[0]!.value})` : `the size of column ${i + 1} of ${header.length} in the table's header (n = ${header[i]!.value})`;

/** Turn a table's rows into claims, or into unresolved figures when its percents do not fit its header. */
function emit(out: ExtractionBuilder, rows: readonly Row[], groups: readonly Row[][], runs: readonly NumberToken[][], result: TextTables): void {
  // within a group, "Increased 41 of 50 (82%)" gives the rows after it their total ("Decreased 4 (8%)")
  const groupOf = new Map<Row, Row[]>();
  for (const g of groups) for (const r of g) groupOf.set(r, g);
  const stated = new Map<Row[] | Row, (NumberToken | undefined)[]>();
  const planned: { row: Row; cell: Cell; denominator: number; source: ExtractedClaim['denominatorSource']; note?: string; fits: boolean }[] = [];
  for (const r of rows) {
    const key = groupOf.get(r) ?? r;
    const own = stated.get(key) ?? [];
    for (const [i, c] of r.cells.entries()) {
      const fields = fitFields(c.count, c.percent);
      if (c.denominator) {
        own[i] = c.denominator;
        planned.push({ row: r, cell: c, denominator: c.denominator.value, source: 'with-claim', fits: true });
        continue;
      }
      const header = r.header[i]!.value;
      const inGroup = own[i];
      const fitsHeader = fitShare(fields, header) === 'exact';
      if (!fitsHeader && inGroup && fitShare(fields, inGroup.value) === 'exact') {
        const note = `the total stated in an earlier row of the group ("of ${inGroup.value}"); ${c.percent.digits}% is not possible for ${header}`;
        planned.push({ row: r, cell: c, denominator: inGroup.value, source: 'earlier-sentence', note, fits: true });
        continue;
      }
      const note = fitsHeader ? sizeNote(r.header, i) : `${sizeNote(r.header, i)}; ${c.count.value}/${header} does not give ${c.percent.digits}%, and no other total in the table does`;
      planned.push({ row: r, cell: c, denominator: header, source: 'table-header', note, fits: fitsHeader });
    }
    stated.set(key, own);
  }
  const inferred = planned.filter((p) => p.source !== 'with-claim');
  // most percents must be possible for the totals they are tied to, or the header does not give their denominators
  const trusted = inferred.filter((p) => p.fits).length * 2 >= inferred.length;
  const claimOf = new Map<Cell, ExtractedClaim>();
  for (const { row: r, cell: c, denominator, source, note } of planned) {
    result.claimed.add(c.percent.start);
    if (!trusted && source !== 'with-claim') {
      out.unresolvedAt(c.start, c.end, 'the percents of this table mostly do not fit the group sizes of its header: they are of some other group');
      continue;
    }
    if (c.count.value > denominator) {
      out.unresolvedAt(c.start, c.end, `the count ${c.count.value} is larger than the group size ${denominator} of its column`);
      continue;
    }
    const type = r.label ? out.cohort.normalizeType(r.label) : undefined;
    const claim: ExtractedClaim = {
      id: out.id(type ?? (slug(r.label) || 'claim')),
      ...(r.label ? { label: r.label } : {}),
      ...(type ? { type } : {}),
      numerator: c.count.value,
      denominator,
      denominatorSource: source,
      ...(note ? { denominatorNote: note } : {}),
      percent: c.percent.digits,
      span: out.span(c.start, c.end),
      context: out.span(r.start, r.end) satisfies TextSpan,
    };
    out.claims.push(claim);
    claimOf.set(c, claim);
  }
  // the rows of a group whose counts add up to their column's total, column by column
  for (const g of groups) {
    const width = g[0]!.cells.length;
    for (let i = 0; i < width; i++) {
      // the rows from the group's first on that share its total (a later row may state its own)
      const claims: ExtractedClaim[] = [];
      for (const r of g) {
        const c = claimOf.get(r.cells[i]!);
        if (c === undefined || (claims.length > 0 && c.denominator !== claims[0]!.denominator)) break;
        claims.push(c);
      }
      if (claims.length < 2) continue;
      const total = claims[0]!.denominator;
      const found = exactRun(claims.map((c) => c.numerator!), total);
      if (found && found[0] === 0) addPartition(out, total, claims.slice(found[0], found[1]), 0, g[0]!.start);
    }
  }
  // "Organizational survey (N = 188)" over "N = 81", "N = 26", "N = 34", "N = 47": the columns split the whole
  for (let k = 1; k < runs.length; k++) {
    const whole = runs[k - 1]!;
    const columns = runs[k]!;
    if (whole.length !== 1 || columns.length < 2 || !rows.some((r) => r.header === columns)) continue;
    const total = whole[0]!.value;
    if (columns.reduce((a, t) => a + t.value, 0) !== total) continue;
    const parts = columns.map((t) => {
      const claim: ExtractedClaim = { id: out.id('column'), numerator: t.value, denominator: total, denominatorSource: 'table-header', denominatorNote: `a column of the ${total} in the table's header`, span: out.span(t.start, t.end) };
      out.claims.push(claim);
      return claim;
    });
    addPartition(out, total, parts, 0, whole[0]!.start);
  }
}
