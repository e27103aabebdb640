import { assertOneOf } from '../exact/validate.js';

/** The alternative hypothesis of a test. */
export type Alternative = 'two-sided' | 'less' | 'greater';

export const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];

export function checkAlternative(alternative: unknown): Alternative {
  assertOneOf(alternative, ALTERNATIVES, 'alternative');
  return alternative;
}
