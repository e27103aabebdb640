import { describe, expect, it } from 'vitest';
import { parseClaims, readClaimsDocument } from '../../src/claims/parse.js';
import { validateClaims } from '../../src/claims/validate.js';
import { InputFormatError } from '../../src/errors.js';

const base = { title: 't', source: { name: 's' } };

describe('parseClaims', () => {
  it('reads YAML', () => {
    const { file } = parseClaims('title: t\nsource: { name: s }\nclaims:\n  - { id: a, numerator: 1, denominator: 8, percent: "12.5" }\n');
    expect(file.claims[0]?.percent).toBe('12.5');
  });

  it('names the path of every problem', () => {
    const bad = { title: 't', source: {}, claims: [{ id: 'a', denominator: 0, percent: '5' }, { id: 'a', numerator: 9, denominator: 8, percent: '5' }] };
    expect(() => parseClaims(bad)).toThrow(InputFormatError);
    expect(() => parseClaims(bad)).toThrow(/source\.name: source\.name is required/);
    expect(() => parseClaims(bad)).toThrow(/claims\[0\]\.denominator: denominator must be at least 1/);
    const dup = { ...base, claims: [{ id: 'a', denominator: 8, percent: '5' }, { id: 'a', numerator: 9, denominator: 8, percent: '5' }], partitions: [{ id: 'p', total: 8, parts: ['a', 'zz'] }] };
    expect(() => parseClaims(dup)).toThrow(/claims\[1\]\.id: "a" is used twice[\s\S]*claims\[1\]\.numerator: 9 exceeds[\s\S]*partitions\[0\]\.parts\[1\]: no claim has id "zz"/);
  });

  it('refuses malformed JSON and YAML with a typed error', () => {
    expect(() => parseClaims('{"title": ')).toThrow(InputFormatError);
    expect(() => parseClaims('title: [unclosed')).toThrow(InputFormatError);
    expect(() => readClaimsDocument('title: [unclosed', { file: 'c.yaml' })).toThrow(/^c\.yaml: cannot read the claims file/);
  });

  it('keeps __proto__ keys out of the result', () => {
    const { file } = parseClaims('{"title":"t","source":{"name":"s"},"__proto__":{"polluted":1},"claims":[{"id":"a","denominator":8,"percent":"5"}]}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(file)).not.toContain('__proto__');
  });

  it('rejects, strictly, what the audit cannot read: a percent "5O" or 250, a total of 0, a part listed twice', () => {
    const claims = [{ id: 'a', denominator: 8, percent: '5O' }, { id: 'b', denominator: 8, percent: '250' }, { id: 'c', denominator: 8, percent: '50' }];
    expect(() => parseClaims({ ...base, claims })).toThrow(/claims\[0\]\.percent: percent must be a printed decimal number[\s\S]*claims\[1\]\.percent: percent "250" is a percentage above 100/);
    expect(() => parseClaims({ ...base, claims, partitions: [{ id: 'p', total: 0, parts: ['c', 'c'] }] })).toThrow(/partitions\[0\]\.total: total must be at least 1/);
    expect(() => parseClaims({ ...base, claims: claims.slice(2), partitions: [{ id: 'p', total: 8, parts: ['c', 'c'] }] })).toThrow(/partitions\[0\]\.parts\[1\]: "c" is listed twice/);
  });

  it('with lenient, keeps the readable figures and returns the others as problems', () => {
    const { file, problems } = parseClaims(
      { ...base, claims: [{ id: 'a', denominator: 8, percent: '5O' }, { id: 'b', denominator: 8 }, { id: 'c', denominator: 'eight' }], partitions: [{ id: 'p', total: 8, parts: ['a', 'b'] }] },
      { lenient: true },
    );
    expect(file.claims.map((c) => c.id)).toEqual(['b']);
    expect(file.partitions).toEqual([]);
    expect(problems.map((p) => [p.code, p.path, p.id])).toEqual([
      ['figure-invalid', 'claims[2].denominator', 'c'],
      ['figure-invalid', 'claims[0].percent', 'a'],
      ['figure-unchecked', 'partitions[0]', 'p'],
    ]);
  });

  it('with lenient, still throws when the file itself cannot be read', () => {
    expect(() => parseClaims({ title: 't', claims: [] }, { lenient: true })).toThrow(/source/);
    expect(() => parseClaims('not: [valid', { lenient: true })).toThrow(InputFormatError);
  });

  it('reads a percent under a decimal comma with that mark only', () => {
    expect(parseClaims({ ...base, decimalComma: true, claims: [{ id: 'a', denominator: 8, percent: '12,5' }] }).file.claims[0]?.percent).toBe('12,5');
    expect(() => parseClaims({ ...base, decimalComma: true, claims: [{ id: 'a', denominator: 8, percent: '12.5' }] })).toThrow(/claims\[0\]\.percent/);
  });
});

describe('validateClaims', () => {
  it('lists every problem with its path, file-level ones included, without throwing', () => {
    expect(validateClaims({ ...base, claims: [{ id: 'a', numerator: 9, denominator: 8, percent: '112.5' }] }).problems.map((p) => p.path)).toEqual(['claims[0].numerator', 'claims[0].percent']);
    expect(validateClaims({ claims: [] }).problems.map((p) => [p.code, p.path])).toEqual([
      ['file-invalid', 'title'],
      ['file-invalid', 'source'],
      ['file-invalid', 'claims'],
    ]);
    expect(validateClaims('{').problems[0]).toMatchObject({ code: 'file-invalid', path: '(file)' });
  });

  it('passes a file the audit reads in full', () => {
    expect(validateClaims({ ...base, claims: [{ id: 'a', numerator: 1, denominator: 8, percent: '12.5' }] })).toEqual({ ok: true, problems: [], warnings: [] });
  });
});

describe('parseClaims: what depends on a bad figure', () => {
  it('names the claim the schema refused, and the partition a reference depends on', () => {
    const { problems } = parseClaims(
      { ...base, claims: [{ id: 'a', denominator: 8, percent: '50' }, { id: 'b', denominator: 'eight' }], partitions: [{ id: 'p', total: 8, parts: ['a', 'b'] }], references: [{ id: 'scpe', partition: 'p' }] },
      { lenient: true },
    );
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['claims[1].denominator', 'denominator must be a whole number'],
      ['partitions[0]', 'not checked, because claims[1] ("b") could not be read'],
      ['references[0]', 'not checked, because partition "p" was not checked'],
    ]);
  });

  it('gives a decimal-comma example when the file reads decimal commas', () => {
    expect(() => parseClaims({ ...base, decimalComma: true, claims: [{ id: 'a', denominator: 8, percent: '5O' }] })).toThrow(/such as "31,34"/);
  });
});
