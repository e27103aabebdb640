// Extracts every @example block from the TSDoc of src/ (used by test/trust/doc-examples.test.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocExample {
  file: string;
  line: number;
  symbol: string;
  code: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

export function extractExamples(root: string): DocExample[] {
  const out: DocExample[] = [];
  for (const path of files(join(root, 'src'))) {
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*\n\s*(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|class|const|interface|type)\s+([A-Za-z0-9_]+)/g)) {
      const body = match[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const start = text.slice(0, match.index).split('\n').length;
      let current: string[] | undefined;
      const flush = () => {
        if (current && current.some((l) => l.trim() !== '')) {
          out.push({ file: relative(root, path), line: start, symbol: match[2]!, code: current.join('\n').trim() });
        }
        current = undefined;
      };
      for (const l of body) {
        if (l.startsWith('@example')) {
          flush();
          current = [];
        } else if (l.startsWith('@')) flush();
        else if (current) current.push(l);
      }
      flush();
    }
  }
  return out;
}

if (process.argv[1]?.endsWith('doc-examples.ts')) {
  for (const e of extractExamples(new URL('..', import.meta.url).pathname)) console.log(`--- ${e.file}:${e.line} ${e.symbol}\n${e.code}`);
}

/** A fenced code block of a Markdown file. */
export interface MarkdownBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  /** The prose paragraph just before the block (it says what the block is). */
  before: string;
}

/** The documentation a reader meets: the READMEs and everything under docs/ (test corpora excluded). */
export function documentationFiles(root: string): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? docs(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  const readmes = ['README.md', 'bench/README.md', 'data/README.md', 'test/fixtures/reference/README.md'];
  return [...readmes, ...docs('docs')].filter((f) => statSync(join(root, f), { throwIfNoEntry: false }) !== undefined);
}

/** Every fenced code block of `file` (relative to `root`), with its language and the paragraph before it. */
export function extractMarkdownBlocks(root: string, file: string): MarkdownBlock[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks: MarkdownBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(fence)) body.push(lines[j++]!);
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    const paragraph: string[] = [];
    while (k >= 0 && lines[k]!.trim() !== '' && !/^\s*(`{3,}|~{3,})/.test(lines[k]!)) paragraph.unshift(lines[k--]!);
    blocks.push({ file, line: i + 1, lang: open[3] ?? '', code: body.join('\n'), before: paragraph.join(' ') });
    i = j;
  }
  return blocks;
}
