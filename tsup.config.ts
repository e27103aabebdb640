import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// Every source module is an entry, so dist/ keeps the module structure: with
// `sideEffects: false`, a bundler then drops whole modules a user does not import
// (and with them zod, yaml or the @stdlib special functions). `node:` specifiers are kept.
export default defineConfig({
  entry: ['src/**/*.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } },
  platform: 'node',
  target: 'node20',
  splitting: true,
  removeNodeProtocol: false,
  clean: true,
  sourcemap: false,
  treeshake: true,
  // import.meta.url in the CJS build, for locating the bundled data files.
  shims: true,
  define: { __VERSION__: JSON.stringify(version) },
});
