import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { mergeCliChunks, mergeIntoOne } from './scripts/merge-cli-chunks.js';
import { lazyVendor } from './scripts/vendor.js';

const { version, peerDependencies = {} } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; peerDependencies?: Record<string, string> };
const define = { __VERSION__: JSON.stringify(version) };

// Packages compiled into dist/: implementation details that appear in no public type. Node loads
// one file for them instead of hundreds (start-up), and users do not install them (footprint).
// Their licence notices are collected into dist/THIRD-PARTY-NOTICES.md from the build's inputs.
const BUNDLED = [/^@stdlib\//, /^yaml($|\/)/, /^csv-parse($|\/)/, /^htmlparser2($|\/)/, /^domhandler($|\/)/, /^domutils($|\/)/, /^dom-serializer($|\/)/, /^domelementtype($|\/)/, /^entities($|\/)/];
// yaml's ES module build (its `default` export condition): compiled in without CommonJS wrappers.
const esbuildOptions: Options['esbuildOptions'] = (options) => {
  options.alias = { yaml: './node_modules/yaml/browser/index.js' };
};
// Optional peer dependencies stay imports: they are loaded, when at all, on first use.
const PEERS = Object.keys(peerDependencies);

// The Node builds (library entries and the CLI) share how they bundle.
const nodeBundle = {
  platform: 'node',
  target: 'node20',
  splitting: true,
  removeNodeProtocol: false,
  sourcemap: false,
  noExternal: [...BUNDLED, /^zod($|\/)/],
  esbuildOptions,
  // third-party code stays out of these files: scripts/vendor.ts compiles it into dist/vendor/,
  // loaded on first use
  esbuildPlugins: [lazyVendor],
  external: [...PEERS, /^treatment-outcomes\/dist\/vendor\//],
  // import.meta.url in the CJS build, for locating the bundled data files; in the ESM build a
  // `require` for the CommonJS packages compiled in (yaml asks for Node's `process`).
  shims: true,
  banner: ({ format }) => (format === 'esm' ? { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" } : {}),
  define,
  // read by scripts/third-party-notices.ts after the build, then removed
  metafile: true,
} satisfies Options;

export default defineConfig([
  // For Node (the `node` export condition, `require`, the CLI and the worker threads): each entry
  // bundled, zod included (its 92 modules cost more start-up time than all the rest), with shared
  // chunks between the entries and a chunk per lazily loaded CLI command.
  {
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts', 'node/count-worker': 'src/node/count-worker.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } },
    ...nodeBundle,
    // a worker thread loads only its own file (scripts/merge-cli-chunks.ts)
    onSuccess: async () => void (await mergeIntoOne('dist/node/count-worker.js')),
  },
  // The CLI on its own, so each command's chunk holds only the code that command runs (nothing a
  // library entry exports but the command does not use). ESM only; the worker is its own entry
  // next to the chunks that start it. Then each command's chunks, and the worker's, are merged
  // into one file (scripts/merge-cli-chunks.ts: Node's loader costs more per file than per line).
  {
    entry: { main: 'src/cli/main.ts', 'node/count-worker': 'src/node/count-worker.ts' },
    outDir: 'dist/cli',
    format: ['esm'],
    ...nodeBundle,
    onSuccess: () => mergeCliChunks('dist/cli'),
  },
  // For bundlers (the default `import` condition, e.g. a browser build): one file per source
  // module of the core, so with `sideEffects: false` a bundler drops the modules a user does not
  // import, and with them zod, yaml or the special functions. zod stays an import, shared with
  // the application's own.
  {
    entry: ['src/**/*.ts', '!src/node/**', '!src/cli/**'],
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    sourcemap: false,
    treeshake: true,
    noExternal: BUNDLED,
    esbuildOptions,
    external: [/^zod($|\/)/, ...PEERS],
    define,
    metafile: true,
  },
] satisfies Options[]);
