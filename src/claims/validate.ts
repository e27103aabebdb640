import { inspectClaims, type ClaimsProblem, type ClaimsWarning, type ParseClaimsOptions } from './parse.js';

/** What {@link validateClaims} found. */
export interface ClaimsValidation {
  /** No problem: the audit reads every figure of the file. */
  ok: boolean;
  /** Every problem, file-level and figure by figure, each with its path. */
  problems: ClaimsProblem[];
  warnings: ClaimsWarning[];
}

/**
 * Every reason the audit would refuse a claims file or leave a figure out, without throwing: a
 * writer of claims files (an extractor, an editor) checks what it wrote before saving it, and
 * keeps back or fixes each figure named here (a percent of 250, a numerator above its
 * denominator, a part listed twice ...).
 *
 * @example
 * const v = validateClaims({ title: 't', source: { name: 's' }, claims: [{ id: 'a', numerator: 9, denominator: 8, percent: '112.5' }] });
 * v.ok; // false
 * v.problems.map((p) => p.path); // ['claims[0].numerator', 'claims[0].percent']
 */
export function validateClaims(input: unknown, options: Pick<ParseClaimsOptions, 'format'> = {}): ClaimsValidation {
  const { problems, warnings } = inspectClaims(input, options);
  return { ok: problems.length === 0, problems, warnings };
}
