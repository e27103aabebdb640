import { BUILTIN_COHORTS } from '../schema/cohort-file.js';
import { defineCohort, type Cohort } from '../schema/define-cohort.js';
import { checkInputFile } from './input-file.js';
import { UsageError } from './usage.js';

/** A cohort the CLI checks records against, and how to name it in output. */
export interface CohortChoice {
  cohort: Cohort<string>;
  label: string;
}

/** `--cohort cerebral-palsy` (a built-in vocabulary) or `--cohort FILE.yaml|yml|json` (a cohort definition file). */
export async function cohortOption(value: string | undefined): Promise<CohortChoice | undefined> {
  if (value === undefined) return undefined;
  const builtin = Object.hasOwn(BUILTIN_COHORTS, value) ? BUILTIN_COHORTS[value] : undefined;
  if (builtin !== undefined) return { cohort: defineCohort(builtin), label: `${value} (built-in vocabulary)` };
  if (!/\.(ya?ml|json)$/i.test(value)) {
    throw new UsageError(`--cohort must be ${Object.keys(BUILTIN_COHORTS).join(' or ')} or a cohort file (.yaml, .yml or .json), got ${JSON.stringify(value)}`);
  }
  await checkInputFile(value, 'a cohort file (YAML or JSON)');
  // the YAML reader loads only when a cohort file is given
  const { readCohortFile } = await import('../node/cohort-file.js');
  const cohort = await readCohortFile(value);
  return { cohort, label: cohort.name !== undefined ? `${cohort.name} (${value})` : value };
}
