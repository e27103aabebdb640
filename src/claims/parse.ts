import { parse as parseYaml } from 'yaml';
import { InputFormatError } from '../errors.js';
import { claimsFileSchema, type ClaimsFile } from './schema.js';

/** A problem found while reading a claims file that does not stop the audit. */
export interface ClaimsWarning {
  path: string;
  message: string;
}

/** Options of {@link parseClaims}. */
export interface ParseClaimsOptions {
  /** How to read a string: 'json', 'yaml' (YAML also reads JSON), or 'auto' (default: by its first character). */
  format?: 'json' | 'yaml' | 'auto';
  /** Name used in messages. */
  file?: string;
}

const pathText = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(file)';

/**
 * Read and validate a claims file from JSON or YAML text (or an already-parsed object). Errors
 * name the path of every bad field; a percent given as a number is accepted with a warning,
 * since its printed decimals ("96.0" vs "96") are lost.
 *
 * @example
 * const { file, warnings } = parseClaims('{"title":"t","source":{"name":"s"},"claims":[{"id":"a","denominator":8,"percent":12.5}]}');
 * file.claims[0].percent; // '12.5'
 * warnings[0].path;       // 'claims[0].percent'
 */
export function parseClaims(input: unknown, options: ParseClaimsOptions = {}): { file: ClaimsFile; warnings: ClaimsWarning[] } {
  const where = options.file !== undefined ? `${options.file}: ` : '';
  let data: unknown = input;
  if (typeof input === 'string') {
    const format = options.format ?? 'auto';
    try {
      data = format === 'json' || (format === 'auto' && /^\s*[{[]/.test(input)) ? JSON.parse(input) : parseYaml(input, { maxAliasCount: 100, logLevel: 'error' });
    } catch (error) {
      throw new InputFormatError(`${where}cannot read the claims file: ${error instanceof Error ? error.message : String(error)}`, { file: options.file });
    }
  }
  const parsed = claimsFileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`);
    throw new InputFormatError(`${where}invalid claims file:\n${lines.join('\n')}`, { file: options.file });
  }
  const warnings: ClaimsWarning[] = [];
  const claims = parsed.data.claims.map((c, i) => {
    if (typeof c.percent === 'number') {
      warnings.push({ path: `claims[${i}].percent`, message: `percent ${c.percent} was given as a number, so its printed decimals were guessed as "${String(c.percent)}"; write it as a string exactly as printed` });
      return { ...c, percent: String(c.percent) };
    }
    const { percent, ...rest } = c;
    return percent === undefined ? rest : { ...rest, percent };
  });
  const file: ClaimsFile = { ...parsed.data, claims };
  const ids = new Set<string>();
  const problems: string[] = [];
  claims.forEach((c, i) => {
    if (ids.has(c.id)) problems.push(`claims[${i}].id: "${c.id}" is used twice`);
    ids.add(c.id);
    if (c.numerator !== undefined && c.numerator > c.denominator) problems.push(`claims[${i}].numerator: ${c.numerator} exceeds the denominator ${c.denominator}`);
  });
  file.partitions?.forEach((p, i) => p.parts.forEach((id, j) => ids.has(id) || problems.push(`partitions[${i}].parts[${j}]: no claim has id "${id}"`)));
  file.subgroups?.forEach((s, i) => {
    if (!ids.has(s.total)) problems.push(`subgroups[${i}].total: no claim has id "${s.total}"`);
    s.groups.forEach((id, j) => ids.has(id) || problems.push(`subgroups[${i}].groups[${j}]: no claim has id "${id}"`));
  });
  const partitionIds = new Set(file.partitions?.map((p) => p.id));
  file.references?.forEach((r, i) => partitionIds.has(r.partition) || problems.push(`references[${i}].partition: no partition has id "${r.partition}"`));
  if (problems.length > 0) throw new InputFormatError(`${where}invalid claims file:\n${problems.join('\n')}`, { file: options.file });
  return { file, warnings };
}
