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
