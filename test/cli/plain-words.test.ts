// What the commands print reads as a person would write it: a count agrees with its noun, a range
// of one value is that value, ranges use one dash, tiny p-values keep a readable form.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'to-words-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
// one record, one unknown outcome, one claim, one partition: every count of one the commands print
const one = file('one.csv', 'type,year,outcome\nspastic,2010,improved\nmixed,2011,unknown\n');
const page = file('page.txt', 'Of 4278 patients treated, 2324 were spastic (54.32%) and 1954 were of other types (45.68%).\n');
const claims = file(
  'claims.yaml',
  'title: t\nsource: { name: s }\nclaims:\n  - { id: a, numerator: 1, denominator: 1, percent: "100" }\n  - { id: b, denominator: 559, percent: "0.18" }\n',
);

const RUNS: string[][] = [
  ['summarize', one],
  ['summarize', one, '--ci', 'wilson'],
  ['summarize', one, '--json'],
  ['audit', claims],
  ['audit', claims, '--records', one],
  ['audit'],
  ['audit', '--from-text', page],
  ['extract', page, '--out', join(dir, 'out.yaml')],
  ['check-percent', '31.35', '--of', '4278'],
  ['check-percent', '0.18', '--of', '559'],
  ['check-percent', '31.34', '--of', '4278'],
  ['infer-n', '50', '--limit', '1'],
  ['infer-n', '54.32', '31.34', '11.71', '2.62', '--partition', '--max', '2000'],
  ['table1', one],
];

describe('plain words in every command', () => {
  it.each(RUNS.map((argv) => [argv.join(' ').replace(dir, '<dir>'), argv] as const))('%s', async (_name, argv) => {
    const r = await cli(...argv);
    expect([0, 1], r.err).toContain(r.code);
    const text = `${r.out}\n${r.err}`.replaceAll(dir, '');
    // a count of one with a plural noun
    expect(text).not.toMatch(/(?<![\d.,])1 (?:records|outcomes|claims|partitions|patients|findings|figures|denominators|rows|types|years|charts|notes)\b/);
    expect(text).not.toMatch(/\b[Ff]irst 1 \w/);
    // a range whose two ends are one number
    expect(text).not.toMatch(/between (\d+(?:\.\d+)?%?) and \1(?![\d.])/);
    expect(text).not.toMatch(/(?<![\d.])(\d+(?:\.\d+)?)[-–](\1)(?![\d.])/);
    // ranges of numbers with an en dash, never a hyphen (a minus sign after a space is not a range)
    expect(text).not.toMatch(/(?<![\w.-])\d+(?:\.\d+)?%?-\d+(?:\.\d+)?%?(?![\w.])/);
    // a p-value below what a double holds is written as a power of ten, not e^-1385 or 0
    expect(text).not.toMatch(/e\^-?\d|p = 0(?![.\d])/);
  });

  it('says "only 1341/4278" for a single numerator and "1 claim" for one', async () => {
    expect((await cli('check-percent', '31.35', '--of', '4278')).out).toContain('possible: only 1341/4278 prints so');
    expect((await cli('infer-n', '50', '--limit', '1')).out).toContain('The first denominator for which');
    expect((await cli('extract', page, '--out', join(dir, 'again.yaml'))).err).toMatch(/^wrote 2 claims, 1 partition and 0 unresolved figures to /m);
    expect((await cli('summarize', one)).out).toContain('2 records;');
    expect((await cli('summarize', one)).out).toContain('(1 patient with unknown outcome left out)');
  });
});
