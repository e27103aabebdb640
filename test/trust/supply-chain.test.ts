import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  engines: { node: string };
};
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('supply chain', () => {
  it('runs no install scripts in consumers', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) expect(pkg.scripts[hook]).toBeUndefined();
  });

  it('justifies every runtime dependency in the README', () => {
    for (const name of Object.keys(pkg.dependencies)) {
      const family = name.startsWith('@stdlib/') ? '@stdlib' : name;
      expect(readme, `README should say why ${name} is a dependency`).toContain(`\`${family}\``);
    }
    expect(Object.keys(pkg.dependencies).filter((d) => !d.startsWith('@stdlib/')).sort()).toEqual(['csv-parse', 'htmlparser2', 'vega', 'vega-lite', 'yaml', 'zod']);
  });

  it('declares the Node versions CI tests', () => {
    expect(pkg.engines.node).toBe('>=20');
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(20);
  });
});
