// Installs the packed tarball into throwaway projects and uses it the ways users do.
// Needs `npm run build` first (the test script does it).
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let work: string;
let project: string;
let tarball: string;

/** The size of a directory's files in bytes (as `du --apparent-size`), symbolic links not followed. */
function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    total += stat.isDirectory() ? dirBytes(path) : stat.size;
  }
  return total;
}

/** The installed packages below a project (its node_modules, nested ones included). */
const installedPackages = (dir: string): string[] => sh('npm', ['ls', '--all', '--parseable'], dir).trim().split('\n').slice(1);
const MB = 1024 * 1024;

function sh(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
  work = mkdtempSync(join(tmpdir(), 'treatment-outcomes-consumer-'));
  sh('npm', ['pack', '--silent', '--pack-destination', work], root);
  const packed = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (packed === undefined) throw new Error('npm pack produced no tarball');
  tarball = join(work, packed);
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, '@types/node@20'], project);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('the install footprint', () => {
  it('installs the core alone in under 15.25 MB, and says how much and how many packages', () => {
    const alone = join(work, 'core-only');
    mkdirSync(alone);
    writeFileSync(join(alone, 'package.json'), JSON.stringify({ name: 'core-only', private: true, type: 'module' }));
    sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], alone);
    const packages = installedPackages(alone);
    const bytes = dirBytes(join(alone, 'node_modules'));
    console.log(
      `packed tarball ${(statSync(tarball).size / MB).toFixed(2)} MB; installed alone: ${(bytes / MB).toFixed(1)} MB in ${packages.length} packages (${packages.map((p) => p.split('node_modules/').at(-1)).join(', ')})`,
    );
    // 15.06 MB measured with the tables' levels of those with data (15.0 before): the dist builds of the core, zod
    expect(bytes).toBeLessThan(15.25 * MB);
    // the optional peer dependencies (vega, vega-lite, DuckDB) are not installed unless asked for
    expect(packages.map((p) => p.split('node_modules/').at(-1))).not.toContain('vega');
  }, 180_000);
});

describe('the packed package', () => {
  it('ships only what users need', () => {
    const files = sh('npm', ['pack', '--dry-run', '--json'], root);
    const names = (JSON.parse(files) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(names).toContain('dist/index.js');
    expect(names).toContain('dist/index.cjs');
    expect(names).toContain('dist/index.d.ts');
    expect(names).toContain('data/sample-cohort.csv');
    expect(names).toContain('data/seed-claims.json');
    expect(names.filter((n) => n.startsWith('src/') || n.startsWith('test/') || n.startsWith('scripts/'))).toEqual([]);
    // the licences of the code compiled into dist/, @stdlib's Apache-2.0 notice among them
    expect(names).toContain('dist/THIRD-PARTY-NOTICES.md');
    const notices = readFileSync(join(root, 'dist/THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const text of ['@stdlib/math-base-special-betainc@', 'Apache License', 'Copyright (c) 2016-', 'yaml@', 'htmlparser2@', 'csv-parse@', 'zod@']) expect(notices).toContain(text);
  });

  it('works through ESM import, including the node entry and the data export', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `import { formatPercent, typeDistribution } from 'treatment-outcomes';
import { loadSampleCohort } from 'treatment-outcomes/node';
import sample from 'treatment-outcomes/data/sample-cohort.json' with { type: 'json' };
const records = await loadSampleCohort();
const d = typeDistribution(records, { decimals: 2 });
console.log(formatPercent(1341, 4278, { decimals: 2 }), d.rows.map((r) => r.percent).join(' '), sample.length);`,
    );
    expect(sh('node', ['esm.mjs'], project).trim()).toBe('31.35 54.32 31.35 11.71 2.62 4278');
  });

  it('works through CJS require', () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      `const { formatPercent, CohortValidationError, parseRecords } = require('treatment-outcomes');
const { readCohortCsv, dataPath } = require('treatment-outcomes/node');
readCohortCsv(dataPath('sample-cohort.csv')).then(({ records }) => {
  let name = '';
  try { parseRecords([{}]); } catch (e) { name = e instanceof CohortValidationError ? e.name : 'wrong'; }
  console.log(formatPercent(1, 8, { decimals: 0, rounding: 'half-even' }), records.length, name);
});`,
    );
    expect(sh('node', ['cjs.cjs'], project).trim()).toBe('12 4278 CohortValidationError');
  });

  it('runs the CLI from node_modules/.bin', () => {
    expect(sh(join(project, 'node_modules/.bin/treatment-outcomes'), ['summarize', '--decimals', '2'], project)).toMatch(/mixed\s+1341\s+31\.35/);
  });

  it.each(['node16', 'bundler'])('type-checks a TypeScript program with moduleResolution %s', async (resolution) => {
    const dir = join(project, `ts-${resolution}`);
    mkdirSync(dir, { recursive: true });
    // every public name, read from the declarations users receive, must resolve for TypeScript
    const exported = (dts: string) => {
      const list = readFileSync(join(root, dts), 'utf8').match(/export \{([^}]*)\};\s*$/)?.[1] ?? '';
      return list.split(',').map((n) => n.trim().replace(/^type /, '')).filter(Boolean);
    };
    const coreNames = exported('dist/index.d.ts');
    const nodeNames = exported('dist/node/index.d.ts');
    expect(coreNames.length).toBeGreaterThan(100);
    const coreValues = Object.keys(await import(join(root, 'dist/index.js')));
    const nodeValues = Object.keys(await import(join(root, 'dist/node/index.js')));
    writeFileSync(
      join(dir, 'every-export.ts'),
      `import type { ${coreNames.join(', ')} } from 'treatment-outcomes';
import type { ${nodeNames.join(', ')} } from 'treatment-outcomes/node';
import * as core from 'treatment-outcomes';
import * as node from 'treatment-outcomes/node';
export const values = [${coreValues.map((n) => `core.${n}`).join(', ')}, ${nodeValues.map((n) => `node.${n}`).join(', ')}];
`,
    );
    writeFileSync(
      join(dir, 'main.ts'),
      `import { defineCohort, formatPercent, typeDistribution, type CohortRecordOf, type RoundingMode } from 'treatment-outcomes';
import { readCohortCsv } from 'treatment-outcomes/node';
const cohort = defineCohort({ types: ['spastic', 'mixed'], years: [2004, 2014] });
const mode: RoundingMode = 'half-even';
export async function main(): Promise<string> {
  const { records } = await readCohortCsv('x.csv', { cohort });
  const first: CohortRecordOf<'spastic' | 'mixed'> | undefined = records[0];
  const t: 'spastic' | 'mixed' | undefined = first?.type;
  return formatPercent(1, 3, { rounding: mode }) + typeDistribution(records).total + String(t);
}
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: resolution === 'node16' ? 'node16' : 'esnext',
          moduleResolution: resolution,
          types: ['node'],
          typeRoots: [join(project, 'node_modules/@types')],
        },
        files: ['main.ts', 'every-export.ts'],
      }),
    );
    expect(() => sh('node', [tsc, '-p', dir], project)).not.toThrow();
  }, 180_000); // tsc over every export takes more than a minute on a loaded machine

  it('bundles the core for a browser with no node: import', async () => {
    const result = await build({
      stdin: { contents: `export * from 'treatment-outcomes';`, resolveDir: project },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/["']node:/);
    expect(code).toContain('formatPercent');
  });

  it('renders nothing without the optional vega packages, and says how to install them', async () => {
    writeFileSync(
      join(project, 'no-vega.mjs'),
      `import { renderSvg } from 'treatment-outcomes/node';
import { distributionChart, typeDistribution, fromCounts } from 'treatment-outcomes';
try { await renderSvg(distributionChart(typeDistribution(fromCounts([{ type: 'a', count: 1 }])))); console.log('rendered'); }
catch (e) { console.log(e.code, e.message); }`,
    );
    expect(sh('node', ['no-vega.mjs'], project).trim()).toBe('missing-dependency rendering charts needs the optional packages vega and vega-lite (v5): npm install vega@5 vega-lite@5');
    let failure: { status: number; stderr: string } | undefined;
    try {
      sh(join(project, 'node_modules/.bin/treatment-outcomes'), ['report', '--out', join(project, 'r.html')], project);
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toContain('npm install vega@5 vega-lite@5');
    expect(failure?.stderr).not.toContain('internal error');
  });

  it('renders the report once vega and vega-lite are installed', () => {
    const before = dirBytes(join(project, 'node_modules'));
    sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', 'vega@5', 'vega-lite@5'], project);
    console.log(`vega and vega-lite add ${((dirBytes(join(project, 'node_modules')) - before) / MB).toFixed(1)} MB`);
    sh(join(project, 'node_modules/.bin/treatment-outcomes'), ['report', '--sample', '--out', join(project, 'r.html')], project);
    expect(readFileSync(join(project, 'r.html'), 'utf8')).toMatch(/<svg[^>]*class="marks"/);
  }, 180_000);
});
