import { tableFromRows, type Table } from './table.js';

const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Split a pipe-table row on unescaped pipes, dropping the outer ones. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && line[i + 1] === '|') {
      cur += '|';
      i += 1;
    } else if (ch === '|') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  if (/^\s*\|/.test(line)) out.shift();
  if (/\|\s*$/.test(line)) out.pop();
  // keep leading spaces (an indent hint), drop markdown emphasis
  return out.map((c) => c.replace(/\s+$/, '').replace(/^ /, '').replace(/\*\*|__|(?<![\w*])\*(?!\s)|(?<!\s)\*(?![\w*])/g, ''));
}

// a note's mark may be glued to its first word ("aSample size for ...")
const NOTE_START = /^\s*(?:[*†‡§¶#‖]|[a-z]\s|[a-z][A-Z][a-z]|_|\((?:\d|[a-z])\)|(?:Data|Values|Numbers|Note|Notes|Abbreviations|Source)\b|[A-Z][A-Za-z0-9-]{1,10}\s*(?:=|,|:))/;

// statistic names and sizes under a group's heading: "n", "%", "n (%)", "Mean (SD)", "(n = 120)"
const SUBHEADING = /^(?:[nN]|no\.?|[nN]\s*\/\s*[nN]|%|\(%\)|n\s*\(%\)|mean(?:\s*\(SD\)|\s*±\s*SD|\s+or\s+%)?|%\s+or\s+mean|SD|median|IQR|range|\(?[nN]\s*=\s*[\d,\s]+\)?)$/i;

const VALUE_START = /^\s*[-−–+]?\d/;

function isHeaderContinuation(row: readonly string[]): boolean {
  const rest = row.slice(1).map((c) => c.trim()).filter((c) => c !== '');
  // the row may name the label column ("Variable | Mean or % | SD | ..."): its cells say it is a heading
  return !VALUE_START.test(row[0] ?? '') && rest.length >= 2 && rest.every((c) => SUBHEADING.test(c));
}

/** In a header of several lines, an empty cell under a heading's line continues the heading on its left. */
function spanEmptyHeaderCells(header: string[][]): string[][] {
  if (header.length < 2) return header;
  const last = header[header.length - 1]!;
  return header.map((row, h) => {
    if (h === header.length - 1) return row;
    const out = [...row];
    for (let j = 2; j < out.length; j++) if (out[j]!.trim() === '' && out[j - 1]!.trim() !== '' && (last[j] ?? '').trim() !== '') out[j] = out[j - 1]!;
    return out;
  });
}

const isRow = (line: string) => line.includes('|') && line.trim() !== '';

/**
 * Every pipe table of a Markdown document (GitHub style: a header row, a `---` separator, body rows).
 * A line just above that starts with "Table" (or is emphasised) is the caption; the lines just
 * below, up to a blank line, are notes.
 */
export function readMarkdownTables(text: string): Table[] {
  const lines = text.split(/\r?\n/);
  const out: Table[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!SEPARATOR.test(lines[i]!) || !isRow(lines[i - 1]!)) continue;
    let top = i - 1;
    while (top > 0 && isRow(lines[top - 1]!) && !SEPARATOR.test(lines[top - 1]!)) top -= 1;
    let end = i + 1;
    while (end < lines.length && isRow(lines[end]!)) end += 1;
    const rows = lines.slice(i + 1, end).filter((l) => !SEPARATOR.test(l)).map(cells);
    // a pipe table has one header line: a first body line with no label and only statistic names
    // ("| | n | % | n | % |") continues it, and an empty header cell before it spans from its left
    let more = 0;
    while (more < rows.length && isHeaderContinuation(rows[more]!)) more += 1;
    const header = spanEmptyHeaderCells([...lines.slice(top, i).map(cells), ...rows.slice(0, more)]);
    const body = rows.slice(more);
    let c = top - 1;
    while (c >= 0 && lines[c]!.trim() === '') c -= 1;
    const above = c >= 0 && top - c <= 2 ? lines[c]!.trim() : '';
    const caption = /^(?:#+\s*)?(?:\*\*|__|\*|_)?\s*(?:Table|Tab\.|Tabelle|Tableau|Tabla)\b/i.test(above) ? above.replace(/^#+\s*/, '').replace(/\*\*|__/g, '') : '';
    // notes: the lines just below, or after one blank line when they read as notes ("*One missing", "Data are ...")
    const notes: string[] = [];
    let k = end;
    if (k < lines.length && lines[k]!.trim() === '' && NOTE_START.test(lines[k + 1] ?? '')) k += 1;
    for (; k < lines.length && lines[k]!.trim() !== ''; k++) notes.push(lines[k]!.trim());
    out.push(tableFromRows([...header, ...body], { headerRows: header.length, caption, notes: notes.join(' '), index: out.length }));
    i = end;
  }
  return out;
}
