import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { cli } from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));


describe('treatment-outcomes summarize', () => {
  it('prints the sample distribution and rates as aligned tables', async () => {
    const { code, out, err } = await cli('summarize', '--decimals', '2');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('synthetic');
    expect(out).toMatch(/spastic\s+2324\s+54\.32/);
    expect(out).toMatch(/mixed\s+1341\s+31\.35/);
    expect(out).toMatch(/athetoid\s+501\s+11\.71/);
    expect(out).toMatch(/other\s+112\s+2\.62/);
    expect(out).toContain('3963 improved of 4128 = 96.00%');
    expect(out).toMatch(/^2014\s+\d+/m);
  });

  it('prints JSON on stdout only with --json', async () => {
    const { code, out } = await cli('summarize', '--json', '--rounding', 'floor', '--decimals', '2', '--basis', 'all');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { distribution: { rows: { percent: string }[] }; improvement: { basis: string; denominator: number } };
    expect(json.distribution.rows.map((r) => r.percent)).toEqual(['54.32', '31.34', '11.71', '2.61']);
    expect(json.improvement).toMatchObject({ basis: 'all', denominator: 4278 });
  });

  it('exits 2 naming file, line and field when a row is bad', async () => {
    const { code, out, err } = await cli('summarize', fixture('bad-values.csv'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`${fixture('bad-values.csv')}:2: year: year must be a whole number`);
    expect(err).toContain(':3: outcome:');
  });

  it('keeps going with --lenient and reports what it left out on stderr', async () => {
    const { code, out, err } = await cli('summarize', fixture('ragged.csv'), '--lenient');
    expect(code).toBe(0);
    expect(out).toContain('2 records');
    expect(err).toContain('2 rows rejected');
    expect(err).toContain('row 3, (row): expected 4 fields');
  });

  it('exits 2 on usage errors and missing files', async () => {
    expect((await cli('summarize', '--rounding', 'up')).code).toBe(2);
    expect((await cli('summarize', '--decimals', 'x')).err).toContain('--decimals');
    expect((await cli('summarize', '--nope')).code).toBe(2);
    expect((await cli('frobnicate')).err).toContain('unknown command "frobnicate"');
    const missing = await cli('summarize', 'no/such/file.csv');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no/such/file.csv');
  });

  it('prints help with exit 0', async () => {
    expect((await cli('--help')).out).toContain('Usage: treatment-outcomes');
    expect((await cli('summarize', '--help')).out).toContain('--rounding');
  });
});

describe('treatment-outcomes summarize --ci', () => {
  it('adds interval columns and the rate interval', async () => {
    let out = '';
    const code = await run(['summarize', '--decimals', '2', '--ci', 'wilson'], { out: (t) => (out += t), err: () => {}, bold: (t) => t });
    expect(code).toBe(0);
    expect(out).toMatch(/spastic\s+2324\s+54\.32\s+52\.83–55\.81/);
    expect(out).toContain('3963 improved of 4128 = 96.00% (95% CI 95.36–96.56, Wilson)');
  });
});

describe('treatment-outcomes summarize: rejected rows in bounded memory', () => {
  const many = (n: number) => {
    let text = 'type,year,outcome\nspastic,2005,improved\n';
    for (let i = 0; i < n; i++) text += i % 2 ? 'spastic,20O5,improved\n' : `spastic,2005,improvd\n`;
    return text;
  };

  it('shows the first --max-rejects rows, counts every one by reason and says how many were not shown', async () => {
    let out = '';
    let err = '';
    const { Readable } = await import('node:stream');
    const code = await run(['summarize', '-', '--lenient', '--max-rejects', '3', '--json'], { out: (t) => (out += t), err: (t) => (err += t), bold: (t) => t, stdin: Readable.from([many(1000)]) });
    expect(code).toBe(0);
    const json = JSON.parse(out) as { records: number; rejected: unknown[]; rejectedCount: number; rejectReasons: { field: string; count: number }[] };
    expect(json.records).toBe(1);
    expect(json.rejected).toHaveLength(3);
    expect(json.rejectedCount).toBe(1000);
    expect(json.rejectReasons.map((r) => [r.field, r.count])).toEqual([
      ['outcome', 500],
      ['year', 500],
    ]);
    expect(err).toContain('<stdin>: 1000 rows rejected');
    expect(err).toContain('997 more rejected rows not shown');
  });

  it('writes every rejected row to --rejects, and strict mode prints a bounded list', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'to-rejects-'));
    const input = join(dir, 'in.csv');
    writeFileSync(input, many(5000));
    const lenient = await cli('summarize', input, '--lenient', '--rejects', join(dir, 'rejects.csv'));
    expect(lenient.code).toBe(0);
    const lines = readFileSync(join(dir, 'rejects.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('line,field,value,message,suggestion');
    expect(lines).toHaveLength(5001);
    expect(lines[1]).toBe('3,outcome,improvd,"outcome must be one of improved, unchanged, worsened, unknown, got ""improvd""",improved');
    const strict = await cli('summarize', input);
    expect(strict.code).toBe(2);
    expect(strict.err.split('\n').length).toBeLessThan(30);
    expect(strict.err).toContain('4980 more invalid rows not shown');
  });
});
