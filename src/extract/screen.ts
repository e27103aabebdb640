import type { ExtractedClaim, Extraction } from './types.js';

/** Why a claim cannot go into a claims file as it stands, or undefined when it can. */
function problem(c: ExtractedClaim): string | undefined {
  if (!Number.isSafeInteger(c.denominator) || c.denominator < 1) return `the denominator ${c.denominator} is not a whole number of at least 1`;
  if (c.numerator !== undefined && (!Number.isSafeInteger(c.numerator) || c.numerator < 0)) return `the count ${c.numerator} is not a whole number`;
  if (c.numerator !== undefined && c.numerator > c.denominator) return `the count ${c.numerator} is larger than its total ${c.denominator}`;
  if (c.percent !== undefined) {
    const p = Number(c.percent);
    if (!/^\d+(?:\.\d+)?$/.test(c.percent) || !Number.isFinite(p)) return `the percent "${c.percent}" cannot be read`;
    if (p > 100) return `the percent ${c.percent} is above 100`;
  }
  if (c.numerator === undefined && c.percent === undefined) return 'neither a count nor a percent';
  return undefined;
}

/**
 * Keep only what a claims file can hold, so that `extract` never writes a file its own audit
 * rejects: a claim with a count above its total or a percent above 100 moves to `unresolved`
 * with the reason, and partitions keep only parts that remain (at least two of them). Claims are
 * put in text order.
 */
export function screenExtraction(extraction: Extraction): Extraction {
  const claims: ExtractedClaim[] = [];
  const unresolved = [...extraction.unresolved];
  for (const c of extraction.claims) {
    const why = problem(c);
    if (why === undefined) claims.push(c);
    else unresolved.push({ text: c.span.quote, reason: why, span: c.span });
  }
  claims.sort((a, b) => a.span.start - b.span.start);
  const kept = new Set(claims.map((c) => c.id));
  const partitions = extraction.partitions
    .map((p) => ({ ...p, parts: [...new Set(p.parts.filter((id) => kept.has(id)))] }))
    .filter((p) => p.parts.length >= 2 && Number.isSafeInteger(p.total) && p.total >= 1);
  unresolved.sort((a, b) => a.span.start - b.span.start);
  return { ...extraction, claims, partitions, unresolved };
}
