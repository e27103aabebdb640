import { auditChart } from '../charts/audit-chart.js';
import { distributionChart, type ChartReference } from '../charts/distribution-chart.js';
import { forestPlot } from '../charts/forest-plot.js';
import { ratesChart } from '../charts/rates-chart.js';
import type { VegaLiteSpec } from '../charts/common.js';
import { auditClaims, type AuditReport } from '../audit/audit-claims.js';
import { compareToReference } from '../audit/compare-to-reference.js';
import { missingOutcomeBounds } from '../audit/missing-outcome-bounds.js';
import type { ClaimsFile } from '../claims/schema.js';
import { formatDecimal } from '../format/format-decimal.js';
import { formatInterval } from '../inference/interval-option.js';
import type { ReferenceDistribution } from '../schema/reference.js';
import { toCountTable, type CohortInput } from '../stats/count-table.js';
import { improvementRate } from '../stats/improvement-rate.js';
import { ratesBy } from '../stats/rates-by.js';
import { typeDistribution } from '../stats/type-distribution.js';
import { renderSvg } from './render-svg.js';

/** What a report is made from. */
export interface ReportInput {
  records: CohortInput;
  /** How to name the records in the report, e.g. "Sample cohort (synthetic data)". */
  recordsLabel: string;
  claims?: ClaimsFile;
  references?: Readonly<Record<string, ReferenceDistribution>>;
  /** The reference drawn as ticks on the case-mix chart (default: the first that maps every type one to one). */
  chartReference?: string;
}

/** A report: the HTML page and its charts as specifications and SVG. */
export interface Report {
  html: string;
  charts: Record<string, { spec: VegaLiteSpec; svg: string }>;
  audit: AuditReport | undefined;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (x: number, d = 1) => formatDecimal(x, { decimals: d, scale: 100 });

const CSS = `
@page { size: A4; margin: 14mm; }
body { font: 10.5pt/1.45 Helvetica, Arial, sans-serif; color: #111; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 8mm 0 2mm; border-bottom: 1px solid #ccc; break-after: avoid; }
p.note, .muted { color: #555; } figure { margin: 3mm 0; break-inside: avoid; } figure svg { width: 100%; max-width: 170mm; height: auto; }
figcaption { font-size: 9pt; color: #555; }
table { border-collapse: collapse; margin: 2mm 0; font-size: 9.5pt; break-inside: avoid; } th, td { padding: 1mm 3mm; border-bottom: 1px solid #e3e3e3; text-align: right; }
th:first-child, td:first-child { text-align: left; }
ul.findings { list-style: none; padding: 0; } ul.findings li { margin: 2mm 0; padding: 2mm 3mm; border-left: 4px solid #999; break-inside: avoid; }
li.error { border-color: #D55E00 !important; background: #fdf1ea; } li.warning { border-color: #E69F00 !important; background: #fdf8ec; } li.info { border-color: #0072B2 !important; background: #eef5fa; }
.tag { font-weight: bold; text-transform: uppercase; font-size: 8.5pt; margin-right: 2mm; }
`;

/**
 * A self-contained HTML report (inline SVG and CSS, no script, no network request, A4 print
 * layout): the case mix against a population register, improvement rates with intervals by year
 * and by type, the audit of published figures in plain language, and notes on the methods.
 *
 * @example
 * const report = await buildReport({ records: await loadSampleCohort(), recordsLabel: 'Sample (synthetic)' });
 * report.html.includes('<script'); // false
 */
export async function buildReport(input: ReportInput): Promise<Report> {
  const table = toCountTable(input.records);
  const distribution = typeDistribution(table, { decimals: 2, ci: { method: 'sison-glaz' } });
  const overall = improvementRate(table, { decimals: 1, ci: { method: 'wilson' } });
  const byYear = ratesBy(table, 'year', { decimals: 1, ci: { method: 'wilson' } });
  const byType = ratesBy(table, 'type', { decimals: 1, ci: { method: 'wilson' } });
  const counts = Object.fromEntries(distribution.rows.map((r) => [r.type, r.count]));
  const references = input.references ?? {};
  const comparisons = Object.values(references).flatMap((ref) => {
    try {
      return [compareToReference(counts, ref)];
    } catch {
      return []; // a reference without a mapping for these types is left out of the report
    }
  });
  const oneToOne = comparisons.find((c) => (input.chartReference ? c.reference.id === input.chartReference : c.excluded.length === 0));
  const chartReference: ChartReference | undefined = oneToOne
    ? { title: oneToOne.reference.title, shares: Object.fromEntries(oneToOne.groups.filter((g) => g.types.length === 1).map((g) => [g.types[0]!, g.referenceShare])) }
    : undefined;

  const specs: Record<string, VegaLiteSpec> = {
    'case-mix': distributionChart(distribution, chartReference ? { reference: chartReference } : {}),
    'rates-by-year': ratesChart(byYear),
    'rates-by-type': forestPlot(byType, overall.proportion !== null ? { overall: overall.proportion } : {}),
  };
  const audit = input.claims ? auditClaims(input.claims, { references }) : undefined;
  if (input.claims) specs.audit = auditChart(input.claims);
  const charts: Report['charts'] = {};
  for (const [name, spec] of Object.entries(specs)) charts[name] = { spec, svg: await renderSvg(spec) };
  const figure = (name: string, caption: string) =>
    charts[name] ? `<figure role="img" aria-label="${escape(String(charts[name].spec.description))}">${charts[name].svg}<figcaption>${escape(caption)}</figcaption></figure>` : '';

  const known = overall.total - overall.unknown;
  const bounds = missingOutcomeBounds({ improved: overall.improved, notImproved: known - overall.improved, unknown: overall.unknown });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Treatment outcomes report</title><style>${CSS}</style></head>
<body>
<h1>Treatment outcomes report</h1>
<p class="muted">Records: ${escape(input.recordsLabel)} (${table.total} patients).${input.claims ? ` Published figures: ${escape(input.claims.title)}, from ${escape(input.claims.source.name)}.` : ''}</p>

<h2>Case mix</h2>
${figure('case-mix', `Share of each type with 95% simultaneous Sison–Glaz intervals${chartReference ? `; ticks: ${chartReference.title}` : ''}.`)}
<table><thead><tr><th>Type</th><th>Patients</th><th>Share</th><th>95% CI (Sison–Glaz)</th></tr></thead><tbody>
${distribution.rows.map((r) => `<tr><td>${escape(r.type)}</td><td>${r.count}</td><td>${r.percent}%</td><td>${r.ci ? `${pct(r.ci.lower, 2)}–${pct(r.ci.upper, 2)}%` : ''}</td></tr>`).join('\n')}
</tbody></table>
${comparisons
  .map(
    (c) =>
      `<p>Compared with <em>${escape(c.reference.title)}</em>: χ² = ${c.test.statistic.toFixed(1)} on ${c.test.df} df (${c.test.pValue > 0 ? `p = ${c.test.pValue.toPrecision(2)}` : `p ≈ e<sup>${c.test.logPValue.toFixed(0)}</sup>`}), Cohen's w = ${c.cohensW.toFixed(2)}: the case mix ${c.divergent ? 'differs from' : 'does not differ detectably from'} the reference.${c.excluded.length ? ` Left out because the reference has no such category: ${c.excluded.map((e) => `${escape(e.type)} (${e.count})`).join(', ')}.` : ''}</p>`,
  )
  .join('\n')}

<h2>Improvement</h2>
<p>${overall.improved} of ${overall.denominator} patients with a known outcome improved: <strong>${overall.percent}%</strong> (${overall.ci ? escape(formatInterval(overall.ci, { decimals: 1 })) : ''}). ${overall.unknown} outcomes are unknown; counting them all as not improved gives ${pct(bounds.worstCase)}%, all as improved ${pct(bounds.bestCase)}%.</p>
${figure('rates-by-year', 'Improvement rate by year with 95% Wilson intervals.')}
${figure('rates-by-type', 'Improvement rate by type with 95% Wilson intervals; dashed line: overall rate.')}

${
  audit && input.claims
    ? `<h2>Audit of the published figures</h2>
<p>${audit.ok ? 'No error-level finding.' : `The published figures contain ${audit.summary.error} error(s)`}; ${audit.summary.warning} warning(s), ${audit.summary.info} note(s).</p>
<ul class="findings">${audit.findings.map((f) => `<li class="${f.severity}"><span class="tag">${f.severity}</span><code>${f.code}</code><br>${escape(f.message)}</li>`).join('\n')}</ul>
${figure('audit', 'Each published percent against the values whole counts allow: the band is what prints as claimed, ticks are exact shares k/n.')}`
    : ''
}

<h2>Methods</h2>
<ul>
<li>Shares of the case mix: exact counts; intervals are simultaneous 95% Sison–Glaz intervals (May–Johnson algorithm).</li>
<li>Improvement rates: improved among patients with a known outcome; 95% Wilson score intervals.</li>
<li>Percentages are printed by exact rational arithmetic (half-up). A published percent is judged under ordinary rounding, ties either way (half-up, half-down, half-even); the audit says when only truncation or ceiling could produce it.</li>
${Object.values(references)
  .map((r) => `<li>Reference: ${escape(r.title)}. ${escape(r.citation)}${r.verification ? ` <span class="muted">${escape(r.verification)}</span>` : ''}</li>`)
  .join('\n')}
</ul>
<p class="note">Made with treatment-outcomes. This page loads nothing from the network and runs no script.</p>
</body></html>
`;
  return { html, charts, audit };
}
