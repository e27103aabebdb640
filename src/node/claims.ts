import { readFile, readdir } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { parseClaims, readClaimsDocument, type ParsedClaims } from '../claims/parse.js';
import type { ClaimsFile } from '../claims/schema.js';
import { parseReferenceDistribution } from '../audit/compare-to-reference.js';
import type { ReferenceDistribution } from '../schema/reference.js';
import { dataPath } from './sample.js';

/**
 * Read a claims file (`.json`, `.yaml` or `.yml`) and validate it. With `lenient`, a figure that
 * cannot be read is returned in `problems` and the rest is kept (only an unreadable file throws);
 * `auditClaims(data)` then audits every figure and reports the bad ones with their paths.
 *
 * @example
 * const { file } = await readClaimsFile(dataPath('seed-claims.json'));
 * file.claims.length; // 5
 */
export async function readClaimsFile(path: string, options: { lenient?: boolean } = {}): Promise<ParsedClaims & { data: unknown }> {
  const text = await readFile(path, 'utf8');
  const ext = extname(path).toLowerCase();
  const format = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : 'auto';
  const data = readClaimsDocument(text, { file: path, format });
  return { ...parseClaims(data, { file: path, ...(options.lenient !== undefined ? { lenient: options.lenient } : {}) }), data };
}

/**
 * The bundled population distributions (data/reference/*.json), by id.
 *
 * @example
 * const refs = await loadReferences();
 * Object.keys(refs); // ['china-six-provinces', 'scpe']
 */
export async function loadReferences(): Promise<Record<string, ReferenceDistribution>> {
  const dir = dirname(dataPath('reference/cp-types-scpe.json'));
  const out: Record<string, ReferenceDistribution> = {};
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const reference = parseReferenceDistribution(JSON.parse(await readFile(join(dir, name), 'utf8')));
    out[reference.id] = reference;
  }
  return out;
}
