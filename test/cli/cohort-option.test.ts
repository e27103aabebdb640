// A user's own CSV: with no cohort, types are compared trimmed and lower-cased and the CLI warns
// about spellings and years; with --cohort, a vocabulary (built in or from a file) decides.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'to-cohort-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const rows = (n: number, row: string) => Array.from({ length: n }, () => row).join('\n');
const messy = file(
  'messy.csv',
  `type,year,outcome\n${rows(20, 'spastic,2010,improved')}\n spastic,2010,Improved\nSPASTIC,2011,unknown\nspastik,2011,improved\ndyskinetic,2012,improved\n${rows(5, 'athetoid,2012,improved')}\nmixed,-5,improved\nmixed,99999,unchanged\n`,
);

interface Summary {
  records: number;
  cohort: string | null;
  distribution: { rows: { type: string; count: number }[] };
  warnings: { code: string; type?: string; suggestion?: string; years?: { year: number }[] }[];
}

describe('summarize without a cohort', () => {
  it('counts one type per spelling once trimmed and lower-cased, and warns about the rest', async () => {
    const { code, out, err } = await cli('summarize', messy, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Summary;
    expect(json.cohort).toBeNull();
    expect(json.distribution.rows.find((r) => r.type === 'spastic')?.count).toBe(22);
    expect(json.distribution.rows.map((r) => r.type).sort()).toEqual(['athetoid', 'dyskinetic', 'mixed', 'spastic', 'spastik']);
    expect(json.warnings).toEqual([
      expect.objectContaining({ code: 'similar-types', type: 'spastik', suggestion: 'spastic' }),
      expect.objectContaining({ code: 'implausible-years', years: [{ year: -5, count: 1 }, { year: 99999, count: 1 }] }),
    ]);
    expect(err).toContain('warning: type "spastik" (1 record) looks like a misspelling of "spastic" (22 records); a cohort file (--cohort FILE.yaml) with the alias "spastik": "spastic" merges them');
    expect(err).toContain('warning: years -5 (1 record), 99999 (1 record) are outside 1900–2100');
    expect(err).toContain('note: in the cerebral palsy vocabulary "dyskinetic" is "athetoid"; --cohort cerebral-palsy counts them together');
  });

  it('says in the text output that no vocabulary was applied', async () => {
    const { out } = await cli('summarize', messy);
    expect(out).toContain('31 records; no cohort vocabulary (types compared trimmed and lower-cased)');
    expect(out).not.toMatch(/^ spastic/m);
  });
});

describe('--cohort', () => {
  it('cerebral-palsy rejects the misspelling with a suggestion and merges the synonym', async () => {
    const strict = await cli('summarize', messy, '--cohort', 'cerebral-palsy');
    expect(strict.code).toBe(2);
    expect(strict.err).toContain(`${messy}:24: type: unknown type "spastik"; allowed: spastic, mixed, athetoid, ataxic, hypotonic, other (did you mean "spastic"?)`);
    const lenient = await cli('summarize', messy, '--cohort', 'cerebral-palsy', '--lenient', '--json');
    expect(lenient.code).toBe(0);
    const json = JSON.parse(lenient.out) as Summary;
    expect(json.cohort).toBe('cerebral-palsy (built-in vocabulary)');
    expect(json.distribution.rows.find((r) => r.type === 'athetoid')?.count).toBe(6);
    // the built-in vocabulary has no year range, so the years are still warned about
    expect(json.warnings.map((w) => w.code)).toEqual(['implausible-years']);
  });

  it('reads a cohort file (YAML) with types, aliases and years, and rejects what it does not allow', async () => {
    const cohort = file('clinic.yaml', 'name: My clinic\ntypes: [spastic, athetoid, mixed]\naliases: { spastik: spastic, dyskinetic: athetoid }\nyears: [2004, 2014]\n');
    const r = await cli('summarize', messy, '--cohort', cohort, '--lenient', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Summary & { rejected: { row: number; issues: { message: string }[] }[] };
    expect(json.cohort).toBe(`My clinic (${cohort})`);
    expect(json.distribution.rows).toEqual([
      expect.objectContaining({ type: 'spastic', count: 23 }),
      expect.objectContaining({ type: 'athetoid', count: 6 }),
    ]);
    expect(json.rejected.map((x) => [x.row, x.issues[0]!.message])).toEqual([
      [31, 'year must be from 2004 to 2014'],
      [32, 'year must be from 2004 to 2014'],
    ]);
    expect(json.warnings).toEqual([]);
  });

  it('reads a JSON cohort file that extends the built-in vocabulary', async () => {
    const cohort = file('cp.json', JSON.stringify({ extends: 'cerebral-palsy', years: [1990, 2030] }));
    const r = await cli('summarize', messy, '--cohort', cohort, '--lenient', '--json');
    const json = JSON.parse(r.out) as Summary & { rejected: unknown[] };
    expect(json.rejected).toHaveLength(3); // spastik, -5, 99999
    expect(json.warnings).toEqual([]);
  });

  it('explains what is wrong with a cohort file, naming the file and the key', async () => {
    const cases: [string, string, RegExp][] = [
      ['typo.yaml', 'types: [a, b]\nalias: { x: a }\n', /typo\.yaml: invalid cohort file:\n\(file\): unknown key\(s\) "alias"; allowed: name, description, extends, types, aliases, years/],
      ['target.yaml', 'types: [a, b]\naliases: { x: c }\n', /target\.yaml: invalid cohort file:\naliases\.x: "c" is not one of the types \(a, b\)/],
      ['none.yaml', 'name: nothing\n', /none\.yaml: invalid cohort file:\ntypes: list the types/],
      ['years.yaml', 'types: [a]\nyears: [2014, 2004]\n', /years\.yaml: invalid cohort file:\nyears: years must be \[from, to\] with from <= to/],
      ['twice.yaml', 'types: [a, A]\n', /twice\.yaml: invalid cohort file:\ntypes: type "A" is listed twice/],
      ['empty.yaml', '', /empty\.yaml: the cohort file is empty; it needs at least types/],
      ['broken.json', '{ "types": [', /broken\.json: cannot read the cohort file/],
    ];
    for (const [name, text, message] of cases) {
      const r = await cli('summarize', messy, '--cohort', file(name, text));
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(message);
    }
    const missing = await cli('summarize', messy, '--cohort', join(dir, 'nope.yaml'));
    expect(missing.err).toContain(`${join(dir, 'nope.yaml')}: no such file`);
    const unknown = await cli('summarize', messy, '--cohort', 'autism');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--cohort must be cerebral-palsy or a cohort file (.yaml, .yml or .json), got "autism"');
  });

  it('applies to the records of audit and report, and is refused without them', async () => {
    const r = await cli('audit', '--records', messy, '--cohort', 'cerebral-palsy');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown type "spastik"');
    expect((await cli('audit', '--cohort', 'cerebral-palsy')).err).toContain('--cohort checks the records of --records file.csv');
    expect((await cli('report', '--cohort', 'cerebral-palsy')).code).toBe(2);
  });
});
