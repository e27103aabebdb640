import type { ClaimsFileInput } from '../claims/schema.js';
import type { ExtractedClaim, ExtractedMean, Extraction } from './types.js';

/** A claim as written to a claims file: its span stays, the paragraph it came from goes to `source.quote`. */
export type ClaimsFileClaim = Omit<ExtractedClaim, 'context'>;

/**
 * An extraction as a claims file, ready for `auditClaims` or to save as YAML for a person to
 * check: spans and how each denominator was found stay on each claim, and what could not be
 * resolved is listed under `unresolved`. Percents are written with a '.' decimal mark whatever
 * the page's locale ("31,34 %" is written "31.34"), so the file audits the same everywhere.
 *
 * @example
 * const file = toClaimsFile(extractClaims('We treated 200 patients, including 150 with spastic type (75%) and 50 with mixed type (25%).'), { title: 'Clinic', source: { name: 'page' } });
 * [file.claims.length, file.partitions.length]; // [2, 1]
 */
export function toClaimsFile(
  extraction: Pick<Extraction, 'claims' | 'partitions' | 'unresolved' | 'means'>,
  meta: { title: string; source: { name: string; url?: string; accessed?: string; quote?: string } },
): Omit<ClaimsFileInput, 'means'> & { claims: ClaimsFileClaim[]; partitions: { id: string; total: number; parts: string[]; note?: string }[]; means?: Omit<ExtractedMean, 'context'>[]; unresolved: Extraction['unresolved'] } {
  return {
    title: meta.title,
    source: meta.source,
    claims: extraction.claims.map(({ context: _context, ...claim }) => claim),
    partitions: extraction.partitions.map((p) => ({ id: p.id, total: p.total, parts: p.parts, ...(p.difference !== 0 ? { note: `parts add up to ${p.total + p.difference}, ${p.difference > 0 ? 'over' : 'under'} the total by ${Math.abs(p.difference)}` } : {}) })),
    // means read from the page's tables keep their spans too
    ...(extraction.means && extraction.means.length > 0 ? { means: extraction.means.map(({ context: _context, ...mean }) => mean) } : {}),
    unresolved: extraction.unresolved,
  };
}
