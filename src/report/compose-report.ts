import { auditChart } from '../charts/audit-chart.js';
import { distributionChart, type ChartReference } from '../charts/distribution-chart.js';
import { forestPlot } from '../charts/forest-plot.js';
import { ratesChart } from '../charts/rates-chart.js';
import type { VegaLiteSpec } from '../charts/common.js';
import { auditClaims, type AuditReport } from '../audit/audit-claims.js';
import { compareToReference, type ReferenceComparison } from '../audit/compare-to-reference.js';
import { auditSummaryLine } from '../audit/format-report.js';
import { missingOutcomeBounds } from '../audit/missing-outcome-bounds.js';
import { parseClaims } from '../claims/parse.js';
import type { ClaimsFile } from '../claims/schema.js';
import { InvalidArgumentError, describeValue } from '../errors.js';
import { formatDecimal } from '../format/format-decimal.js';
import { formatPValue } from '../format/format-p-value.js';
import { formatInterval } from '../inference/interval-option.js';
import type { ReferenceDistribution } from '../schema/reference.js';
import { isCountTable, toCountTable, type CohortInput, type CountTable } from '../stats/count-table.js';
import { improvementRate, type ImprovementRate } from '../stats/improvement-rate.js';
import { ratesBy } from '../stats/rates-by.js';
import { typeDistribution, type TypeDistribution } from '../stats/type-distribution.js';
import { evidenceFigures, evidenceHtml } from './evidence-section.js';

/** What a report is made from: records, published claims, or both. */
export interface ReportInput {
  /** Record-level data (records or a count table). Without it the report shows the published figures and their audit only. */
  records?: CohortInput;
  /** How to name the records in the report, e.g. "registry.csv" (default "the records given"). */
  recordsLabel?: string;
  /** The records are synthetic (such as the bundled sample): said in the heading and on every chart. */
  synthetic?: boolean;
  /**
   * The published figures: a claims file as `parseClaims` returns it, or as read from its JSON or YAML.
   * A figure that cannot be read is shown as a `figure-invalid` finding; the others are audited and drawn.
   */
  claims?: ClaimsFile;
  references?: Readonly<Record<string, ReferenceDistribution>>;
  /** The reference drawn as ticks on the case-mix chart (default: the first that maps every type one to one). */
  chartReference?: string;
}

/** Draws one chart as SVG markup: `renderSvg` in the node entry, or vega's `View#toSVG` in a browser. */
export type ChartRenderer = (spec: VegaLiteSpec) => Promise<string>;

/** A report: the HTML page and its charts as specifications and SVG. */
export interface Report {
  html: string;
  charts: Record<string, { spec: VegaLiteSpec; svg: string }>;
  audit: AuditReport | undefined;
}

/** Rows an HTML table of the report lists at most; the rest are counted under it. */
const MAX_HTML_ROWS = 100;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (x: number, d = 1) => formatDecimal(x, { decimals: d, scale: 100 });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const SYNTHETIC_NOTE = 'Synthetic data: invented records, not real patients';

const CSS = `
@page { size: A4; margin: 14mm; }
body { font: 10.5pt/1.45 Helvetica, Arial, sans-serif; color: #111; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 8mm 0 2mm; border-bottom: 1px solid #ccc; break-after: avoid; }
p.note, .muted { color: #555; } figure { margin: 3mm 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #555; }
p.synthetic { border: 2px solid #E69F00; background: #fdf8ec; padding: 2mm 3mm; font-weight: bold; }
table { border-collapse: collapse; margin: 2mm 0; font-size: 9.5pt; break-inside: avoid; } th, td { padding: 1mm 3mm; border-bottom: 1px solid #e3e3e3; text-align: right; }
th:first-child, td:first-child { text-align: left; }
ul.findings { list-style: none; padding: 0; } ul.findings li { margin: 2mm 0; padding: 2mm 3mm; border-left: 4px solid #999; break-inside: avoid; }
li.error { border-color: #D55E00 !important; background: #fdf1ea; } li.warning { border-color: #E69F00 !important; background: #fdf8ec; } li.info { border-color: #0072B2 !important; background: #eef5fa; }
.tag { font-weight: bold; text-transform: uppercase; font-size: 8.5pt; margin-right: 2mm; }
dl.terms dt { font-weight: bold; } dl.terms dd { margin: 0 0 2mm 4mm; }
`;

function checkInput(input: ReportInput): void {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError('input', input, `a report takes { records?, recordsLabel?, claims?, references? }, got ${describeValue(input)}`);
  if (input.records === undefined && input.claims === undefined) throw new InvalidArgumentError('input', input, 'a report needs records, claims or both');
  if (input.recordsLabel !== undefined && typeof input.recordsLabel !== 'string') throw new InvalidArgumentError('recordsLabel', input.recordsLabel, `recordsLabel must be text, got ${describeValue(input.recordsLabel)}`);
  if (input.records !== undefined && !isCountTable(input.records) && !Array.isArray(input.records)) throw new InvalidArgumentError('records', input.records, `records must be an array of records or a count table, got ${describeValue(input.records)}`);
}

/** `rows` as table rows, at most {@link MAX_HTML_ROWS}, and a row saying how many more there are. */
function tableRows<T>(rows: readonly T[], columns: number, render: (row: T) => string, noun: string): string {
  const shown = rows.slice(0, MAX_HTML_ROWS).map(render);
  if (rows.length > MAX_HTML_ROWS) shown.push(`<tr><td colspan="${columns}" class="muted">… and ${rows.length - MAX_HTML_ROWS} more ${noun} (the command's --json output lists them all)</td></tr>`);
  return shown.join('\n');
}

function comparisonText(c: ReferenceComparison): string {
  const folded = c.unreported.length && c.foldedInto !== null ? ` The reference's ${c.unreported.map((u) => escape(u.label || u.id)).join(', ')} (not listed separately here) are counted with ${escape(c.foldedInto)}.` : '';
  const excluded = c.excluded.length ? ` Left out because the reference has no such category: ${c.excluded.map((e) => `${escape(e.type)} (${e.count})`).join(', ')}.` : '';
  return `<p>Compared with <em>${escape(c.reference.title)}</em>: χ² = ${c.test.statistic.toFixed(1)} on ${c.test.df} df (${formatPValue(c.test.pValue, c.test.logPValue, 'html')}), Cohen's w = ${c.cohensW.toFixed(2)}: the case mix ${c.divergent ? 'differs from' : 'does not differ detectably from'} the reference.${folded}${excluded}</p>`;
}

interface RecordSections {
  table: CountTable;
  distribution: TypeDistribution;
  overall: ImprovementRate;
  comparisons: ReferenceComparison[];
  chartReference: ChartReference | undefined;
}

function recordSections(records: CohortInput, input: ReportInput, references: Readonly<Record<string, ReferenceDistribution>>): RecordSections {
  const table = toCountTable(records);
  if (table.total === 0) throw new InvalidArgumentError('records', records, 'there are no records to report on');
  const distribution = typeDistribution(table, { decimals: 2, ci: { method: 'sison-glaz' } });
  const overall = improvementRate(table, { decimals: 1, ci: { method: 'wilson' } });
  const counts = Object.fromEntries(distribution.rows.map((r) => [r.type, r.count]));
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
  return { table, distribution, overall, comparisons, chartReference };
}

/**
 * A self-contained HTML report (inline SVG and CSS, no script, no network request, A4 print
 * layout), with each chart drawn by `render`. With records: the case mix against population
 * registers and improvement rates with intervals by year and by type. With claims: the published
 * figures and their audit in plain language. Synthetic records are labelled as such in the
 * heading and on every chart. Pure: the node entry's `buildReport` passes its headless vega
 * renderer, a web page can pass one that draws with the vega it loaded.
 *
 * @example
 * const claims = { title: 'Clinic', source: { name: 'web page' }, claims: [{ id: 'mixed', numerator: 1341, denominator: 4278, percent: '31.34' }] };
 * const report = await composeReport({ claims: parseClaims(claims).file }, async () => '<svg></svg>');
 * Object.keys(report.charts); // ['audit']
 * report.audit.findings[0].codes; // ['percent-impossible', 'percent-mismatch']
 * report.html.includes('<script'); // false
 */
export async function composeReport(input: ReportInput, render: ChartRenderer): Promise<Report> {
  checkInput(input);
  const references = input.references ?? {};
  const note = input.synthetic ? SYNTHETIC_NOTE : undefined;
  const label = input.recordsLabel ?? 'the records given';
  const data = input.records !== undefined ? recordSections(input.records, input, references) : undefined;

  const specs: Record<string, VegaLiteSpec> = {};
  if (data) {
    const byYear = ratesBy(data.table, 'year', { decimals: 1, ci: { method: 'wilson' } });
    const byType = ratesBy(data.table, 'type', { decimals: 1, ci: { method: 'wilson' } });
    specs['case-mix'] = distributionChart(data.distribution, { ...(data.chartReference ? { reference: data.chartReference } : {}), ...(note ? { note } : {}) });
    if (byYear.length > 0) specs['rates-by-year'] = ratesChart(byYear, note ? { note } : {});
    if (byType.length > 0) specs['rates-by-type'] = forestPlot(byType, { ...(data.overall.proportion !== null ? { overall: data.overall.proportion } : {}), ...(note ? { note } : {}) });
  }
  // synthetic records recount nothing a publication claims; the user's own records do
  const audit = input.claims ? auditClaims(input.claims, { references, ...(data && !input.synthetic ? { records: data.table } : {}) }) : undefined;
  // the figures that can be read are listed and drawn; the audit above reports the others
  const claims = input.claims ? parseClaims(input.claims, { lenient: true }).file : undefined;
  if (claims) specs.audit = auditChart(claims);
  const evidence = claims ? evidenceFigures(claims) : [];
  for (const e of evidence) specs[e.name] = e.spec;
  const charts: Report['charts'] = {};
  for (const [name, spec] of Object.entries(specs)) charts[name] = { spec, svg: await render(spec) };
  const figure = (name: string, caption: string) =>
    charts[name] ? `<figure role="img" aria-label="${escape(String(charts[name].spec.description))}">${charts[name].svg}<figcaption>${escape(caption)}</figcaption></figure>` : '';

  const heading = data
    ? `<p class="muted">Records: ${escape(label)} (${plural(data.table.total, 'patient')}).${claims ? ` Published figures: ${escape(claims.title)}, from ${escape(claims.source.name)}.` : ''}</p>`
    : `<p class="muted">Published figures: ${escape(claims!.title)}, from ${escape(claims!.source.name)}. No record-level data was given, so this report shows the published figures and their audit only.</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Treatment outcomes report</title><style>${CSS}</style></head>
<body>
<h1>Treatment outcomes report</h1>
${input.synthetic ? `<p class="synthetic">${SYNTHETIC_NOTE}. The records in this report (${escape(label)}) are made up to illustrate the methods; no finding here is about real patients.</p>\n` : ''}${heading}
${data ? recordsHtml(data, figure) : ''}
${claims && audit ? claimsHtml(claims, audit, figure) : ''}
${evidenceHtml(evidence, figure, escape)}<h2>Methods</h2>
<ul>
${data ? `<li>Shares of the case mix: exact counts; intervals are simultaneous 95% Sison–Glaz intervals (May–Johnson algorithm), which cover all shares at once.</li>
<li>Improvement rates: improved among patients with a known outcome; 95% Wilson score intervals.</li>` : ''}
<li>Percentages are printed by exact rational arithmetic, rounding half up. A published percent is judged under ordinary rounding with ties either way (half-up, half-down, half-even); the audit says when only truncation or rounding up could produce it.</li>
${Object.values(references)
  .map((r) => `<li>Reference: ${escape(r.title)}. ${escape(r.citation)}${r.verification ? ` <span class="muted">${escape(r.verification)}</span>` : ''}</li>`)
  .join('\n')}
</ul>
<h2>Terms</h2>
<dl class="terms">
<dt>half-up, half-down, half-even</dt><dd>How a tie (a value exactly halfway, such as 12.5 to no decimals) is rounded: up (13), down (12), or to the even neighbour (12; "banker's rounding"). Values that are not ties round to the nearest either way.</dd>
${data && data.comparisons.length ? `<dt>χ², df and p</dt><dd>The chi-squared test of whether the case mix could come from the reference distribution by chance: df is the number of groups compared minus one; a small p (such as p &lt; 10<sup>−6</sup>) means it almost certainly does not.</dd>
<dt>Cohen's w</dt><dd>How far the case mix is from the reference, whatever the number of patients: about 0.1 is a small difference, 0.3 a medium and 0.5 a large one.</dd>` : ''}
${audit ? `<dt>Finding codes</dt><dd>Each finding carries a stable code naming the check, such as <code>percent-impossible</code> (no whole count prints the published percent) or <code>denominator-unstated</code> (the publication does not say what the percent is a share of); the README lists them all.</dd>` : ''}
</dl>
<p class="note">Made with treatment-outcomes. This page loads nothing from the network and runs no script.</p>
</body></html>
`;
  return { html, charts, audit };
}

function recordsHtml(data: RecordSections, figure: (name: string, caption: string) => string): string {
  const { distribution, overall, comparisons, chartReference } = data;
  const known = overall.total - overall.unknown;
  const bounds = missingOutcomeBounds({ improved: overall.improved, notImproved: known - overall.improved, unknown: overall.unknown });
  const unknownText =
    overall.unknown === 0 ? 'Every outcome is known.'
    : `${plural(overall.unknown, 'outcome is', 'outcomes are')} unknown; counting them all as not improved gives ${pct(bounds.worstCase)}%, all as improved ${pct(bounds.bestCase)}%.`;
  const rate = overall.percent === null ? 'no patient has a known outcome' : `<strong>${overall.percent}%</strong>${overall.ci ? ` (${escape(formatInterval(overall.ci, { decimals: 1 }))})` : ''}`;
  return `<h2>Case mix</h2>
${figure('case-mix', `Share of each type with 95% simultaneous Sison–Glaz intervals${chartReference ? `; ticks: ${chartReference.title}` : ''}.`)}
<table><thead><tr><th>Type</th><th>Patients</th><th>Share</th><th>95% CI (Sison–Glaz)</th></tr></thead><tbody>
${tableRows(distribution.rows, 4, (r) => `<tr><td>${escape(r.type)}</td><td>${r.count}</td><td>${r.percent}%</td><td>${r.ci ? `${pct(r.ci.lower, 2)}–${pct(r.ci.upper, 2)}%` : ''}</td></tr>`, 'types')}
</tbody></table>
${comparisons.map(comparisonText).join('\n')}

<h2>Improvement</h2>
<p>${overall.improved} of ${plural(overall.denominator, 'patient')} with a known outcome improved: ${rate}. ${unknownText}</p>
${figure('rates-by-year', 'Improvement rate by year with 95% Wilson intervals.')}
${figure('rates-by-type', 'Improvement rate by type with 95% Wilson intervals; dashed line: overall rate.')}
`;
}

function claimsHtml(claims: ClaimsFile, audit: AuditReport, figure: (name: string, caption: string) => string): string {
  return `<h2>Published figures</h2>
<p>As printed in ${escape(claims.source.name)}${claims.source.url ? ` (${escape(claims.source.url)})` : ''}.</p>
<table><thead><tr><th>Figure</th><th>Count</th><th>Of</th><th>Printed</th></tr></thead><tbody>
${tableRows(claims.claims, 4, (c) => `<tr><td>${escape(c.label ?? c.id)}</td><td>${c.numerator ?? ''}</td><td>${c.denominator}${c.denominatorAssumed ? ' (assumed)' : ''}</td><td>${c.percent !== undefined ? `${escape(c.percent.replace('%', ''))}%` : ''}</td></tr>`, 'figures')}
</tbody></table>

<h2>Audit of the published figures</h2>
<p>${escape(auditSummaryLine(audit))}</p>
<ul class="findings">${audit.findings
    .map((f) => `<li class="${f.severity}"><span class="tag">${f.severity}</span><code>${[...new Set(f.codes)].join(', ')}</code><br>${escape(f.message)}${f.related.map((r) => `<br><span class="muted">${escape(r.message)}</span>`).join('')}</li>`)
    .join('\n')}</ul>
${figure('audit', 'Each published percent against the values whole counts allow: the band is what prints as claimed, ticks are exact shares k/n.')}
`;
}
