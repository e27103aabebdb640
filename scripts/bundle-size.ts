// Prints the minified + gzipped size of typical imports of the core entry, as a browser bundler
// would produce them. Run after `npm run build`: npx tsx scripts/bundle-size.ts
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export const IMPORTS: Record<string, string> = {
  everything: `export * from './dist/index.js';`,
  formatPercent: `export { formatPercent } from './dist/index.js';`,
  'formatPercent + checkPercent': `export { formatPercent, checkPercent } from './dist/index.js';`,
  'proportionCI': `export { proportionCI } from './dist/index.js';`,
  'typeDistribution + fromCounts': `export { typeDistribution, fromCounts } from './dist/index.js';`,
  'parseRecords + defineCohort': `export { parseRecords, defineCohort } from './dist/index.js';`,
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

export async function bundleSize(name: string, contents: string): Promise<BundleSize> {
  const result = await build({
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
  const bytesOf = (dir: string) =>
    Object.entries(inputs)
      .filter(([file]) => file.includes(dir))
      .reduce((a, [, v]) => a + v.bytesInOutput, 0);
  return {
    name,
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    zodBytes: bytesOf('node_modules/zod/'),
    stdlibBytes: bytesOf('node_modules/@stdlib/'),
    yamlBytes: bytesOf('node_modules/yaml/'),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, contents] of Object.entries(IMPORTS)) {
    const s = await bundleSize(name, contents);
    const kb = (b: number) => (b / 1024).toFixed(1);
    console.log(`${name.padEnd(32)} ${kb(s.minified).padStart(6)} KB min  ${kb(s.gzipped).padStart(6)} KB gzip  (zod ${kb(s.zodBytes)}, @stdlib ${kb(s.stdlibBytes)}, yaml ${kb(s.yamlBytes)} KB min)`);
  }
}
