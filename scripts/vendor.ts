// Third-party code in the Node build, loaded on first use. Each package our sources import is
// compiled into one CommonJS file in dist/vendor/, and the import becomes a small module whose
// functions require that file on their first call. A process that never parses YAML, reads HTML,
// meets an unusual CSV line or computes a special function never parses their code: start-up
// is Node's own plus ours. (The bundler build keeps ordinary imports, for tree-shaking.)
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';

/** A vendored package: the specifier our sources import, and the file it is compiled into. */
export interface Vendored {
  specifier: string;
  file: string;
}

const requireHere = createRequire(import.meta.url);
const { devDependencies = {} } = requireHere('../package.json') as { devDependencies?: Record<string, string> };

/**
 * Every third-party import of the Node build, by the file under dist/vendor/ that holds it. The
 * special functions are whichever @stdlib packages package.json lists, all in one file (they share
 * most of their code).
 */
export const VENDORED: readonly Vendored[] = [
  { specifier: 'yaml', file: 'yaml.cjs' },
  { specifier: 'csv-parse/sync', file: 'csv-parse.cjs' },
  { specifier: 'htmlparser2', file: 'htmlparser2.cjs' },
  ...Object.keys(devDependencies)
    .filter((name) => name.startsWith('@stdlib/'))
    .map((specifier) => ({ specifier, file: 'stdlib.cjs' })),
];

/** How the Node build reaches a vendor file: through the package's own name, from wherever the chunk sits. */
export const vendorSpecifier = (file: string): string => `treatment-outcomes/dist/vendor/${file}`;

const NAMESPACE = 'lazy-vendor';

/** The shim for one specifier: every function it exports, loading the real module on first call. */
function shim(entry: Vendored): string {
  const real = requireHere(entry.specifier) as Record<string, unknown> | ((...args: unknown[]) => unknown);
  const target = `require(${JSON.stringify(vendorSpecifier(entry.file))})`;
  const pick = entry.file === 'stdlib.cjs' ? `[${JSON.stringify(entry.specifier)}]` : '';
  if (typeof real === 'function') {
    // a package whose export is one function (@stdlib): the binding replaces itself on first call
    return `let fn = function (...args) {\n  fn = ${target}${pick};\n  return fn(...args);\n};\nexport { fn as default };\n`;
  }
  const names = Object.keys(real).filter((k) => k !== 'default' && typeof real[k] === 'function');
  return [
    `let loaded;\nconst load = () => (loaded ??= ${target}${pick});`,
    // `new` works through the wrapper too (htmlparser2's Tokenizer is constructed)
    ...names.map((n) => `export function ${n}(...args) {\n  return new.target ? new (load().${n})(...args) : load().${n}(...args);\n}`),
  ].join('\n');
}

/** The esbuild plugin for the Node build: our sources' imports of {@link VENDORED} become shims. */
export const lazyVendor: Plugin = {
  name: 'lazy-vendor',
  setup(b) {
    const bySpecifier = new Map(VENDORED.map((v) => [v.specifier, v]));
    b.onResolve({ filter: /^[@a-z]/ }, (args) => {
      if (!bySpecifier.has(args.path) || args.importer.includes('/node_modules/') || args.namespace === NAMESPACE) return undefined;
      return { path: args.path, namespace: NAMESPACE };
    });
    b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: shim(bySpecifier.get(args.path)!), loader: 'js', resolveDir: process.cwd() }));
  },
};

/** Compile the vendored packages into dist/vendor/*.cjs (minified; licence comments kept at the end). */
export async function buildVendor(dist: string): Promise<void> {
  const files = new Map<string, string[]>();
  for (const v of VENDORED) files.set(v.file, [...(files.get(v.file) ?? []), v.specifier]);
  for (const [file, specifiers] of files) {
    const contents =
      file === 'stdlib.cjs' ? `module.exports = {\n${specifiers.map((s) => `  ${JSON.stringify(s)}: require(${JSON.stringify(s)}),`).join('\n')}\n};\n` : `module.exports = require(${JSON.stringify(specifiers[0])});\n`;
    await build({
      stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify: true,
      legalComments: 'eof',
      outfile: `${dist}/vendor/${file}`,
      metafile: true,
      logLevel: 'warning',
    }).then(async (result) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(`${dist}/vendor/${file}.meta.json`, JSON.stringify(result.metafile));
    });
  }
}
