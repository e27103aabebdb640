// The report's section on published studies: for each `evidence` entry of a claims file, the
// forest plot of the studies with the claimed rate, and the comparison in words.
import { claimedRate } from '../audit/evidence-findings.js';
import { forestPlot } from '../charts/forest-plot.js';
import type { VegaLiteSpec } from '../charts/common.js';
import type { ClaimsFile } from '../claims/schema.js';
import { TreatmentOutcomesError } from '../errors.js';
import { compareToEvidence, type EvidenceComparison } from '../meta/compare-to-evidence.js';

export interface EvidenceFigure {
  name: string;
  entry: NonNullable<ClaimsFile['evidence']>[number];
  comparison: EvidenceComparison;
  spec: VegaLiteSpec;
}

/** One figure per evidence entry that can be pooled (the audit reports the others). */
export function evidenceFigures(claims: ClaimsFile): EvidenceFigure[] {
  const out: EvidenceFigure[] = [];
  (claims.evidence ?? []).forEach((entry, k) => {
    const claim = claims.claims.find((c) => c.id === entry.claim);
    const rate = claim && claimedRate(claim, { decimalComma: claims.decimalComma ?? false });
    if (rate === undefined) return;
    try {
      const comparison = compareToEvidence(rate, entry.studies, { ...(entry.transform ? { transform: entry.transform } : {}), ...(entry.method ? { method: entry.method } : {}) });
      const spec = forestPlot(comparison.pooled, { claim: comparison.claim, claimLabel: 'claimed', title: `${claim!.label ?? claim!.id} against ${entry.studies.length} published ${entry.studies.length === 1 ? 'study' : 'studies'}` });
      out.push({ name: `evidence-${k}`, entry, comparison, spec });
    } catch (error) {
      if (!(error instanceof TreatmentOutcomesError)) throw error;
    }
  });
  return out;
}

/** The section's HTML; `figure` renders a chart by name with its caption, `escape` escapes text. */
export function evidenceHtml(figures: readonly EvidenceFigure[], figure: (name: string, caption: string) => string, escape: (text: string) => string): string {
  if (figures.length === 0) return '';
  return `<h2>Against published studies</h2>
<p class="muted">Each list of studies is pooled as a meta-analysis of proportions (metafor's method, reproduced). The prediction interval is where the rate of a new study like these is expected to fall; a claimed rate is reported as outside it only if every value its printed digits can stand for is.</p>
${figures
  .map(
    ({ name, entry, comparison }) => `<p>${escape(comparison.message)}</p>
${figure(name, `Each study's rate with its ${Math.round(comparison.pooled.level * 100)}% interval; diamond: the pooled rate (${comparison.pooled.method}, ${comparison.pooled.transform} scale) with its confidence interval; bar: the prediction interval for a new study; dashed line: the claimed rate.`)}
<table><thead><tr><th>Study</th><th>Events</th><th>Of</th><th>Source</th></tr></thead><tbody>
${entry.studies.map((s) => `<tr><td>${escape(s.label)}</td><td>${s.events}</td><td>${s.n}</td><td>${s.source ? escape(s.source) : '<span class="muted">not given</span>'}</td></tr>`).join('\n')}
</tbody></table>
${comparison.pooled.warnings.map((w) => `<p class="note">${escape(w)}</p>`).join('\n')}`,
  )
  .join('\n')}
`;
}
