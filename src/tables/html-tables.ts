import { Tokenizer } from 'htmlparser2';
import { tableFromRows, type Table } from './table.js';

interface RawCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  header: boolean;
}

interface TableBuilder {
  rows: { cells: RawCell[]; head: boolean }[];
  caption: string;
  notes: string;
  part: 'head' | 'body' | 'foot';
  cell: RawCell | undefined;
  inCaption: boolean;
  figure: FigureBuilder | undefined;
}

interface FigureBuilder {
  caption: string;
  inCaption: boolean;
  after: string;
  tables: TableBuilder[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'select', 'button']);
const MAX_SPAN = 1000;

const spanOf = (value: string | undefined): number => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
};

/** Lay cells out on a grid, honouring rowspan and colspan. */
function layout(rows: TableBuilder['rows']): { grid: string[][]; headRows: number } {
  const grid: string[][] = [];
  const taken: boolean[][] = [];
  let headRows = 0;
  let leadingHead = true;
  rows.forEach((row, i) => {
    grid[i] ??= [];
    taken[i] ??= [];
    let col = 0;
    for (const cell of row.cells) {
      while (taken[i]![col]) col += 1;
      for (let di = 0; di < cell.rowSpan && i + di < rows.length; di++) {
        const r = i + di;
        grid[r] ??= [];
        taken[r] ??= [];
        for (let dj = 0; dj < cell.colSpan; dj++) {
          const origin = di === 0 && dj === 0;
          // headers name every slot they cover, a row label every row; a data value counts once
          grid[r]![col + dj] = origin || cell.header || (col === 0 && dj === 0) ? cell.text : '';
          taken[r]![col + dj] = true;
        }
      }
      col += cell.colSpan;
    }
    const allHeader = row.cells.length > 0 && row.cells.every((c) => c.header);
    if (leadingHead && (row.head || (allHeader && row.cells.length > 1))) headRows += 1;
    else leadingHead = false;
  });
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  return { grid: grid.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? '')), headRows };
}

/**
 * Every `<table>` of an HTML document as a grid, read with htmlparser2's tokenizer and a flat state
 * machine (time linear in the input, whatever the nesting): `rowspan`/`colspan` expanded,
 * `<thead>` rows (or leading rows of `<th>` cells) as header rows, `<caption>` (or the
 * `<figcaption>` of an enclosing `<figure>`) as caption, `<tfoot>` and the rest of the figure as notes.
 */
export function readHtmlTables(html: string): Table[] {
  const out: Table[] = [];
  const open: TableBuilder[] = [];
  let figure: FigureBuilder | undefined;
  let skipping: string | undefined;
  let tag = '';
  let attr = '';
  let value = '';
  let attrs: Record<string, string> = {};
  let pendingText = '';

  const current = () => open[open.length - 1];
  const emitText = (text: string) => {
    if (skipping !== undefined) return;
    const t = current();
    if (t) {
      if (t.inCaption) t.caption += text;
      else if (t.part === 'foot' && t.cell === undefined) t.notes += text;
      else if (t.cell) t.cell.text += text;
      else if (t.part === 'foot') t.notes += text;
    } else if (figure) {
      if (figure.inCaption) figure.caption += text;
      else if (figure.tables.length > 0) figure.after += text;
    }
  };
  const closeCell = (t: TableBuilder) => {
    if (t.cell) {
      t.rows[t.rows.length - 1]?.cells.push(t.cell);
      t.cell = undefined;
    }
  };
  const finishTable = (t: TableBuilder) => {
    closeCell(t);
    const { grid, headRows } = layout(t.rows);
    if (grid.length === 0) return;
    const table = tableFromRows(grid, {
      ...(headRows > 0 ? { headerRows: headRows } : {}),
      caption: t.caption,
      notes: t.notes,
      index: out.length,
    });
    out.push(table);
    if (t.figure) t.figure.tables.push(t);
    (t as TableBuilder & { result?: Table }).result = table;
  };
  const finishFigure = (f: FigureBuilder) => {
    for (const t of f.tables) {
      const table = (t as TableBuilder & { result?: Table }).result;
      if (!table) continue;
      if (!table.caption && f.caption.trim()) table.caption = f.caption.replace(/\s+/g, ' ').trim();
      const after = f.after.replace(/\s+/g, ' ').trim();
      if (after) table.notes = table.notes ? `${table.notes} ${after}` : after;
    }
  };

  const onOpen = (name: string, a: Record<string, string>) => {
    if (skipping !== undefined) return;
    if (SKIP.has(name)) {
      skipping = name;
      return;
    }
    const t = current();
    switch (name) {
      case 'table':
        open.push({ rows: [], caption: '', notes: '', part: 'body', cell: undefined, inCaption: false, figure });
        return;
      case 'figure':
        if (!t) figure = { caption: '', inCaption: false, after: '', tables: [] };
        return;
      case 'figcaption':
        if (!t && figure) figure.inCaption = true;
        return;
    }
    if (!t) return;
    switch (name) {
      case 'caption':
        t.inCaption = true;
        break;
      case 'thead':
        closeCell(t);
        t.part = 'head';
        break;
      case 'tbody':
        closeCell(t);
        t.part = 'body';
        break;
      case 'tfoot':
        closeCell(t);
        t.part = 'foot';
        break;
      case 'tr':
        closeCell(t);
        if (t.part !== 'foot') t.rows.push({ cells: [], head: t.part === 'head' });
        break;
      case 'td':
      case 'th':
        closeCell(t);
        if (t.part === 'foot') break;
        if (t.rows.length === 0) t.rows.push({ cells: [], head: t.part === 'head' });
        t.cell = { text: '', rowSpan: spanOf(a.rowspan), colSpan: spanOf(a.colspan), header: name === 'th' || t.part === 'head' };
        // an indent drawn with CSS is a nesting hint, as leading spaces are in text
        if (/padding-left|text-indent|margin-left/i.test(a.style ?? '') || /\bindent/i.test(a.class ?? '')) t.cell.text += '\u00a0\u00a0';
        break;
      case 'br':
      case 'p':
      case 'div':
      case 'li':
        emitText(' ');
        break;
    }
  };
  const onClose = (name: string) => {
    if (skipping !== undefined) {
      if (name === skipping) skipping = undefined;
      return;
    }
    const t = current();
    switch (name) {
      case 'table':
        if (t) {
          open.pop();
          finishTable(t);
        }
        return;
      case 'figure':
        if (!t && figure) {
          finishFigure(figure);
          figure = undefined;
        }
        return;
      case 'figcaption':
        if (figure) figure.inCaption = false;
        return;
    }
    if (!t) return;
    if (name === 'caption') t.inCaption = false;
    else if (name === 'td' || name === 'th') closeCell(t);
    else if (name === 'tfoot' || name === 'thead' || name === 'tbody') {
      closeCell(t);
      t.part = 'body';
    } else if (name === 'p' || name === 'div' || name === 'li') emitText(' ');
  };

  const flushText = () => {
    if (pendingText) {
      emitText(pendingText);
      pendingText = '';
    }
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        pendingText += html.slice(start, end);
      },
      ontextentity(codepoint) {
        pendingText += String.fromCodePoint(codepoint);
      },
      onopentagname(start, end) {
        flushText();
        tag = html.slice(start, end).toLowerCase();
        attrs = {};
      },
      onattribname(start, end) {
        attr = html.slice(start, end).toLowerCase();
        value = '';
      },
      onattribdata(start, end) {
        value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        attrs[attr] = value;
      },
      onopentagend() {
        onOpen(tag, attrs);
      },
      onselfclosingtag() {
        onOpen(tag, attrs);
        if (tag !== 'td' && tag !== 'th') onClose(tag);
      },
      onclosetag(start, end) {
        flushText();
        onClose(html.slice(start, end).toLowerCase());
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        flushText();
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  flushText();
  while (open.length > 0) finishTable(open.pop()!);
  return out;
}
