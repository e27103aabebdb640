import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  engines: { node: string };
};
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('supply chain', () => {
  it('runs no install scripts in consumers', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) expect(pkg.scripts[hook]).toBeUndefined();
  });

  it('justifies every runtime, compiled-in and peer dependency in the README', () => {
    const compiledIn = ['csv-parse', 'htmlparser2', 'yaml', ...Object.keys(pkg.devDependencies).filter((d) => d.startsWith('@stdlib/'))];
    for (const name of [...Object.keys(pkg.dependencies), ...compiledIn, ...Object.keys(pkg.peerDependencies)]) {
      const family = name.startsWith('@stdlib/') ? '@stdlib' : name;
      expect(readme, `README should say why ${name} is a dependency`).toContain(`\`${family}\``);
    }
    // zod is the one runtime dependency; what the build compiles in is a devDependency, rendering optional
    expect(Object.keys(pkg.dependencies)).toEqual(['zod']);
    for (const name of compiledIn) expect(pkg.devDependencies[name], name).toBeDefined();
    for (const name of ['vega', 'vega-lite', '@duckdb/node-api']) expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
  });

  it('declares the Node versions CI tests', () => {
    expect(pkg.engines.node).toBe('>=20');
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(20);
  });
});
