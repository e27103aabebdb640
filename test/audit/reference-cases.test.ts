// The published GRIM / DEBIT cases (scrutiny, scrutipy) from shared/reference/audit.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkMean } from '../../src/audit/check-mean.js';
import { debit } from '../../src/audit/debit.js';
import type { RoundingMode } from '../../src/format/rounding.js';

interface Case {
  id: string;
  source: string;
  kind: 'grim' | 'grim_percent' | 'debit';
  inputs: { x: string; sd?: string; n: number; items?: number; percent?: boolean; rounding?: string };
  expected: { consistent: boolean };
  source_expected?: { consistent: boolean };
}
const { cases } = JSON.parse(readFileSync(new URL('../fixtures/reference/audit.json', import.meta.url), 'utf8')) as { cases: Case[] };

// scrutiny's names; trunc and anti_trunc equal floor and ceil for the non-negative values in these cases.
const MODES: Record<string, RoundingMode[]> = {
  up_or_down: ['half-up', 'half-down'],
  up: ['half-up'],
  down: ['half-down'],
  even: ['half-even'],
  ceiling: ['ceil'],
  floor: ['floor'],
  trunc: ['floor'],
  anti_trunc: ['ceil'],
  ceiling_or_floor: ['ceil', 'floor'],
};

describe('published consistency cases', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThan(80);
    expect(cases.every((c) => !c.inputs.x.startsWith('-'))).toBe(true);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const rounding = MODES[c.inputs.rounding ?? 'up_or_down'];
    expect(rounding).toBeDefined();
    const result =
      c.kind === 'debit'
        ? debit(c.inputs.x, c.inputs.sd ?? '', c.inputs.n, { rounding })
        : checkMean(c.inputs.x, c.inputs.n, { items: c.inputs.items ?? 1, percent: c.kind === 'grim_percent', rounding });
    expect(result.consistent).toBe(c.expected.consistent);
  });

  it('disagrees with scrutiny exactly where its floating-point tolerance errs', () => {
    const disagreements = cases.filter((c) => c.source_expected && c.source_expected.consistent !== c.expected.consistent);
    expect(disagreements.map((c) => c.id)).toEqual(['grim-086', 'grim-104', 'grim-107', 'grim-128', 'grim-131', 'grim-140', 'grim-143']);
  });
});
