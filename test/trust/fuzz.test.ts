// Fuzzing the parsers: arbitrary bytes and strings must give a result or the library's own typed
// error (never a raw TypeError or RangeError), within bounded time, without polluting prototypes.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { auditClaims, checkPercent, extractClaims, parseClaims, readReported, readTables, toClaimsFile, TreatmentOutcomesError, validateClaims } from '../../src/index.js';
import { htmlDocument, readCohortCsv } from '../../src/node/index.js';
import { REGRESSIONS } from './fuzz-regressions.js';

const RUNS = { csv: 1000, claims: 2000, percent: 10000, html: 300, partitions: 1000, extract: 500 };
const MAX_MS_PER_INPUT = 2000;
const runs: Record<string, number> = {};
afterAll(() => console.log('fuzz runs per target:', JSON.stringify(runs)));

const protoKeys = () => [Object.getOwnPropertyNames(Object.prototype), Object.getOwnPropertyNames(Array.prototype)].map((k) => k.sort().join(','));
const before = protoKeys();

function expectTypedOrOk(outcome: { error?: unknown }, ms: number) {
  if (outcome.error !== undefined) {
    if (!(outcome.error instanceof TreatmentOutcomesError)) throw outcome.error; // show the raw error and its stack
    expect((outcome.error as Error).message.length).toBeGreaterThan(0);
  }
  expect(ms).toBeLessThan(MAX_MS_PER_INPUT);
  expect(protoKeys()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

async function csvOutcome(input: Uint8Array | string) {
  const start = performance.now();
  try {
    await readCohortCsv(Readable.from([typeof input === 'string' ? Buffer.from(input) : Buffer.from(input)]), { mode: 'lenient' });
    return { ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

function syncOutcome(f: () => unknown) {
  const start = performance.now();
  try {
    f();
    return { ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

const csvChars = fc.constantFrom('a', 'spastic', 'type', 'year', 'outcome', 'id', '2005', 'improved', ',', ';', '\t', '"', '\n', '\r\n', '\r', ' ', '\uFEFF', '__proto__', 'é', '\u0000');
const csvText = fc.array(csvChars, { maxLength: 200 }).map((a) => a.join(''));
const headerThenRows = fc
  .array(fc.array(fc.oneof(fc.string({ maxLength: 8 }), csvChars), { maxLength: 6 }), { maxLength: 20 })
  .map((rows) => `id,type,year,outcome\n${rows.map((r) => r.join(',')).join('\n')}`);

describe('fuzz: CSV reader', () => {
  it('handles arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        runs.csv = (runs.csv ?? 0) + 1;
        const o = await csvOutcome(bytes);
        expectTypedOrOk(o, o.ms);
      }),
      { numRuns: RUNS.csv / 2 },
    );
  });
  it('handles CSV-shaped text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvText, headerThenRows), async (text) => {
        runs.csv = (runs.csv ?? 0) + 1;
        const o = await csvOutcome(text);
        expectTypedOrOk(o, o.ms);
      }),
      { numRuns: RUNS.csv / 2 },
    );
  });
});

describe('fuzz: CSV line endings', () => {
  // Excel's "CSV (Macintosh)" ends lines with a lone CR; files pasted together mix all three.
  const eol = fc.constantFrom('\n', '\r\n', '\r');
  const line = fc.array(fc.oneof(fc.string({ maxLength: 8 }), csvChars), { maxLength: 6 }).map((cells) => cells.join(','));
  const shaped = fc
    .tuple(fc.array(fc.tuple(line, eol), { maxLength: 30 }), fc.constantFrom('cr-only', 'mixed'), fc.boolean())
    .map(([lines, shape, quoted]) => {
      const header = quoted ? '"id",type,year,outcome' : 'id,type,year,outcome';
      const body = lines.map(([l, e]) => l + (shape === 'cr-only' ? '\r' : e)).join('');
      return `${header}${shape === 'cr-only' ? '\r' : '\r\n'}${body}`;
    });
  it('handles CR-only and mixed-ending files', async () => {
    await fc.assert(
      fc.asyncProperty(shaped, async (text) => {
        runs.csv = (runs.csv ?? 0) + 1;
        const o = await csvOutcome(text);
        expectTypedOrOk(o, o.ms);
      }),
      { numRuns: RUNS.csv / 2 },
    );
  });
});

describe('fuzz: deep and broken HTML', () => {
  // Nesting thousands deep, tags never closed or closed out of order, raw-text elements left open,
  // comments and a <head> that never ends: the reader must stay linear and never show script text.
  const SECRET = 'SCRIPTED 999 (50.05%)';
  const piece = fc.oneof(
    fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<table>', '<tr>', '<td>', '</td>', '</tr>', '</table>', '<li>', '<ul>', '</ul>', '<head>', '<body>', '</head>', '<!--', '-->', '<br>', '<b>', '</i>', '&amp;', '&#x', '<', '>', '"', '<td colspan="99999">', '<th rowspan=0>'),
    fc.constantFrom(`<script>${SECRET}</script>`, `<style>${SECRET}</style>`, 'We treated 4278 patients, including 2324 spastic (54.32%).', '17 of 40 (42,5 %)'),
    fc.tuple(fc.constantFrom('div', 'span', 'td', 'li', 'section'), fc.integer({ min: 1, max: 3000 }), fc.boolean()).map(([tag, depth, close]) => `<${tag}>`.repeat(depth) + (close ? `</${tag}>`.repeat(depth) : '')),
  );
  const page = fc.tuple(fc.constantFrom('', '<!DOCTYPE html>', '<!-- x -->', '<html><head><title>t</title>'), fc.array(piece, { maxLength: 40 })).map(([start, parts]) => start + parts.join(''));
  it('reads any nesting in bounded time, typed errors only, and never shows <script> or <style> text', () => {
    fc.assert(
      fc.property(page, (html) => {
        runs.html = (runs.html ?? 0) + 1;
        let text = '';
        const o = syncOutcome(() => {
          text = htmlDocument(html).text;
          readTables(html, { format: 'html' });
        });
        expectTypedOrOk(o, o.ms);
        // A stray "<" can open a tag that swallows a following <script> as attributes (browsers do the
        // same, and then the script's text is text); without one, no script or style text may show.
        const markup = /<\/?[a-z][a-z0-9]*(?: [a-z]+="?\d+"?)?>|<!DOCTYPE html>/gi;
        if (!html.replace(markup, '').includes('<')) expect(text).not.toContain('SCRIPTED');
      }),
      { numRuns: RUNS.html },
    );
  });
});

describe('fuzz: hostile partitions', () => {
  // Parts of one type twice, types named like Object.prototype members, parts listed twice or
  // missing, totals of 0, negative, fractional or past 2^53, and percents that are no number.
  const type = fc.constantFrom('spastic', 'mixed', 'athetoid', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '');
  const percent = fc.oneof(fc.constantFrom('40', '33.3', '250', '5O', '-1', '', '31,34', '1e3', 'NaN'), fc.double().map(String));
  const count = fc.oneof(fc.nat(2000), fc.constantFrom(-1, 0.5, Number.MAX_SAFE_INTEGER, 2 ** 60, Number.NaN));
  const file = fc
    .tuple(
      fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', '__proto__', 'constructor'), type, numerator: count, denominator: count, percent }, { requiredKeys: ['id'] }), { maxLength: 6 }),
      fc.array(fc.record({ id: fc.constantFrom('p', 'q', '__proto__'), total: count, parts: fc.array(fc.constantFrom('a', 'b', 'c', 'd', '__proto__', 'missing'), { maxLength: 6 }) }), { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([claims, partitions, decimalComma]) => ({ title: 't', source: { name: 's' }, decimalComma, claims, partitions }));
  it('audits every shape, throwing only the typed error of a file that does not validate', () => {
    fc.assert(
      fc.property(file, (f) => {
        runs.partitions = (runs.partitions ?? 0) + 1;
        const valid = validateClaims(f).ok;
        const o = syncOutcome(() => auditClaims(f));
        expectTypedOrOk(o, o.ms);
        if (valid) expect(o.error).toBeUndefined();
      }),
      { numRuns: RUNS.partitions },
    );
  });
});

describe('fuzz: extract writes only what its own audit accepts', () => {
  const word = fc.constantFrom('We treated', 'patients', 'including', 'spastic', 'mixed', 'of them', 'improved', 'Davon', 'Patienten', 'haben wir', 'behandelt', 'total', 'rate', 'in all', 'und', 'and', ',', '.', ';', '(', ')', ':');
  const figure = fc.oneof(
    fc.nat(5000).map(String),
    fc.tuple(fc.nat(300), fc.nat(99)).map(([a, b]) => `${a}.${b}%`),
    fc.tuple(fc.nat(300), fc.nat(99)).map(([a, b]) => `${a},${b} %`),
    fc.constantFrom('4.278', '1,341', '96%', '250%', '125 %', '0%', '100%', '1e5', 'one hundred', 'zwei'),
  );
  const prose = fc.array(fc.oneof(word, figure), { minLength: 1, maxLength: 40 }).map((a) => a.join(' '));
  it('every claims file extract writes validates, in any locale', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom('auto', 'en', 'de'), (text, locale) => {
        runs.extract = (runs.extract ?? 0) + 1;
        const o = syncOutcome(() => {
          const extraction = extractClaims(text, { locale: locale as 'auto' });
          if (extraction.claims.length === 0) return; // extract writes no file then
          const file = toClaimsFile(extraction, { title: 't', source: { name: 's' } });
          const check = validateClaims(file);
          if (!check.ok) throw new Error(`extract wrote a file its audit rejects: ${JSON.stringify(check.problems)} from ${JSON.stringify(text)}`);
          auditClaims(file);
        });
        expectTypedOrOk(o, o.ms);
      }),
      { numRuns: RUNS.extract },
    );
  });
});

describe('fuzz: claims parser', () => {
  const yamlChars = fc.constantFrom('title: ', 'claims:', '\n', '  - ', '{', '}', '[', ']', ':', 'id: a', 'percent: "5"', 'denominator: 8', '&a ', '*a', '!!js/function ', '__proto__: ', '"', "'", '- ', '#', '? ');
  it('handles arbitrary and YAML-/JSON-shaped text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(yamlChars, { maxLength: 80 }).map((a) => a.join('')), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        runs.claims = (runs.claims ?? 0) + 1;
        const o = syncOutcome(() => parseClaims(text));
        expectTypedOrOk(o, o.ms);
      }),
      { numRuns: RUNS.claims / 2 },
    );
  });
  it('audits arbitrary values as claims files', () => {
    const claimish = fc.record({
      title: fc.oneof(fc.string(), fc.anything()),
      source: fc.oneof(fc.record({ name: fc.string() }), fc.anything()),
      claims: fc.array(
        fc.record({
          id: fc.string({ maxLength: 3 }),
          numerator: fc.oneof(fc.nat(50), fc.anything()),
          denominator: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.anything()),
          percent: fc.oneof(fc.string({ maxLength: 6 }), fc.double(), fc.constantFrom('12.5', '100', '0', '99.99', '-1')),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.oneof(claimish, fc.anything()), (value) => {
        runs.claims = (runs.claims ?? 0) + 1;
        const o = syncOutcome(() => auditClaims(value));
        expectTypedOrOk(o, o.ms);
      }),
      { numRuns: RUNS.claims / 2 },
    );
  });
});

describe('fuzz: percent strings', () => {
  it('reads or rejects any string', () => {
    const percentish = fc.array(fc.constantFrom('0', '1', '5', '9', '.', ',', '%', '-', ' ', 'e', '+', '\u2212', '١'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 50 }), percentish), fc.integer({ min: 1, max: 10 ** 9 }), fc.boolean(), (text, n, comma) => {
        runs.percent = (runs.percent ?? 0) + 1;
        expectTypedOrOk(syncOutcome(() => readReported(text, { decimalComma: comma })), 0);
        const o = syncOutcome(() => checkPercent(text, n, { decimalComma: comma }));
        expectTypedOrOk(o, o.ms);
      }),
      { numRuns: RUNS.percent },
    );
  });
});

describe('fuzz regressions (inputs that once failed)', () => {
  it.each(REGRESSIONS.map((r) => [r.name, r] as const))('%s', async (_name, r) => {
    const o = r.target === 'csv' ? await csvOutcome(r.input) : syncOutcome(() => (r.target === 'claims' ? parseClaims(r.input) : checkPercent(r.input, 100)));
    expectTypedOrOk(o, o.ms);
  });
});
