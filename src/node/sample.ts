import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCohort, type CohortRecordOf } from '../schema/define-cohort.js';
import { CEREBRAL_PALSY, type CerebralPalsyType } from '../schema/cerebral-palsy.js';
import { readCohortCsv } from './csv.js';

/** The measures of the bundled sample: age, sex, GMFCS level and months of follow-up (all synthetic). */
export const SAMPLE_MEASURES = /* @__PURE__ */ Object.freeze({
  age: { kind: 'number', min: 0, max: 120, unit: 'years', label: 'Age' },
  sex: { kind: 'category', values: ['female', 'male'], label: 'Sex' },
  gmfcs: { kind: 'ordinal', levels: [1, 2, 3, 4, 5], label: 'GMFCS level' },
  followUpMonths: { kind: 'integer', min: 0, unit: 'months', label: 'Follow-up' },
} as const);

/** The vocabulary of the bundled sample: cerebral palsy types, years 2004–2014, and its measures. */
export const sampleCohortDefinition = /* @__PURE__ */ defineCohort({ ...CEREBRAL_PALSY, years: [2004, 2014], measures: SAMPLE_MEASURES });

/**
 * Absolute path of a file in the package's `data/` folder (found from this module's location,
 * so it works from `src/` in development and from `dist/` once installed).
 *
 * @example
 * dataPath('seed-claims.json'); // '/…/data/seed-claims.json'
 */
export function dataPath(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'data', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`bundled data file ${name} not found next to ${fileURLToPath(import.meta.url)}`);
}

/**
 * The bundled **synthetic** sample cohort (4278 records; type counts as the clinic published).
 *
 * @example
 * const records = await loadSampleCohort();
 * records.length; // 4278
 */
export async function loadSampleCohort(): Promise<CohortRecordOf<CerebralPalsyType, typeof SAMPLE_MEASURES>[]> {
  const { records } = await readCohortCsv(dataPath('sample-cohort.csv'), { cohort: sampleCohortDefinition });
  return records;
}
