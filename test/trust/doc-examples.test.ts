// Runs every @example of the TSDoc, and every code block of the README and docs. A statement
// followed by `// value` (same line or the next) becomes an assertion; `…` marks digits or fields
// left out; text after the value (": why", " (why)") is commentary. Numbers match to the
// significant digits written. In the README a comment that is not a value (`// { estimate, … }`)
// describes the result instead of asserting it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { parse as loadYaml, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { documentationFiles, extractExamples, extractMarkdownBlocks, type MarkdownBlock } from '../../scripts/doc-examples.js';
import * as core from '../../src/index.js';
import * as nodeEntry from '../../src/node/index.js';
import { cli } from '../cli/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const examples = extractExamples(root);
const scope: Record<string, unknown> = { ...core, ...nodeEntry };

/** Split a line into code and trailing // comment, ignoring // inside strings. */
function splitComment(line: string): [string, string | undefined] {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '/' && line[i + 1] === '/') return [line.slice(0, i), line.slice(i + 2).trim()];
  }
  return [line, undefined];
}

/** Turn `statement; // expected` into `__check(statement, "expected")`. */
function instrument(code: string): { source: string; checks: number } {
  const lines = code.split('\n');
  const out: string[] = [];
  let pending: string[] = [];
  let checks = 0;
  for (let i = 0; i < lines.length; i++) {
    const [codePart, comment] = splitComment(lines[i]!);
    if (codePart.trim() === '' && comment !== undefined) continue; // a comment line already used as an expectation
    pending.push(codePart);
    if (/}\s*$/.test(codePart) && !/;\s*$/.test(codePart)) {
      // the end of a block statement (a loop): nothing to check
      out.push(pending.join('\n'));
      pending = [];
      continue;
    }
    if (!/;\s*$/.test(codePart)) continue;
    let expected = comment;
    const next = lines[i + 1] !== undefined ? splitComment(lines[i + 1]!) : undefined;
    if (expected === undefined && next && next[0].trim() === '' && next[1] !== undefined) expected = next[1];
    const statement = pending.join('\n').replace(/;\s*$/, '');
    pending = [];
    if (expected === undefined || /^\s*(const|let|for|if)\b/.test(statement)) {
      out.push(`${statement};`);
      continue;
    }
    checks += 1;
    out.push(`__check((${statement}), ${JSON.stringify(expected)});`);
  }
  out.push(...pending);
  return { source: out.join('\n'), checks };
}

function parseExpected(text: string): { value: unknown; partial: boolean } {
  const candidates = [text, text.split(/:\s|\s\(/)[0]!];
  for (const candidate of candidates) {
    // remove … outside string literals (inside them it is a wildcard)
    let cleaned = '';
    let quote: string | undefined;
    for (const ch of candidate) {
      if (quote) {
        if (ch === quote) quote = undefined;
        cleaned += ch;
      } else if (ch === '"' || ch === "'") {
        quote = ch;
        cleaned += ch;
      } else if (ch !== '…') cleaned += ch;
    }
    try {
      return { value: new Function(`return (${cleaned});`)() as unknown, partial: candidate.includes('…') };
    } catch {
      // try the next reading
    }
  }
  throw new Error(`cannot read the expected value in: // ${text}`);
}

function significantDigits(x: number): number {
  const mantissa = Math.abs(x).toExponential().split('e')[0]!.replace('.', '');
  return mantissa.length;
}

function compare(actual: unknown, expected: unknown, partial: boolean, path: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected)) return void expect(actual, path).toBeNaN();
    if (!Number.isFinite(expected) || expected === 0 || Number.isInteger(expected)) {
      if (expected === 0) return void expect(Math.abs(actual), path).toBeLessThan(1e-300);
      return void expect(actual, path).toBe(expected);
    }
    // "0.5241…" means the digits shown, cut off; "0.0288" means rounded to the digits shown
    const digits = significantDigits(expected);
    const rounded = Number(actual.toPrecision(digits));
    const [mantissa = '', exponent = '0'] = actual.toExponential(digits + 6).split('e');
    const truncated = Number(`${mantissa.slice(0, mantissa.startsWith('-') ? digits + 2 : digits + 1)}e${exponent}`);
    return void expect([rounded, truncated], `${path}: ${actual}`).toContain(expected);
  }
  if (typeof expected === 'string' && expected.includes('…')) {
    const pattern = new RegExp(`^${expected.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
    return void expect(actual, path).toMatch(pattern);
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const a = actual as unknown[];
    if (partial) expect(a.length, path).toBeGreaterThanOrEqual(expected.length);
    else expect(a.length, path).toBe(expected.length);
    expected.forEach((e, i) => compare(a[i], e, partial, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${path} is an object`).toBe(true);
    for (const [k, v] of Object.entries(expected)) compare((actual as Record<string, unknown>)[k], v, partial, `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe('every @example in the TSDoc runs and says what it returns', () => {
  it('found the examples, one or more for every exported function and class', () => {
    const documented = new Set(examples.map((e) => e.symbol));
    const missing = Object.entries(scope).filter(([name, v]) => typeof v === 'function' && !documented.has(name)).map(([name]) => name);
    expect(missing).toEqual([]);
  });
  it.each(examples.map((e) => [`${e.symbol} (${e.file}:${e.line})`, e] as const))('%s', async (_name, example) => {
    const { source, checks } = instrument(example.code);
    const { code } = await transform(`(async () => {\n${source}\n})()`, { loader: 'ts', format: 'esm' });
    let done = 0;
    const __check = (actual: unknown, text: string) => {
      const { value, partial } = parseExpected(text);
      compare(actual, value, partial, `\`${text}\``);
      done += 1;
    };
    const names = Object.keys(scope);
    await new Function('__check', 'dataPath', ...names, `return ${code}`)(__check, nodeEntry.dataPath, ...names.map((n) => scope[n]));
    expect(done).toBe(checks);
  });
});

// ---- README and docs code blocks ----------------------------------------------------------------

const blocks = documentationFiles(root).flatMap((f) => extractMarkdownBlocks(root, f));
const where = (b: MarkdownBlock) => `${b.file}:${b.line} (${b.lang || 'no language'})`;

/** Blocks that are neither run nor type-checked, and why; anything else unrecognised fails. */
const RECORDED_OUTPUT: readonly { file: string; reason: string }[] = [
  { file: 'bench/README.md', reason: 'figures recorded from `npm run bench` on one machine: timings, not reproducible in a test' },
];

/**
 * The files a block names (`cohort.csv`, `claims.yaml`, `page.html` …), made in a scratch
 * directory from the bundled data, so the README's commands run as written.
 */
const scratch = mkdtempSync(join(tmpdir(), 'to-readme-'));
const SEED_TEXT = (JSON.parse(readFileSync(join(root, 'data/seed-claims.json'), 'utf8')) as { source: { quote: string } }).source.quote;
copyFileSync(join(root, 'data/sample-cohort.csv'), join(scratch, 'cohort.csv'));
copyFileSync(join(root, 'data/sample-cohort.csv'), join(scratch, 'registry.csv'));
copyFileSync(join(root, 'data/cohorts/cerebral-palsy-2004-2014.yaml'), join(scratch, 'cohort.yaml'));
writeFileSync(join(scratch, 'claims.yaml'), stringify(JSON.parse(readFileSync(join(root, 'data/seed-claims.json'), 'utf8'))));
writeFileSync(join(scratch, 'page.html'), `<!doctype html><html><body><p>${SEED_TEXT}</p></body></html>`);
const inScratch = (name: string) => (/^[\w.-]+\.(csv|ya?ml|json|html?|txt|md|svg)$|^[\w-]+\/$/.test(name) ? join(scratch, name) : name);

/** `import { a, b as c } from 'x'` lines: the package's own become names from the test's scope, others dynamic imports. */
function rewriteImports(code: string): string {
  return code.replace(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';?[^\n]*$/gm, (_all, typeOnly: string | undefined, names: string, spec: string) => {
    if (typeOnly) return '';
    const pairs = names.split(',').map((n) => n.trim()).filter((n) => n !== '' && !n.startsWith('type '));
    if (spec === 'treatment-outcomes' || spec === 'treatment-outcomes/node') {
      return pairs.map((n) => n.split(/\s+as\s+/)).filter(([a, b]) => b !== undefined && a !== b).map(([a, b]) => `const ${b} = ${a};`).join(' ');
    }
    return `const { ${pairs.map((n) => n.replace(/\s+as\s+/, ': ')).join(', ')} } = await import(${JSON.stringify(spec)});`;
  });
}

/** Split a shell line into words, honouring quotes; a trailing `# comment` and `> file` are left out. */
function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let current = '';
  let quote: string | undefined;
  let i = 0;
  for (; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && current === '') break;
    else if (ch === ' ') {
      if (current !== '') words.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') words.push(current);
  const redirect = words.indexOf('>');
  return { words: redirect >= 0 ? words.slice(0, redirect) : words, comment: line.slice(i + 1).trim() };
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('every code block of the README and docs runs, type-checks or is audited', () => {
  it('found the blocks, and knows every language', () => {
    expect(blocks.length).toBeGreaterThan(10);
    const known = ['ts', 'sh', 'yaml', 'json', 'text', 'sql', 'html'];
    expect(blocks.filter((b) => !known.includes(b.lang)).map(where)).toEqual([]);
  });

  const ts = blocks.filter((b) => b.lang === 'ts');
  it('type-checks every TypeScript block on its own, strictly (noUncheckedIndexedAccess)', () => {
    const dir = join(root, '.tmp/readme-types');
    mkdirSync(dir, { recursive: true });
    const files = ts.map((b, i) => {
      const name = `block-${i}-${b.file.replace(/\W+/g, '-')}-${b.line}.ts`;
      writeFileSync(join(dir, name), `${b.code}\nexport {};\n`);
      return name;
    });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: true,
          target: 'ES2022',
          lib: ['ES2022'],
          module: 'esnext',
          moduleResolution: 'bundler',
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
          paths: { 'treatment-outcomes': [join(root, 'src/index.ts')], 'treatment-outcomes/node': [join(root, 'src/node/index.ts')] },
        },
        files,
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    // name the README line of each error, not the scratch file
    const located = output.replace(/block-(\d+)-[\w-]+-(\d+)\.ts\((\d+),(\d+)\)/g, (_m, i: string, _l, row: string) => `${where(ts[Number(i)]!)} line ${Number(ts[Number(i)]!.line) + Number(row)}`);
    expect(located).toBe('');
  }, 180_000);

  it.each(ts.map((b) => [where(b), b] as const))('runs %s and checks the values its comments state', async (_name, block) => {
    // the file names the README uses for the reader's own files ('cohort.csv') are made in the scratch directory
    const named = (m: string, name: string) => (existsSync(join(scratch, name)) ? JSON.stringify(join(scratch, name)) : m);
    const { source } = instrument(rewriteImports(block.code).replace(/'([\w.-]+\.(?:csv|ya?ml|json|html?))'/g, named));
    const { code } = await transform(`(async () => {\n${source}\n})()`, { loader: 'ts', format: 'esm' });
    const __check = (actual: unknown, text: string) => {
      let expected: { value: unknown; partial: boolean };
      try {
        expected = parseExpected(text);
      } catch {
        return; // a description of the result, not a value
      }
      compare(actual, expected.value, expected.partial, `${where(block)}: \`${text}\``);
    };
    const names = Object.keys(scope);
    await new Function('__check', ...names, `return ${code}`)(__check, ...names.map((n) => scope[n]));
  }, 60_000);

  it.each(blocks.filter((b) => b.lang === 'sh').map((b) => [where(b), b] as const))('runs the commands of %s', async (_name, block) => {
    for (const line of block.code.split('\n').filter((l) => l.trim() !== '')) {
      const { words, comment } = shellWords(line);
      if (line.trim() === 'npm test') {
        expect(pkg.scripts.test, 'npm test').toContain('vitest run'); // this very run
        continue;
      }
      const commands = line.trim() === 'npm ci && npm start' ? [pkg.scripts.start!.split('&&').at(-1)!.trim().split(/\s+/).slice(2)] : [];
      if (commands.length === 0) {
        expect(words.slice(0, 2), `${where(block)}: ${line}`).toEqual(['npx', 'treatment-outcomes']);
        commands.push(words.slice(2).map(inScratch));
      }
      for (const argv of commands) {
        const r = await cli(...argv);
        const exit = /exit (\d)/.exec(comment)?.[1];
        if (exit !== undefined) expect(r.code, `${line}\n${r.err}`).toBe(Number(exit));
        else expect([0, 1], `${line}\n${r.err}`).toContain(r.code);
        expect(r.err, line).not.toMatch(/^error:/m);
      }
    }
  }, 180_000);

  it.each(blocks.filter((b) => b.lang === 'yaml' || b.lang === 'json').map((b) => [where(b), b] as const))('audits the file shown in %s', (_name, block) => {
    const value = block.lang === 'json' ? (JSON.parse(block.code) as Record<string, unknown>) : ((loadYaml(block.code) as Record<string, unknown>));
    if ('types' in value || 'extends' in value) {
      expect(() => core.parseCohortFile(value, { file: where(block) })).not.toThrow();
      return;
    }
    // a claims file, or the part of one the text introduces: checked inside the seed claims file
    const seed = JSON.parse(readFileSync(join(root, 'data/seed-claims.json'), 'utf8')) as Record<string, unknown>;
    const file = 'title' in value && 'claims' in value ? value : { ...seed, ...value };
    const { file: parsed } = core.parseClaims(file, { file: where(block) });
    expect(core.auditClaims(parsed, {}).findings.filter((f) => f.codes.includes('figure-invalid' as never))).toEqual([]);
  });

  it.each(blocks.filter((b) => b.lang === 'text').map((b) => [where(b), b] as const))('reproduces the output shown in %s', async (_name, block) => {
    const recorded = RECORDED_OUTPUT.find((r) => r.file === block.file);
    if (recorded) {
      console.log(`${where(block)} not re-run: ${recorded.reason}`);
      return;
    }
    const command = /`npx treatment-outcomes ([^`]+)`/.exec(block.before)?.[1];
    expect(command, `${where(block)}: say which command prints this output`).toBeDefined();
    const r = await cli(...shellWords(command!).words.map(inScratch));
    expect(r.out).toContain(block.code.trim());
  });

  it.each(blocks.filter((b) => b.lang === 'sql').map((b) => [where(b), b] as const))('prints the SQL of %s as groupBySql does', (_name, block) => {
    const sql = nodeEntry.groupBySql('cohort', { type: 'type', year: 'year', outcome: 'outcome' });
    expect(block.code.replace(/\s+/g, ' ').trim()).toBe(sql.replace(/\s+/g, ' ').trim());
  });

  it.each(blocks.filter((b) => b.lang === 'html').map((b) => [where(b), b] as const))('uses only real exports in the script of %s', async (_name, block) => {
    const script = /<script[^>]*>([\s\S]*?)<\/script>/.exec(block.code)?.[1] ?? '';
    await expect(transform(script, { loader: 'js', format: 'esm' })).resolves.toBeDefined();
    const imported = [...script.matchAll(/import\s*\{([^}]*)\}\s*from\s*'treatment-outcomes'/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()).filter(Boolean));
    expect(imported.length).toBeGreaterThan(0);
    for (const name of imported) expect(Object.keys(core), name).toContain(name);
  });
});
