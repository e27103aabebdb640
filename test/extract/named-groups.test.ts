import { describe, expect, it } from 'vitest';
import { declaredName, usedName } from '../../src/extract/named-groups.js';

const at = (text: string, needle: string) => {
  const start = text.indexOf(needle);
  return { start, end: start + needle.length };
};

describe('declaredName', () => {
  it('reads the name printed before or after a count', () => {
    const cases: [string, string, string | undefined][] = [
      ['un grupo estudio (n=142) a quienes', '142', 'estudio'],
      ['y un grupo control (n=100) manejados', '100', 'control'],
      ['al grupo A pertenecían 44 pacientes', '44', 'A'],
      ['Le groupe A comportait 114 patients', '114', 'A'],
      ['the intervention group (n = 50) and', '50', 'intervention'],
      ['44 patients in group B were', '44', 'B'],
      ['we treated 44 patients', '44', undefined],
      ['the group of 44 patients', '44', undefined],
    ];
    for (const [text, count, name] of cases) expect([text, declaredName(text, 0, at(text, count), text.length, false)]).toEqual([text, name]);
  });

  it('reads the next group of a list only once a first one was named', () => {
    const text = 'al grupo A pertenecían 44 pacientes (57,1 %) y al B, 33 (42,9 %)';
    expect(declaredName(text, 0, at(text, '33'), text.length, true)).toBe('B');
    expect(declaredName(text, 0, at(text, '33'), text.length, false)).toBeUndefined();
  });
});

describe('usedName', () => {
  it('reads the group a percent is of, in a list by position', () => {
    const text = '20,5 % y 23,3 % en los grupos A y B, respectivamente';
    expect(usedName(text, at(text, '20,5 %'), 0, text.length)).toBe('A');
    expect(usedName(text, at(text, '23,3 %'), 0, text.length)).toBe('B');
    const brackets = 'del 6,8 % (grupo A) y 9,1 % (grupo B)';
    expect(usedName(brackets, at(brackets, '9,1 %'), 0, brackets.length)).toBe('B');
    const after = 'el 88,7% de los pacientes del grupo estudio evolucionaron';
    expect(usedName(after, at(after, '88,7%'), 0, after.length)).toBe('estudio');
    const before = 'In the control group 30% had complications';
    expect(usedName(before, at(before, '30%'), 0, before.length)).toBe('control');
  });

  it('finds no group where the words after a percent name none', () => {
    const text = '53.9% of the children had bilateral spastic CP';
    expect(usedName(text, at(text, '53.9%'), 0, text.length)).toBeUndefined();
    const groups = '12% in both groups';
    expect(usedName(groups, at(groups, '12%'), 0, groups.length)).toBeUndefined();
  });
});
