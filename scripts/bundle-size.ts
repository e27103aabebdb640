// Prints the minified + gzipped size of typical imports of the core entry, as a browser bundler
// would produce them from the package's bundler build (dist/browser/, one file per module). Run
// after `npm run build`: npx tsx scripts/bundle-size.ts
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export const IMPORTS: Record<string, string> = {
  everything: `export * from './dist/browser/index.js';`,
  formatPercent: `export { formatPercent } from './dist/browser/index.js';`,
  'formatPercent + checkPercent': `export { formatPercent, checkPercent } from './dist/browser/index.js';`,
  'proportionCI': `export { proportionCI } from './dist/browser/index.js';`,
  'typeDistribution + fromCounts': `export { typeDistribution, fromCounts } from './dist/browser/index.js';`,
  'parseRecords + defineCohort': `export { parseRecords, defineCohort } from './dist/browser/index.js';`,
};

export interface BundleSize {
  name: string;
  minified: number;
  gzipped: number;
  zodBytes: number;
  /** Bytes of @stdlib special functions and the YAML parser in the output. */
  stdlibBytes: number;
  yamlBytes: number;
}

/**
 * What tsup.config.ts's browser build gives esbuild, for a bundle made from src/ rather than dist/browser/:
 * one esbuild build of the sources is the same bytes every time, where dist/browser/'s chunks import each
 * other in an order that changes between builds of the same sources, and with it the gzip size of a bundle
 * made from them (826,078 bytes minified in every build, 267.5 to 268.6 KB gzip).
 */
export const FROM_SOURCES: BuildOptions = {
  absWorkingDir: root,
  target: 'es2022',
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  define: { __VERSION__: JSON.stringify((JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string }).version) },
};

export async function bundleSize(name: string, contents: string, options: BuildOptions = {}): Promise<BundleSize> {
  const result = await build({
    ...options,
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  // zod is an import of the bundler build, so a bundle reads it from node_modules/; yaml and the
  // special functions are compiled into dist/browser/ chunks, whose `// node_modules/…` comments
  // say which bytes are whose
  const bytes = { zod: 0, stdlib: 0, yaml: 0 };
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) continue;
    if (file.includes('node_modules/zod/')) bytes.zod += bytesInOutput;
    else if (file.includes('node_modules/@stdlib/')) bytes.stdlib += bytesInOutput;
    else if (file.includes('node_modules/yaml/')) bytes.yaml += bytesInOutput;
    else if (file.includes('dist/browser/')) {
      const share = familyShares(readFileSync(`${root}/${file}`, 'utf8'));
      bytes.stdlib += Math.round(share.stdlib * bytesInOutput);
      bytes.yaml += Math.round(share.yaml * bytesInOutput);
    }
  }
  return {
    name,
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    zodBytes: bytes.zod,
    stdlibBytes: bytes.stdlib,
    yamlBytes: bytes.yaml,
  };
}

/** Of a chunk's text, the shares from @stdlib and from yaml, by the path comments esbuild writes before each module. */
function familyShares(text: string): { stdlib: number; yaml: number } {
  const marks = [...text.matchAll(/^\/\/ (\S+)$/gm)];
  const out = { stdlib: 0, yaml: 0 };
  marks.forEach((m, i) => {
    const length = (marks[i + 1]?.index ?? text.length) - m.index;
    if (m[1]!.startsWith('node_modules/@stdlib/')) out.stdlib += length;
    else if (m[1]!.startsWith('node_modules/yaml/')) out.yaml += length;
  });
  return { stdlib: out.stdlib / text.length, yaml: out.yaml / text.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, contents] of Object.entries(IMPORTS)) {
    const s = await bundleSize(name, contents);
    const kb = (b: number) => (b / 1024).toFixed(1);
    console.log(`${name.padEnd(32)} ${kb(s.minified).padStart(6)} KB min  ${kb(s.gzipped).padStart(6)} KB gzip  (zod ${kb(s.zodBytes)}, @stdlib ${kb(s.stdlibBytes)}, yaml ${kb(s.yamlBytes)} KB min)`);
  }
}
