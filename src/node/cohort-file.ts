import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InputFormatError } from '../errors.js';
import { parseCohortFile } from '../schema/cohort-file.js';
import type { Cohort } from '../schema/define-cohort.js';

/**
 * Read a cohort definition file (`.yaml`, `.yml` or `.json`; schema `cohortFileSchema`) and build
 * its cohort, for `readCohortCsv(file, { cohort })` or the CLI's `--cohort FILE`.
 *
 * @example
 * const cohort = await readCohortFile(dataPath('cohorts/cerebral-palsy-2004-2014.yaml'));
 * cohort.years; // [2004, 2014]
 */
export async function readCohortFile(path: string): Promise<Cohort<string> & { name: string | undefined }> {
  const text = await readFile(path, 'utf8');
  if (text.trim() === '') throw new InputFormatError(`${path}: the cohort file is empty; it needs at least types (or extends: cerebral-palsy)`, { file: path });
  let value: unknown;
  try {
    value = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100, logLevel: 'error' });
  } catch (error) {
    throw new InputFormatError(`${path}: cannot read the cohort file: ${error instanceof Error ? error.message : String(error)}`, { file: path });
  }
  return parseCohortFile(value, { file: path });
}
