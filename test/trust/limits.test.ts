// Hostile sizes: each either finishes in time that does not grow faster than its input, or stops at
// once with a typed error naming the bound. Only growth ratios are asserted, never absolute times:
// twice the input may take under 2.5× the time (CPU time of this process, the best of several runs,
// so other work on the machine matters less); for what should grow like log n, an input 2^26 times
// larger under 8× (linear would be 2^26×). The CSV shapes (CR-only, 100k-column header, long lines,
// mixed endings) are in test/node/csv-limits.test.ts, the HTML tokenizer's in
// test/document/html-document.test.ts; here is every other input of the red-team list, and the
// page → claims pipeline end to end on the deep-HTML shapes.
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { checkMean } from '../../src/audit/check-mean.js';
import { countDenominators } from '../../src/audit/count-denominators.js';
import { debit } from '../../src/audit/debit.js';
import { inferDenominators } from '../../src/audit/infer-denominators.js';
import { iterateDenominators } from '../../src/audit/iterate-denominators.js';
import { renderTable } from '../../src/cli/table.js';
import { readDocument } from '../../src/document/read-document.js';
import { LimitExceededError } from '../../src/errors.js';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { fisherExact } from '../../src/inference/fisher-exact.js';
import { multinomialCI } from '../../src/inference/multinomial-ci.js';
import { readCohortCsv } from '../../src/node/csv.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import { readTables } from '../../src/tables/read-tables.js';

const CLINIC = ['54.32', '31.34', '11.71', '2.62'];

/** Time of f(large) over time of f(small): medians of interleaved runs, each repeated `repeat` times. */
function growth(f: (size: number) => unknown, small: number, large: number, repeat = 1): number {
  const run = (s: number) => {
    const start = performance.now();
    for (let i = 0; i < repeat; i++) f(s);
    return performance.now() - start;
  };
  run(small);
  run(large);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 7; i++) {
    a.push(run(small));
    b.push(run(large));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[3]!;
  return median(b) / median(a);
}

describe('audit limits', () => {
  it('debit: 0.5 / 0.5 at n = 4·10^7 (was 37 s and 2.1 GB) grows like log n', () => {
    expect(debit('0.5', '0.5', 40_000_000).consistent).toBe(true);
    expect(growth((n) => debit('0.5', '0.5', n), 2 ** 26, 2 ** 52, 300)).toBeLessThan(8);
  });

  it('checkMean grows like log n and stays exact past 2^53', () => {
    expect(checkMean('5.25', Number.MAX_SAFE_INTEGER).exactTotals).not.toBeNull();
    expect(growth((n) => checkMean('5.25', n), 2 ** 26, 2 ** 52, 300)).toBeLessThan(8);
  });

  it('infer-n 60 60 --partition --max 10^15 (never finished) is empty at once', () => {
    expect([...iterateDenominators(['60', '60'], { partition: true, max: 1e15 })]).toEqual([]);
    expect(inferDenominators(['60', '60'], { partition: true, max: 1e15 })).toEqual([]);
  });

  it('countDenominators to 10^7 and beyond costs the same: past a point it is arithmetic', () => {
    expect(growth((max) => countDenominators(CLINIC, { partition: true, max }), 1e7, 1e14, 5)).toBeLessThan(8);
  });

  it('iterateDenominators grows linearly with what it yields', () => {
    const drain = (max: number) => {
      let k = 0;
      for (const c of iterateDenominators(CLINIC, { partition: true, max })) k += c.n > 0 ? 1 : 0;
      return k;
    };
    expect(growth(drain, 50_000, 200_000)).toBeLessThan(8);
  });

  it('refuses, before any work, a one-by-one scan or an array beyond its bound', () => {
    const start = performance.now();
    expect(() => countDenominators(['33.3333333333'], { max: 1e15 })).toThrow(LimitExceededError);
    expect(() => inferDenominators(['96'], { max: 1e15 })).toThrow(LimitExceededError);
    expect(performance.now() - start).toBeLessThan(5_000); // a bound, not a benchmark: the scan alone would take days
  });

  it('auditClaims grows linearly with the number of claims', () => {
    const file = (k: number) => ({
      title: 't',
      source: { name: 's' },
      claims: Array.from({ length: k }, (_, i) => ({ id: `c${i}`, numerator: (i * 7) % 4000, denominator: 4278, percent: ((100 * ((i * 7) % 4000)) / 4278).toFixed(2) })),
    });
    expect(auditClaims(file(10)).findings.length).toBeGreaterThanOrEqual(0);
    expect(growth((k) => auditClaims(file(k)), 300, 1200)).toBeLessThan(8);
  });
});

// A full collection before each timed run, so garbage left by the previous one is not billed to it.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** CPU time of one run of f, in ms, after a full collection. */
async function cpuMs(f: () => unknown): Promise<number> {
  collect();
  const start = process.cpuUsage();
  await f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// Where allocation and collection dominate (long tables, rejected rows, big cells, many claims), a 2×
// ratio is noisy on a loaded machine; those compare 4× the input against 2.5² = 6.25 (quadratic: 16).
const PER_4X = 2.5 ** 2;

/**
 * CPU time of f(large) over f(small), each the best of `runs`, the runs interleaved (small, large,
 * small, …) so a burst of other work on the machine slows both alike; one warm-up of each first.
 */
async function cpuGrowth<T>(make: (size: number) => T, f: (input: T) => unknown, small: number, large: number, runs = 5): Promise<number> {
  const a = make(small);
  const b = make(large);
  await f(a);
  await f(b);
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let i = 0; i < runs; i++) {
    bestSmall = Math.min(bestSmall, await cpuMs(() => f(a)));
    bestLarge = Math.min(bestLarge, await cpuMs(() => f(b)));
  }
  return bestLarge / bestSmall;
}

const PAGE_TEXT = '<p>We treated 4278 patients, including 2324 spastic (54.32%), 1341 mixed (31.35%) and 613 other types (14.33%).</p>';
const nested = (depth: number) => `<html><body>${'<div>'.repeat(depth)}${PAGE_TEXT}${'</div>'.repeat(depth)}</body></html>`;
const unclosed = (count: number) => `<!DOCTYPE html><html><head><title>t</title>${PAGE_TEXT}${'<div>'.repeat(count)}<table><tr><td>spastic</td><td>2324</td></tr></table>`;

describe('page limits: HTML nested or unclosed without bound', () => {
  const extract = (html: string) => extractClaims(readDocument(html, { format: 'html' })).claims;

  it('10^5 nested <div> still give the page its claims', () => {
    expect(extract(nested(100_000)).map((c) => c.percent)).toEqual(['54.32', '31.35', '14.33']);
  });

  it('page → claims takes linear time in nesting depth (10^5 → 2·10^5)', async () => {
    expect(await cpuGrowth(nested, extract, 100_000, 200_000, 3)).toBeLessThan(2.5);
  });

  it('page → claims and its tables take linear time in unclosed elements (5·10^5 → 10^6)', async () => {
    const both = (html: string) => [extract(html), readTables(html, { format: 'html' })];
    expect(extract(unclosed(1_000)).length).toBe(3);
    expect(await cpuGrowth(unclosed, both, 500_000, 1_000_000, 3)).toBeLessThan(2.5);
  });
});

describe('inference limits', () => {
  it('multinomialCI([5e11, 5e11]) (ran past 20 s) answers, and counts ×10^4 cost under 8×', async () => {
    const [a] = multinomialCI([5e11, 5e11]);
    expect(a!.lower).toBeLessThan(0.5);
    expect(a!.upper).toBeGreaterThan(0.5);
    expect(await cpuGrowth((n) => [n, n, n], (c) => multinomialCI(c), 5e7, 5e11, 9)).toBeLessThan(8);
  });

  it('fisherExact on 2×2 tables of 10^5 (untyped RangeError) and 10^8 (aborted Node) per cell answers', () => {
    expect(fisherExact([[1e5, 1e5], [1e5, 1e5]]).pValue).toBe(1);
    const big = fisherExact([[1e8, 1e8 + 30_000], [1e8, 1e8]], { estimate: false });
    expect(big.pValue).toBeGreaterThan(0);
    expect(big.pValue).toBeLessThan(0.2);
  });

  it('fisherExact 2×2 time grows like the standard deviation: 4× the counts, under 2.5× the time', async () => {
    const table = (n: number): [[number, number], [number, number]] => [[n, Math.round(n * 1.001)], [n, n]];
    const fourTimes = (t: [[number, number], [number, number]]) => {
      for (let i = 0; i < 4; i++) fisherExact(t, { estimate: false });
    };
    expect(await cpuGrowth(table, fourTimes, 4e9, 1.6e10)).toBeLessThan(2.5);
  });

  it('fisherExact refuses, before any work, a 2×2 table whose sums would take hours', () => {
    const start = process.cpuUsage();
    const huge = 2 ** 50;
    const error = (() => {
      try {
        fisherExact([[huge, huge], [huge, huge]]);
      } catch (e) {
        return e;
      }
    })() as LimitExceededError;
    expect(error).toBeInstanceOf(LimitExceededError);
    expect(error.limit).toBe('FISHER_MAX_WORK');
    expect(error.requested).toBeGreaterThan(error.max);
    expect(error.message).toMatch(/proportionTest/);
    // with the estimate only the p-value fits: the message says how to get it
    expect(() => fisherExact([[1e10, 1e10], [1e10, 1e10]])).toThrow(/estimate: false/);
    expect(fisherExact([[1e10, 1e10], [1e10, 1e10]], { estimate: false }).pValue).toBe(1);
    const used = process.cpuUsage(start);
    expect((used.user + used.system) / 1000).toBeLessThan(5_000); // a bound, not a benchmark: the sums alone take hours
  });
});

describe('output and record limits', () => {
  it('a table of 200k distinct years renders (RangeError before), in linear time', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [String(2004 + i), String(i % 97), String(i % 89), '96.0']);
    const columns = ['year', 'improved', 'known', 'rate %'].map((heading) => ({ heading, align: 'right' as const }));
    expect(renderTable(columns, rows(200_000)).split('\n').length).toBeGreaterThan(200_000);
    expect(await cpuGrowth(rows, (r) => renderTable(columns, r), 50_000, 200_000)).toBeLessThan(PER_4X);
  });

  it('rejected rows: every one counted, only maxRejected kept, linear time (10^5 → 4·10^5)', async () => {
    const csv = (n: number) => {
      const bad = ['spastik,2010,improved', 'spastic,20x0,improved', 'spastic,2010,improvd', 'mixed,2010,'];
      let text = 'id,type,year,outcome\n';
      for (let i = 0; i < n; i++) text += `${i},${bad[i & 3]}\n`;
      return Buffer.from(text);
    };
    const read = (b: Buffer) => readCohortCsv(Readable.from([b]), { mode: 'lenient', cohort: cerebralPalsyCohort, maxRejected: 20 });
    const result = await read(csv(100_000));
    expect(result.rejected).toHaveLength(20);
    expect(result.rejectedCount).toBe(100_000);
    expect(result.rejectReasons.reduce((a, r) => a + r.count, 0)).toBe(100_000);
    expect(await cpuGrowth(csv, read, 100_000, 400_000, 3)).toBeLessThan(PER_4X);
  });

  it('a cell of megabytes (under maxLineLength) is rejected with a short message, in linear time', async () => {
    // its message once quoted the whole cell, and the reason counter's regular expression then ran out of stack
    const csv = (mb: number) => Buffer.concat([Buffer.from('id,type,year,outcome\n1,spastic,2010,improved\n2,spastic,2010,'), Buffer.alloc(mb << 20, 'i'), Buffer.from('\n3,mixed,2011,unknown\n')]);
    const read = (b: Buffer) => readCohortCsv(Readable.from([b]), { mode: 'lenient', cohort: cerebralPalsyCohort });
    const result = await read(csv(4));
    expect(result.records).toHaveLength(2);
    expect(result.rejectedCount).toBe(1);
    expect(result.rejected[0]!.issues[0]!.message.length).toBeLessThan(200);
    expect(result.rejectReasons[0]!.reason).toBe('outcome must be one of improved, unchanged, worsened, unknown, got …');
    expect(await cpuGrowth(csv, read, 2, 8, 3)).toBeLessThan(PER_4X);
  });

  it('hostile partitions (one type in many parts, __proto__ parts, parts listed twice) audit in linear time', async () => {
    const file = (k: number) => ({
      title: 't',
      source: { name: 's' },
      claims: [
        ...Array.from({ length: k }, (_, i) => ({ id: `c${i}`, type: i % 3 === 0 ? 'spastic' : i % 3 === 1 ? '__proto__' : `t${i}`, numerator: 1, denominator: k, percent: ((100 / k) as number).toFixed(4) })),
      ],
      partitions: [
        { id: 'all', total: k, parts: Array.from({ length: k }, (_, i) => `c${i}`) },
        { id: 'twice', total: k, parts: ['c0', 'c0', 'c1'] },
      ],
    });
    const findings = auditClaims(file(300)).findings;
    expect(findings.some((f) => /twice|more than once|duplicate/i.test(f.message))).toBe(true);
    expect(await cpuGrowth(file, (f) => auditClaims(f), 1_500, 6_000)).toBeLessThan(PER_4X);
  });
});
