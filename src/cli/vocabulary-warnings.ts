import { cerebralPalsyCohort } from '../schema/cerebral-palsy.js';
import type { Cohort } from '../schema/define-cohort.js';
import { recordWarnings, type RecordWarning } from '../schema/record-warnings.js';
import { countBy } from '../stats/count-by.js';
import type { CountTable } from '../stats/count-table.js';
import type { Io } from './io.js';

/** The warnings {@link recordWarnings} gives for the records counted in `table`. */
export function vocabularyWarnings(table: CountTable, cohort: Cohort<string> | undefined): RecordWarning[] {
  const types = countBy(table, 'type').map((k) => [String(k.key), k.count] as const);
  const years = countBy(table, 'year').map((k) => [k.key as number | null, k.count] as const);
  return recordWarnings(types, years, cohort);
}

/**
 * Print warnings on stderr, each with what to do about it. Without a cohort, also say when the
 * built-in cerebral palsy vocabulary would merge some of the types (`dyskinetic` is `athetoid`).
 */
export function printVocabularyWarnings(warnings: readonly RecordWarning[], table: CountTable, cohort: Cohort<string> | undefined, io: Io): void {
  for (const w of warnings) {
    const advice =
      w.code === 'similar-types' ? `; a cohort file (--cohort FILE.yaml) with the alias ${JSON.stringify(w.type)}: ${JSON.stringify(w.suggestion)} merges them`
      : w.code === 'implausible-years' ? ' (--cohort FILE.yaml with years: [from, to])'
      : '';
    io.err(`warning: ${w.message}${advice}\n`);
  }
  if (cohort !== undefined) return;
  const synonyms = table.types.filter((t) => {
    const canonical = cerebralPalsyCohort.normalizeType(t);
    return canonical !== undefined && canonical !== t;
  });
  if (synonyms.length > 0) {
    const shown = synonyms.slice(0, 5).map((t) => `"${t}" is "${cerebralPalsyCohort.normalizeType(t)}"`);
    io.err(`note: in the cerebral palsy vocabulary ${shown.join(', ')}${synonyms.length > 5 ? ', ...' : ''}; --cohort cerebral-palsy counts them together\n`);
  }
}
