// Runs every @example of the TSDoc. A statement followed by `// value` (same line or the next)
// becomes an assertion; `…` marks digits or fields left out; text after the value (": why",
// " (why)") is commentary. Numbers match to the significant digits written.
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { extractExamples } from '../../scripts/doc-examples.js';
import * as core from '../../src/index.js';
import * as nodeEntry from '../../src/node/index.js';

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
