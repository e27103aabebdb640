import { InputFormatError } from '../errors.js';
import { countCohortCsv } from '../node/csv.js';
import type { CountTable } from '../stats/count-table.js';
import type { CohortChoice } from './cohort-option.js';
import { checkInputFile } from './input-file.js';
import type { Io } from './io.js';
import { printVocabularyWarnings, vocabularyWarnings } from './vocabulary-warnings.js';

/**
 * The records of `--records file.csv` as counts, checked against `--cohort` when given: strict
 * (any bad row is an error naming its line), with the vocabulary warnings on stderr.
 */
export async function readRecordsOption(file: string | undefined, chosen: CohortChoice | undefined, io: Io): Promise<{ table: CountTable; file: string } | undefined> {
  if (file === undefined) return undefined;
  await checkInputFile(file, 'a cohort CSV file');
  const { table } = await countCohortCsv(file, { ...(chosen ? { cohort: chosen.cohort } : {}), ...(io.signal ? { signal: io.signal } : {}) });
  if (table.total === 0) throw new InputFormatError(`${file}: there are no records to count (the file has a header but no data rows)`, { file });
  printVocabularyWarnings(vocabularyWarnings(table, chosen?.cohort), table, chosen?.cohort, io);
  return { table, file };
}
