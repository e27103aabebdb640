import type { Claim, ClaimsFile } from '../claims/schema.js';
import { compareToEvidence, type ClaimedRate } from '../meta/compare-to-evidence.js';
import { label, type AuditContext } from './audit-context.js';
import type { Check } from './finding.js';

type EvidenceEntry = NonNullable<ClaimsFile['evidence']>[number];

/** The rate a claim states: its printed percent (read with its rounding), else its count. */
export function claimedRate(claim: Claim, ctx: Pick<AuditContext, 'decimalComma'>): ClaimedRate | undefined {
  if (claim.percent !== undefined) return ctx.decimalComma ? claim.percent.replace(',', '.') : claim.percent;
  if (claim.numerator !== undefined) return { events: claim.numerator, n: claim.denominator };
  return undefined;
}

/**
 * A claimed rate against the published studies: `claim-outside-prediction` when everything the
 * printed figure can stand for lies outside the prediction interval of their pooled rate. Outside
 * is not impossible, so it is a warning: the claim is not what those studies lead one to expect.
 */
export function evidenceChecks(entry: EvidenceEntry, claim: Claim, path: string, ctx: AuditContext): Check[] {
  const rate = claimedRate(claim, ctx);
  if (rate === undefined) return [];
  const c = compareToEvidence(rate, entry.studies, { ...(entry.transform ? { transform: entry.transform } : {}), ...(entry.method ? { method: entry.method } : {}) });
  if (c.insidePrediction) return [];
  const p = c.pooled;
  const unsourced = entry.studies.filter((s) => s.source === undefined).length;
  return [
    {
      code: 'claim-outside-prediction',
      severity: 'warning',
      claim: claim.id,
      path,
      message:
        `${entry.id}: ${label(claim)}: ${c.message} A rate outside the prediction interval is possible, but it is not what these studies lead one to expect.` +
        (unsourced > 0 ? ` ${unsourced} of the ${entry.studies.length} studies name no source.` : ''),
      evidence: {
        claim: c.claim,
        claimRange: c.claimRange,
        position: c.position,
        pooled: { estimate: p.estimate, lower: p.lower, upper: p.upper, predictionLower: p.predictionLower, predictionUpper: p.predictionUpper, tau2: p.tau2, I2: p.I2, k: p.k, transform: p.transform, method: p.method, level: p.level },
        warnings: p.warnings,
        studies: entry.studies,
      },
    },
  ];
}
