import { Tokenizer } from 'htmlparser2';
import { layoutBlocks, type BlockDraft, type BlockKind, type TextDocument } from './document.js';

// htmlparser2's Tokenizer reads the markup (entities, comments, raw-text elements such as
// <script>) the way browsers do. Its Parser is not used: it keeps open elements with
// Array#unshift and finds a closing tag with indexOf, so 10^5 nested elements take seconds and
// 10^6 unclosed ones do not finish. The block structure below needs only counters and stacks
// that are pushed and popped once per element, so deep or unclosed markup costs linear time.

const SKIP = new Set(['script', 'style', 'title', 'textarea', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'select', 'button', 'nav', 'footer']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'head', 'legend', 'li', 'main', 'menu', 'ol', 'p', 'pre',
  'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
]);
const HEADING = /^h([1-6])$/;
const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', ',': '˒', '-': '⁻', '–': '⁻' };
// A table whose cells hold headings, lists, tables or long prose lays out a page; it is not data.
const LAYOUT_CELL_TEXT = 400;

interface Context {
  name: string;
  kind: BlockKind | 'caption' | 'container' | 'list' | 'table';
  level?: number;
}

interface Cell {
  header: boolean;
  rowSpan: number;
  colSpan: number;
  blocks: BlockDraft[];
}

interface Table {
  parent: BlockDraft[];
  rows: Cell[][];
  caption: string[];
  head: boolean;
  headRows: number;
  row: Cell[] | undefined;
  cell: Cell | undefined;
  rowIsHead: boolean;
}

const span = (value: string | undefined): number => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : 1;
};

/**
 * Read an HTML page as a person reads it: headings, paragraphs, list items and tables in
 * document order, scripts, styles, navigation, footers and hidden elements left out, entities decoded,
 * `<br>` kept as a line break and superscript citation numbers shown as superscripts (so "45%<sup>3</sup>"
 * is not read as 45 percent then 3). A table used for page layout (its cells hold headings, lists or
 * long prose) is read as the blocks it holds; a data table becomes a table block with its cells.
 * Linear time and memory in the size of the page, however deep or unclosed its elements are.
 *
 * @example
 * const doc = htmlDocument('<h2>Results</h2><p>We treated <b>200</b> patients.<br>Of these, 150 (75%) improved.</p>');
 * doc.blocks.map((b) => b.kind); // ['heading', 'paragraph']
 * doc.blocks[1].text;            // 'We treated 200 patients.\nOf these, 150 (75%) improved.'
 */
export function htmlDocument(html: string): TextDocument {
  const root: BlockDraft[] = [];
  const contexts: Context[] = [];
  const open = new Map<string, number>();
  const tables: Table[] = [];
  let inline: string[] = [];
  let listDepth = 0;
  let preDepth = 0;
  let supDepth = 0;
  let skip: { name: string; depth: number } | undefined;

  let tagName = '';
  let attribs: Record<string, string> = Object.create(null) as Record<string, string>;
  let attribName = '';
  let attribValue = '';

  const target = (): BlockDraft[] => {
    const table = tables[tables.length - 1];
    if (table === undefined) return root;
    return table.cell ? table.cell.blocks : table.parent;
  };
  const textKind = (): Context | undefined => {
    for (let i = contexts.length - 1; i >= 0; i--) {
      const c = contexts[i]!;
      if (c.kind === 'table') return undefined;
      if (c.kind !== 'container' && c.kind !== 'list') return c;
    }
    return undefined;
  };
  const flush = () => {
    if (inline.length === 0) return;
    const raw = inline.join('');
    inline = [];
    const context = textKind();
    const pre = context?.kind === 'preformatted';
    const text = pre ? raw.replace(/^\n+|\s+$/g, '') : raw.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (text === '') return;
    if (context?.kind === 'caption') {
      tables[tables.length - 1]?.caption.push(text);
      return;
    }
    const kind: BlockKind = context === undefined ? 'paragraph' : (context.kind as BlockKind);
    target().push({ kind, text, ...(context?.level !== undefined ? { level: context.level } : {}) });
  };
  const push = (context: Context) => {
    contexts.push(context);
    open.set(context.name, (open.get(context.name) ?? 0) + 1);
  };
  const pop = (): Context | undefined => {
    const context = contexts.pop();
    if (context === undefined) return undefined;
    open.set(context.name, (open.get(context.name) ?? 1) - 1);
    if (context.kind === 'list') listDepth -= 1;
    else if (context.kind === 'preformatted') preDepth -= 1;
    else if (context.kind === 'table') closeTable();
    return context;
  };
  // pop open elements down to (not including) the innermost table, so a new cell starts clean
  const popToTable = () => {
    while (contexts.length > 0 && contexts[contexts.length - 1]!.kind !== 'table') pop();
  };
  const closeCell = (table: Table) => {
    if (table.cell === undefined) return;
    (table.row ??= []).push(table.cell);
    table.cell = undefined;
  };
  const closeRow = (table: Table) => {
    closeCell(table);
    if (table.row !== undefined && table.row.length > 0) {
      table.rows.push(table.row);
      if (table.rowIsHead && table.headRows === table.rows.length - 1) table.headRows += 1;
    }
    table.row = undefined;
  };
  function closeTable() {
    const table = tables.pop();
    if (table === undefined) return;
    closeRow(table);
    const cells = table.rows.flat();
    const layout =
      table.rows.every((row) => row.length <= 1) ||
      cells.some((c) => c.blocks.length > 2 || c.blocks.some((b) => b.kind !== 'paragraph') || c.blocks.reduce((n, b) => n + b.text.length, 0) > LAYOUT_CELL_TEXT);
    if (layout) {
      for (const cell of cells) table.parent.push(...cell.blocks);
      if (table.caption.length > 0) table.parent.unshift({ kind: 'paragraph', text: table.caption.join(' ') });
      return;
    }
    table.parent.push({
      kind: 'table',
      text: '',
      table: {
        format: 'html',
        ...(table.caption.length > 0 ? { caption: table.caption.join(' ') } : {}),
        headRows: table.headRows,
        rows: table.rows.map((row) => row.map((c) => ({ text: c.blocks.map((b) => b.text).join(' ').replace(/\s+/g, ' '), header: c.header, rowSpan: c.rowSpan, colSpan: c.colSpan }))),
      },
    });
  }

  const openTag = (name: string, selfClosing: boolean) => {
    if (skip !== undefined) {
      if (name === skip.name && !VOID.has(name) && !selfClosing) skip.depth += 1;
      return;
    }
    const hidden = attribs.hidden !== undefined || attribs['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(attribs.style ?? '');
    if ((SKIP.has(name) || hidden) && !VOID.has(name)) {
      if (!selfClosing) {
        if (BLOCK.has(name)) flush();
        skip = { name, depth: 1 };
      }
      return;
    }
    if (name === 'br') {
      inline.push('\n');
      return;
    }
    if (name === 'sup') {
      if (!selfClosing) supDepth += 1;
      return;
    }
    if (!BLOCK.has(name)) return;
    flush();
    const table = tables[tables.length - 1];
    const heading = HEADING.exec(name);
    if (heading) push({ name, kind: 'heading', level: Number(heading[1]) });
    else if (name === 'li') {
      if (contexts[contexts.length - 1]?.name === 'li') pop();
      push({ name, kind: 'list-item', level: Math.max(1, listDepth) });
    } else if (name === 'ul' || name === 'ol' || name === 'dl' || name === 'menu' || name === 'dir') {
      listDepth += 1;
      push({ name, kind: 'list' });
    } else if (name === 'p') {
      if (contexts[contexts.length - 1]?.name === 'p') pop();
      push({ name, kind: 'paragraph' });
    } else if (name === 'pre') {
      preDepth += 1;
      push({ name, kind: 'preformatted' });
    } else if (name === 'table') {
      tables.push({ parent: target(), rows: [], caption: [], head: false, headRows: 0, row: undefined, cell: undefined, rowIsHead: false });
      push({ name, kind: 'table' });
    } else if (table !== undefined && (name === 'tr' || name === 'td' || name === 'th' || name === 'thead' || name === 'tbody' || name === 'tfoot' || name === 'caption')) {
      popToTable();
      if (name === 'caption') push({ name, kind: 'caption' });
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
        closeRow(table);
        table.head = name === 'thead';
      } else if (name === 'tr') {
        closeRow(table);
        table.row = [];
        table.rowIsHead = table.head;
      } else {
        closeCell(table);
        if (table.row === undefined) {
          table.row = [];
          table.rowIsHead = table.head;
        }
        table.cell = { header: name === 'th' || table.head, rowSpan: span(attribs.rowspan), colSpan: span(attribs.colspan), blocks: [] };
      }
    } else if (!selfClosing && !VOID.has(name)) push({ name, kind: 'container' });
  };

  const closeTag = (name: string) => {
    if (skip !== undefined) {
      if (name === skip.name && (skip.depth -= 1) === 0) skip = undefined;
      return;
    }
    if (name === 'br') {
      inline.push('\n');
      return;
    }
    if (name === 'sup') {
      supDepth = Math.max(0, supDepth - 1);
      return;
    }
    if (!BLOCK.has(name)) return;
    const table = tables[tables.length - 1];
    if (table !== undefined && (name === 'td' || name === 'th' || name === 'tr' || name === 'thead' || name === 'tbody' || name === 'tfoot')) {
      flush();
      popToTable();
      if (name === 'td' || name === 'th') closeCell(table);
      else closeRow(table);
      if (name === 'thead') table.head = false;
      return;
    }
    if ((open.get(name) ?? 0) === 0) return;
    flush();
    while (contexts.length > 0 && pop()?.name !== name);
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        if (skip !== undefined) return;
        const text = html.slice(start, end);
        if (preDepth > 0) inline.push(text.replace(/\r\n?/g, '\n'));
        else inline.push(supDepth > 0 ? superscript(text) : text.replace(/[ \t\n\r\f]+/g, ' '));
      },
      ontextentity(codepoint) {
        if (skip !== undefined) return;
        const ch = String.fromCodePoint(codepoint);
        inline.push(supDepth > 0 ? superscript(ch) : ch);
      },
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        attribs = Object.create(null) as Record<string, string>;
      },
      onattribname(start, end) {
        attribName = html.slice(start, end).toLowerCase();
        attribValue = '';
      },
      onattribdata(start, end) {
        attribValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attribValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!(attribName in attribs)) attribs[attribName] = attribValue;
      },
      onopentagend() {
        openTag(tagName, false);
      },
      onselfclosingtag() {
        openTag(tagName, true);
        if (!VOID.has(tagName) && !BLOCK.has(tagName)) closeTag(tagName);
      },
      onclosetag(start, end) {
        closeTag(html.slice(start, end).toLowerCase());
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  flush();
  while (contexts.length > 0) {
    pop();
    flush();
  }
  return layoutBlocks(root);
}

function superscript(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, '')) out += SUPERSCRIPT[ch] ?? ch;
  return out;
}
