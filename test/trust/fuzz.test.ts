// Fuzzing the parsers: arbitrary bytes and strings must give a result or the library's own typed
// error (never a raw TypeError or RangeError), within bounded time, without polluting prototypes.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { auditClaims, checkPercent, parseClaims, readReported, TreatmentOutcomesError } from '../../src/index.js';
import { readCohortCsv } from '../../src/node/index.js';
import { REGRESSIONS } from './fuzz-regressions.js';

const RUNS = { csv: 1000, claims: 2000, percent: 10000 };
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
