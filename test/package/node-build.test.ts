// The Node build as it is shipped: our code and zod in the entry bundles, every other package in
// dist/vendor/, loaded on first use, with its licence in dist/THIRD-PARTY-NOTICES.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VENDORED } from '../../scripts/vendor.js';

const dist = resolve(import.meta.dirname, '../../dist');
const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (['browser', 'vendor'].includes(e.name) ? [] : jsFiles(join(dir, e.name))) : /\.c?js$/.test(e.name) ? [join(dir, e.name)] : []));

describe('the Node build', () => {
  it('compiles in zod and nothing else from node_modules: the rest is in dist/vendor/', () => {
    const packages = new Set<string>();
    for (const file of jsFiles(dist)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(m[1]!);
    }
    // tsup's shim for import.meta.url in the CommonJS build is the other
    expect([...packages].filter((p) => p !== 'zod' && p !== 'tsup')).toEqual([]);
  });

  it('vendors every @stdlib package the project depends on, and each vendored package has its licence shipped', () => {
    const stdlib = Object.keys(pkg.devDependencies).filter((d) => d.startsWith('@stdlib/'));
    expect(stdlib.length).toBeGreaterThan(0);
    expect(VENDORED.map((v) => v.specifier)).toEqual(expect.arrayContaining(stdlib));
    const notices = readFileSync(join(dist, 'THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const v of VENDORED) expect(notices, v.specifier).toContain(`${v.specifier.replace(/\/sync$/, '')}@`);
    expect(readdirSync(join(dist, 'vendor')).sort()).toEqual([...new Set(VENDORED.map((v) => v.file))].sort());
  });

  it('loads no vendored code until it is used', async () => {
    const { execFileSync } = await import('node:child_process');
    const loaded = (code: string) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', `${code}\nconst { createRequire } = await import('node:module');\nconsole.log(Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/dist/vendor/')).map((k) => k.split('/').pop()).sort().join(' '))`], { cwd: resolve(dist, '..'), encoding: 'utf8' }).trim();
    expect(loaded("await import('treatment-outcomes'); await import('treatment-outcomes/node');")).toBe('');
    expect(loaded("const m = await import('treatment-outcomes'); m.proportionCI(1, 10, { method: 'clopper-pearson' }); m.parseClaims('title: t\\nsource: { name: s }\\nclaims: [{ id: a, denominator: 8, percent: \"12.5\" }]');")).toBe('stdlib.cjs yaml.cjs');
  });
});
