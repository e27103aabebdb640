// The page's text block by block, each extracted figure a button coloured by its finding.
import type { TextDocument } from '../../src/document/document.js';
import { h } from './dom.js';
import type { Figure, FigureStatus } from './pipeline.js';

export const STATUS_WORDS: Record<FigureStatus, string> = {
  ok: 'consistent',
  error: 'cannot be right',
  warning: 'needs a look',
  unresolved: 'unresolved',
};

const TAGS = { heading: 'h4', paragraph: 'p', 'list-item': 'li', table: 'pre', preformatted: 'pre' } as const;

/** The document's blocks with the figures as buttons; `select` is called with a figure's key. */
export function textView(document: TextDocument, figures: readonly Figure[], selected: string | undefined, select: (key: string) => void): Node[] {
  const blocks = document.blocks.length > 0 ? document.blocks : [{ kind: 'paragraph' as const, start: 0, end: document.text.length, text: document.text }];
  let f = 0;
  const out: Node[] = [];
  let list: HTMLUListElement | undefined;
  for (const block of blocks) {
    const element = h(TAGS[block.kind]);
    let at = block.start;
    while (f < figures.length && figures[f]!.span.start < block.end) {
      const figure = figures[f]!;
      f++;
      if (figure.span.start < at) continue;
      const end = Math.min(figure.span.end, block.end);
      element.append(document.text.slice(at, figure.span.start), figureButton(figure, document.text.slice(figure.span.start, end), figure.key === selected, select));
      at = end;
    }
    element.append(document.text.slice(at, block.end));
    if (block.kind === 'list-item') {
      list ??= h('ul');
      list.append(element);
      continue;
    }
    if (list) out.push(list);
    list = undefined;
    out.push(element);
  }
  if (list) out.push(list);
  return out;
}

function figureButton(figure: Figure, text: string, pressed: boolean, select: (key: string) => void): HTMLButtonElement {
  const what = figure.claim ? (figure.claim.label ?? figure.claim.id) : 'figure';
  return h(
    'button',
    {
      type: 'button',
      class: `fig ${figure.status}`,
      'data-figure': figure.key,
      'data-status': figure.status,
      'aria-pressed': pressed ? 'true' : 'false',
      'aria-controls': 'detail',
      'aria-label': `${text}: ${what}, ${STATUS_WORDS[figure.status]}`,
      onclick: () => select(figure.key),
    },
    text,
  );
}
