// After tsup: each CLI command becomes one file. Code splitting leaves a command spread over a
// dozen or more shared chunks (one per set of commands that use a module), and Node's ES module
// loader spends most of a millisecond on each file it resolves, reads and links, more than the
// compiling of their code. Each command's chunks are compiled into its own file here, except the
// chunks `main.js` loads anyway: those stay shared, so every class (the error types the CLI tells
// apart with `instanceof`) exists once in the process. The process that runs a command loads
// main's files and that command's file. The count worker, a thread of its own, becomes one file.
//
//   tsx scripts/merge-cli-chunks.ts [dist/cli]
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

const STATIC = /(?:^|[;\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?"(\.\.?\/[^"]+\.js)"/g;
const DYNAMIC = /import\("(\.\.?\/[^"]+\.js)"\)/g;

const matches = (text: string, re: RegExp): string[] => [...text.matchAll(re)].map((m) => m[1]!);

/** Files a chunk imports statically, transitively, itself included (names relative to `dir`). */
function staticClosure(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const next of matches(readFileSync(join(dir, file), 'utf8'), STATIC)) staticClosure(dir, join(file, '..', next), seen);
  return seen;
}

/** Merge every command that `main.js` loads with `import()` into one file. */
export async function mergeCliChunks(dir = 'dist/cli'): Promise<void> {
  const main = readFileSync(join(dir, 'main.js'), 'utf8');
  const shared = staticClosure(dir, 'main.js');
  const sharedPaths = new Set([...shared].map((f) => resolve(dir, f)));
  const keepShared: Plugin = {
    name: 'keep-main-chunks',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        return sharedPaths.has(path) ? { path: `./${path.slice(resolve(dir).length + 1)}`, external: true } : undefined;
      });
    },
  };
  const merge = (file: string, plugins: Plugin[]) => mergeIntoOne(join(dir, file), plugins);
  const commands = [...new Set(matches(main, DYNAMIC).map((f) => join(f)))];
  for (const command of commands) await merge(command, [keepShared]);
  await merge(WORKER, []);
  // the files no entry loads any more
  const used = new Set(['main.js', ...commands, WORKER, ...shared]);
  for (const f of readdirSync(dir)) if (f.endsWith('.js') && !used.has(f)) rmSync(join(dir, f));
}

const WORKER = 'node/count-worker.js';

/**
 * Compile an ES module and the chunks it imports into that one file (the plugins may keep some of
 * them imports). The library's count worker is merged so, as its thread loads nothing else.
 */
export function mergeIntoOne(file: string, plugins: Plugin[] = []) {
  return build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // everything but our own chunks stays an import: Node's modules, vendored and peer packages
    packages: 'external',
    plugins,
    // the chunks' bare imports (`import "./chunk-X.js"`) are of modules without side effects
    logOverride: { 'ignored-bare-import': 'silent' },
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await mergeCliChunks(process.argv[2]);
