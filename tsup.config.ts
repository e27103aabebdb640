import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// One build for all entries so that shared code lands in common chunks instead of
// being copied into every entry; `node:` specifiers are kept as written.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    cli: 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node/index.ts' } },
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
