// Builds the workbench into dist/web/: a folder any static host can serve, and what
// `treatment-outcomes web` serves. esbuild is already the package's bundler (tsup runs on it), so
// the app needs no second build tool. The library comes straight from src/; vega is split into
// chunks the page loads on its first chart.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist', 'web');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: { main: join(root, 'web', 'src', 'main.ts') },
  outdir: join(out, 'assets'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // licences are collected whole into THIRD-PARTY-NOTICES.md below
  legalComments: 'none',
  chunkNames: 'chunk-[hash]',
  define: { __VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': '"production"' },
  // the same ES module build of yaml the library's browser build compiles in
  alias: { yaml: join(root, 'node_modules', 'yaml', 'browser', 'index.js') },
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
});
for (const file of ['index.html', 'workbench.css']) copyFileSync(join(root, 'web', file), join(out, file));
const bundled = writeNotices(Object.keys(result.metafile.inputs));

/**
 * The licence of every package compiled into the app, in one file served beside it. Some vega
 * packages ship no licence file (their package.json names BSD-3-Clause), so for those the notice
 * gives the licence named and where the package's text is; the others are copied whole.
 */
function writeNotices(inputs: readonly string[]): string[] {
  const dirs = [...new Set(inputs.map((i) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1]).filter((d) => d !== undefined))].sort();
  const sections = dirs.map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string; repository?: string | { url?: string } };
    const files = readdirSync(join(root, dir)).filter((f) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(f));
    const where = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? 'its repository');
    const text = files.length ? files.map((f) => readFileSync(join(root, dir, f), 'utf8').trim()).join('\n\n') : `${pkg.license ?? 'no licence named'}: the package ships no licence file; its text is in ${where}.`;
    return { id: `${pkg.name}@${pkg.version}`, license: pkg.license ?? 'see text', text };
  });
  // one text for many packages (the @stdlib functions share one Apache-2.0 licence): printed once
  const byText = new Map<string, typeof sections>();
  for (const p of sections) byText.set(p.text, [...(byText.get(p.text) ?? []), p]);
  const body = [...byText].map(([text, list]) => `## ${list.map((p) => p.id).join(', ')}\n\nLicence: ${[...new Set(list.map((p) => p.license))].join(', ')}\n\n\`\`\`text\n${text}\n\`\`\`\n`).join('\n');
  writeFileSync(join(out, 'THIRD-PARTY-NOTICES.md'), `# Third-party notices\n\nThe workbench's scripts include code from the following packages, compiled in by the build.\n\n${body}`);
  return sections.map((p) => p.id);
}

/** An output and what it imports statically: what the browser loads with it. */
function closure(start: string): string[] {
  const outputs = result.metafile.outputs;
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of outputs[path]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(start);
  return [...seen];
}
const outputs = Object.entries(result.metafile.outputs);
const chunkOf = (source: string) => outputs.find(([, o]) => o.entryPoint === source)?.[0];
const page = closure(chunkOf('web/src/main.ts')!);
const engine = closure(chunkOf('web/src/engine.ts')!).filter((f) => !page.includes(f));
const all = outputs.map(([f]) => f).filter((f) => f.endsWith('.js'));
const gzip = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(root, f))).length, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `dist/web/ built (gzip): the page ${kb(gzip(page))}; the audit engine, loaded on first use, ${kb(gzip(engine))}; ` +
    `vega, loaded with the first chart, ${kb(gzip(all.filter((f) => !page.includes(f) && !engine.includes(f))))}; all ${kb(gzip(all))} (${kb(all.reduce((s, f) => s + statSync(join(root, f)).size, 0))} minified); notices of ${bundled.length} bundled packages`,
);
