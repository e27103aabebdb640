/** What a check found. Stable codes: tools and tests match on them. */
export type FindingCode =
  | 'percent-impossible'
  | 'percent-mismatch'
  | 'rounding-inconsistent'
  | 'count-sum-mismatch'
  | 'percent-sum-out-of-bounds'
  | 'subgroup-inconsistent'
  | 'denominator-unstated'
  | 'reference-divergent'
  | 'reference-unavailable'
  | 'claim-outside-prediction'
  | 'numerator-range'
  | 'percent-decimals-guessed'
  | 'records-mismatch'
  | 'records-basis'
  | 'figure-invalid'
  | 'figure-unchecked'
  | 'mean-impossible'
  | 'sd-impossible';

/** `error`: the numbers cannot be right; `warning`: they need a closer look; `info`: what they imply. */
export type Severity = 'error' | 'warning' | 'info';

/** One check that fired, in words and with the numbers behind it. */
export interface Check {
  code: FindingCode;
  severity: Severity;
  /** The claim (or partition, subgroup set) it is about. */
  claim?: string;
  /** Where in the claims file: 'claims[1]', 'claims[3].percent', 'partitions[0]', 'references[1]'; 'claims' for the table as a whole. */
  path: string;
  message: string;
  evidence: Record<string, unknown>;
}

/**
 * Everything the audit found about one figure (a claim, a partition, a subgroup set, one
 * reference comparison, the rounding of the table): the most severe check is the primary one
 * (its code, severity, message and evidence are the finding's own), the others are `related`.
 * One misprint is one finding, however many checks it fails.
 */
export interface Finding extends Check {
  /** Every code of the figure's checks, the primary one first. */
  codes: FindingCode[];
  /** The figure's other checks, most severe first. */
  related: Check[];
}

/** Counts of findings (one per figure) by their severity, and of the checks behind them. */
export interface AuditSummary extends Record<Severity, number> {
  /** Figures with any finding. */
  figures: number;
  /** Every check that fired, related ones included, by severity. */
  checks: Record<Severity, number>;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The figure a path belongs to: 'claims[3].percent' → 'claims[3]'. */
export const figureOf = (path: string): string => /^[^.[]*(\[\d+\])?/.exec(path)![0];

/** Group checks by the figure they are about, in the order figures first appear; the most severe check leads. */
export function groupChecks(checks: readonly Check[]): Finding[] {
  const groups = new Map<string, Check[]>();
  for (const c of checks) {
    const key = figureOf(c.path);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()].map((list) => {
    const [primary, ...related] = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    return { ...primary!, codes: [primary!.code, ...related.map((r) => r.code)], related };
  });
}

/** Counts for {@link AuditSummary}. */
export function summarize(findings: readonly Finding[]): AuditSummary {
  const summary: AuditSummary = { error: 0, warning: 0, info: 0, figures: findings.length, checks: { error: 0, warning: 0, info: 0 } };
  for (const f of findings) {
    summary[f.severity] += 1;
    summary.checks[f.severity] += 1;
    for (const r of f.related) summary.checks[r.severity] += 1;
  }
  return summary;
}
