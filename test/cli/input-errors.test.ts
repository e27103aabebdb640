// Every input error names the file and says what to do, with exit 2; numbers are read strictly.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/cli/table.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'to-errors-'));
const file = (name: string, data: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const adir = join(dir, 'adir');
mkdirSync(adir);
const good = file('good.csv', 'type,year,outcome\nspastic,2010,improved\nmixed,2011,unknown\n');
const png = file('chart.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]));

describe('input files', () => {
  it.each([
    ['a directory', adir, `${adir}: is a directory, not a cohort CSV file`],
    ['a missing file', join(dir, 'missing.csv'), `${join(dir, 'missing.csv')}: no such file`],
    ['a header-only file', file('header.csv', 'type,year,outcome\n'), `${join(dir, 'header.csv')}: there are no records to count (the file has a header but no data rows)`],
    ['binary data', png, `${png}: not a text file (it contains binary data); expected a cohort CSV file`],
  ])('summarize refuses %s, naming it', async (_what, path, message) => {
    const r = await cli('summarize', path);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`error: ${message}\n`);
  });

  it('says when every row was rejected', async () => {
    const r = await cli('summarize', file('all-bad.csv', 'type,year,outcome\nspastic,soon,improved\n'), '--lenient');
    expect(r.code).toBe(2);
    expect(r.err).toContain('there are no records to count: the only row was rejected');
    const two = await cli('summarize', file('two-bad.csv', 'type,year,outcome\nspastic,soon,improved\n,2010,improved\n'), '--lenient');
    expect(two.err).toContain('there are no records to count: all 2 rows were rejected');
  });

  it('audit and report refuse a binary claims file or a directory, naming it', async () => {
    for (const command of ['audit', 'report']) {
      const binary = await cli(command, png);
      expect(binary.code).toBe(2);
      expect(binary.err).toBe(`error: ${png}: not a text file (it contains binary data); expected a claims file (JSON or YAML)\n`);
      expect((await cli(command, adir)).err).toBe(`error: ${adir}: is a directory, not a claims file (JSON or YAML)\n`);
    }
    const records = await cli('audit', '--records', png);
    expect(records.err).toContain(`${png}: not a text file`);
  });

  it('extract and audit --from-text refuse a directory or binary data, naming it', async () => {
    for (const argv of [['extract'], ['audit', '--from-text']]) {
      const binary = await cli(...argv, png);
      expect([binary.code, binary.out]).toEqual([2, '']);
      expect(binary.err).toBe(`error: ${png}: not a text file (it contains binary data); expected a page of text, Markdown, HTML or PDF\n`);
      expect((await cli(...argv, adir)).err).toBe(`error: ${adir}: is a directory, not a page of text, Markdown, HTML or PDF\n`);
    }
  });

  it.each([
    ['an empty file', 'empty.yaml', '', 'the claims file is empty; it needs title, source (name, url) and claims'],
    ['a file of blank lines', 'blank.yaml', '\n\n', 'the claims file is empty; it needs title, source (name, url) and claims'],
    ['a list', 'list.json', '[1, 2]', 'a claims file is a mapping of title, source and claims, not a list'],
    ['no source', 'no-source.yaml', 'title: t\nclaims:\n  - { id: a, denominator: 4, percent: "50" }\n', 'source: source is required: where the figures were published'],
    ['a source that is text', 'text-source.yaml', 'title: t\nsource: web\nclaims:\n  - { id: a, denominator: 4, percent: "50" }\n', 'source: source must be an object with a name'],
  ])('audit names what is missing in %s', async (_what, name, text, message) => {
    const r = await cli('audit', file(name, text));
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toContain(`${join(dir, name)}: `);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/Invalid input/);
  });

  it('report --svg on an existing file is a usage error, not a crash', async () => {
    const r = await cli('report', '--svg', good);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--svg takes a directory for the chart files; ${good} is a file`);
    expect((await cli('report', '--out', adir)).err).toContain(`--out takes the HTML file to write; ${adir} is a directory`);
  });
});

describe('number options are read strictly (exit 2 with the option named)', () => {
  it.each([
    [['summarize', '--decimals', ''], '--decimals must be a whole number from 0 to 20, got ""'],
    [['summarize', '--decimals', '0x10'], '--decimals must be a whole number from 0 to 20, got "0x10"'],
    [['summarize', '--decimals', '1.5'], '--decimals must be a whole number from 0 to 20, got "1.5"'],
    [['summarize', '--decimals', '21'], '--decimals must be a whole number from 0 to 20, got "21"'],
    [['summarize', '--threads', '0'], '--threads must be a whole number from 1 to 64, got "0"'],
    [['summarize', '--threads', ' 2'], '--threads must be a whole number from 1 to 64, got " 2"'],
    [['summarize', '--ci', 'wilson', '--level', '95'], '--level must be a number between 0 and 1 such as 0.95, got "95"'],
    [['summarize', '--ci', 'wilson', '--level', '0x1'], '--level must be a number between 0 and 1'],
    [['summarize', '--level', '0.9'], '--level sets the confidence level of intervals: add --ci wilson'],
    [['summarize', '--ci', 'exact'], '--ci must be one of wald, wilson'],
    [['check-percent', '31.34', '--of', ''], '--of must be a whole number of at least 1, got ""'],
    [['check-percent', '31.34', '--of', '0x10'], '--of must be a whole number of at least 1, got "0x10"'],
    [['check-percent', '31.34', '--of', '4278', '--rounding', 'up'], '--rounding takes a comma-separated list of half-up'],
    [['infer-n', '50', '--limit=-1'], '--limit must be a whole number of at least 1, got "-1"'],
    [['infer-n', '50', '--max', '1e3.5'], '--max must be a whole number of at least 1, got "1e3.5"'],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });

  it('accepts what the strict reading allows', async () => {
    expect((await cli('summarize', good, '--decimals', '0')).code).toBe(0);
    expect((await cli('summarize', good, '--ci', 'wilson', '--level', '.9')).out).toContain('90% CI');
    expect((await cli('infer-n', '50', '--max', '1e3', '--limit', '1')).out).toContain('The first denominator for which every percent is possible (n from 1 to 1000');
  });

  it('infer-n takes --max up to 2^53 and answers, or refuses a search too long in terms of its own flags', async () => {
    const partition = await cli('infer-n', '54.32', '31.34', '11.71', '2.62', '--partition', '--max', '1e15', '--limit', '2');
    expect(partition.code).toBe(0);
    expect(partition.out).toContain('n = 1793: e.g. 974 + 562 + 210 + 47'); // 974/1793 = 54.32%, 562/1793 = 31.34%, ...
    const long = await cli('infer-n', '33.3333333', '--max', '1e15');
    expect([long.code, long.out]).toEqual([2, '']);
    expect(long.err).toMatch(/^error: the search would test \d+ denominators one by one .*more than --max-scan \(100000000\); narrow --min and --max, or raise --max-scan\n$/);
    expect((await cli('infer-n', '33.3333333', '--max', '1e15', '--max-scan', '3e9', '--limit', '1')).out).toContain('n = 3: 1');
    expect((await cli('infer-n', '50', '--max', '1e16')).err).toContain('--max must be a whole number from 1 to 2^53 − 1 (9007199254740991), got "1e16"');
  });
});

describe('large outputs', () => {
  it('renders a table of 200000 rows without a RangeError', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), 'x'.repeat(i % 7)]);
    const text = renderTable([{ heading: 'n' }, { heading: 'x', align: 'right' }], rows);
    expect(text.split('\n')).toHaveLength(200_001);
    expect(text.split('\n')[1]).toBe('0            '.trimEnd());
  });

  it('summarize of 200000 distinct years shows the first 100 and says how many more', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `spastic,${3000 + i},improved`);
    const path = file('years.csv', `type,year,outcome\n${lines.join('\n')}\n`);
    const r = await cli('summarize', path);
    expect(r.code).toBe(0);
    expect(r.out).toContain('... 199900 more years not shown (200000 in all; --json lists every one)');
    expect(r.out.split('\n').length).toBeLessThan(250);
    expect(r.err).toContain('years 3000 (1 record), 3001 (1 record)');
  }, 60_000);
});
