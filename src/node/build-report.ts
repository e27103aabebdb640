import { composeReport, type Report, type ReportInput } from '../report/compose-report.js';
import { renderSvg } from './render-svg.js';

/**
 * A self-contained HTML report (inline SVG and CSS, no script, no network request, A4 print
 * layout): `composeReport` with the charts rendered headless by {@link renderSvg}. With records:
 * the case mix against population registers and improvement rates with intervals by year and by
 * type. With claims: the published figures and their audit in plain language. Synthetic records
 * are labelled as such in the heading and on every chart. Rendering needs the optional peer
 * dependencies vega and vega-lite.
 *
 * @example
 * const report = await buildReport({ records: await loadSampleCohort(), recordsLabel: 'Sample', synthetic: true });
 * report.html.includes('<script'); // false
 */
export function buildReport(input: ReportInput): Promise<Report> {
  return composeReport(input, renderSvg);
}
