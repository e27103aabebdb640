import { describe, expect, it } from 'vitest';
import { InputFormatError } from '../../src/errors.js';
import { readCohortFile } from '../../src/node/cohort-file.js';
import { dataPath, sampleCohortDefinition } from '../../src/node/sample.js';
import { CEREBRAL_PALSY } from '../../src/schema/cerebral-palsy.js';
import { cohortFileSchema, parseCohortFile } from '../../src/schema/cohort-file.js';

describe('parseCohortFile', () => {
  it('builds a cohort from types, aliases and years', () => {
    const cohort = parseCohortFile({ name: 'x', types: ['a', 'b'], aliases: { alpha: 'a' }, years: [2000, 2001] });
    expect(cohort.name).toBe('x');
    expect(cohort.normalizeType(' ALPHA ')).toBe('a');
    const { records, rejected } = cohort.parse([{ type: 'alpha', year: 2002, outcome: 'improved' }, { type: 'b', year: 2000, outcome: 'improved' }], { mode: 'lenient' });
    expect(records).toEqual([{ type: 'b', year: 2000, outcome: 'improved' }]);
    expect(rejected[0]!.issues[0]!.message).toBe('year must be from 2000 to 2001');
  });

  it('extends a built-in vocabulary: its types unless replaced, its aliases for the types kept', () => {
    const all = parseCohortFile({ extends: 'cerebral-palsy' });
    expect(all.types).toEqual(CEREBRAL_PALSY.types);
    expect(all.normalizeType('dyskinetic')).toBe('athetoid');
    const some = parseCohortFile({ extends: 'cerebral-palsy', types: ['spastic', 'other'], aliases: { diplegia: 'spastic' } });
    expect(some.types).toEqual(['spastic', 'other']);
    expect(some.normalizeType('spastic diplegia')).toBe('spastic');
    expect(some.normalizeType('diplegia')).toBe('spastic');
    expect(some.normalizeType('dyskinetic')).toBeUndefined(); // its target is not one of the types
  });

  it('reports every problem with its path in one InputFormatError', () => {
    const attempt = () => parseCohortFile({ types: [], years: [1, 'x'], colour: 'blue' }, { file: 'c.yaml' });
    expect(attempt).toThrow(InputFormatError);
    expect(attempt).toThrow(/^c\.yaml: invalid cohort file:\n/);
    const message = (() => {
      try {
        attempt();
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message).toContain('unknown key(s) "colour"');
    expect(message).toContain('types: types must list at least one type');
    expect(message).toContain('years[1]: years must be whole numbers, as [from, to]');
    expect(() => parseCohortFile(null)).toThrow(/a cohort file must be a mapping/);
    expect(() => parseCohortFile({ extends: 'autism' })).toThrow(/extends: extends must be one of cerebral-palsy/);
  });

  it('is a zod schema whose type is inferred', () => {
    expect(cohortFileSchema.safeParse({ types: ['a'] }).success).toBe(true);
    expect(cohortFileSchema.safeParse({ types: ['a'], alias: {} }).success).toBe(false);
  });
});

describe('readCohortFile', () => {
  it('reads the bundled file, which is the sample cohort vocabulary', async () => {
    const cohort = await readCohortFile(dataPath('cohorts/cerebral-palsy-2004-2014.yaml'));
    expect(cohort.types).toEqual(sampleCohortDefinition.types);
    expect(cohort.years).toEqual(sampleCohortDefinition.years);
    expect([...cohort.aliases]).toEqual([...sampleCohortDefinition.aliases]);
  });
});
