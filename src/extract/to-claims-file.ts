import type { ClaimsFileInput } from '../claims/schema.js';
import type { Extraction } from './extract-claims.js';

/**
 * An extraction as a claims file, ready for `auditClaims` or to save as YAML for a person to
 * check: spans stay on each claim, and what could not be resolved is listed under `unresolved`.
 *
 * @example
 * const file = toClaimsFile(extractClaims('We treated 200 patients, including 150 with spastic type (75%) and 50 with mixed type (25%).'), { title: 'Clinic', source: { name: 'page' } });
 * [file.claims.length, file.partitions.length]; // [2, 1]
 */
export function toClaimsFile(
  extraction: Extraction,
  meta: { title: string; source: { name: string; url?: string; accessed?: string; quote?: string }; decimalComma?: boolean },
): ClaimsFileInput & { claims: Extraction['claims']; partitions: { id: string; total: number; parts: string[] }[]; unresolved: Extraction['unresolved'] } {
  return {
    title: meta.title,
    source: meta.source,
    ...(meta.decimalComma ? { decimalComma: true } : {}),
    claims: extraction.claims,
    partitions: extraction.partitions.map((p) => ({ id: p.id, total: p.total, parts: p.parts, ...(p.difference !== 0 ? { note: `parts add up to ${p.total + p.difference}, ${p.difference > 0 ? 'over' : 'under'} the total by ${Math.abs(p.difference)}` } : {}) })),
    unresolved: extraction.unresolved,
  };
}
