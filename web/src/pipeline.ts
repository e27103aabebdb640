// What the workbench does with a page or a claims file, with no DOM: read, extract, audit. The
// page calls these on every change; the tests call them directly too.
import { auditClaims, type AuditReport, type Finding } from '../../src/audit/audit-claims.js';
import { parseClaims, readClaimsDocument } from '../../src/claims/parse.js';
import type { ClaimsFile } from '../../src/claims/schema.js';
import { readDocument } from '../../src/document/read-document.js';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { toClaimsFile } from '../../src/extract/to-claims-file.js';
import type { ExtractedClaim, TextSpan, UnresolvedFigure } from '../../src/extract/types.js';
import type { TextDocument } from '../../src/document/document.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import type { ReferenceDistribution } from '../../src/schema/reference.js';
import type { CountTable } from '../../src/stats/count-table.js';
import { readTableBlock } from '../../src/tables/table-block-reader.js';
import { REFERENCES } from './references.js';

/** How a figure is shown: consistent, cannot be right, needs a look, or not tied to a claim. */
export type FigureStatus = 'ok' | 'error' | 'warning' | 'unresolved';

/** One claim as the workbench holds it: the claims-file entry plus where it stands in the text. */
export type WorkbenchClaim = ClaimsFile['claims'][number] & { span?: TextSpan; denominatorNote?: string };

/** A figure highlighted in the text. */
export interface Figure {
  /** The claim id, or `unresolved-k`. */
  key: string;
  status: FigureStatus;
  span: TextSpan;
  claim?: WorkbenchClaim;
  unresolved?: UnresolvedFigure;
  /** The audit's finding about this claim, when there is one. */
  finding?: Finding;
}

/** A page or claims file read and audited. */
export interface Workbench {
  /** The text as shown (a page's text, or a claims file's quote). */
  document: TextDocument;
  /** The claims file audited (with the user's corrections applied). */
  file: ClaimsFile & { unresolved?: UnresolvedFigure[] };
  audit: AuditReport;
  figures: Figure[];
  /** Denominators the text offers for a correction: totals stated and denominators used. */
  totals: number[];
}

/** What the user changed: a claim's denominator. */
export type Corrections = ReadonlyMap<string, number>;

/** Extract the claims of a page (text, Markdown or HTML) into a claims file, as `extract` does. */
export function claimsFromPage(raw: string, name?: string): { document: TextDocument; file: ClaimsFile & { unresolved: UnresolvedFigure[] } } {
  const document = readDocument(raw, name !== undefined ? { name } : {});
  const extraction = extractClaims(document, { locale: 'auto', tables: readTableBlock });
  const file = toClaimsFile(extraction, { title: name !== undefined ? `Claims extracted from ${name}` : 'Claims extracted from the pasted text', source: { name: name ?? 'pasted text' } });
  // the bundled CP references are compared with a partition whose every part is a CP type
  const cp = extraction.partitions.find((p) => p.parts.every((id) => cerebralPalsyCohort.normalizeType(extraction.claims.find((c) => c.id === id)?.type ?? '') !== undefined));
  const withReferences = cp ? { ...file, references: Object.keys(REFERENCES).map((id) => ({ id, partition: cp.id, mapping: 'cerebral-palsy' })) } : file;
  return { document, file: withReferences as ClaimsFile & { unresolved: UnresolvedFigure[] } };
}

/** Read a claims file (YAML or JSON); the text shown is its source quote. */
export function claimsFromFile(raw: string, name: string): { document: TextDocument; file: ClaimsFile } {
  const format = /\.json$/i.test(name) ? 'json' : /\.ya?ml$/i.test(name) ? 'yaml' : 'auto';
  const data = readClaimsDocument(raw, { file: name, format });
  const { file } = parseClaims(data, { file: name, lenient: true });
  if (file === null) throw new Error(`${name}: not a claims file`);
  const quote = file.source.quote ?? '';
  return { document: readDocument(quote, { format: 'text' }), file: { ...file, claims: locateClaims(file.claims, quote) } };
}

/**
 * Claims read from a file carry no span: find each printed percent in the quote, in order, so it
 * can be highlighted where the page printed it. A percent not found is listed but not marked.
 */
export function locateClaims(claims: readonly WorkbenchClaim[], quote: string): WorkbenchClaim[] {
  let from = 0;
  return claims.map((claim) => {
    if (claim.span !== undefined || claim.percent === undefined) return claim;
    const printed = claim.percent.replace('%', '').trim();
    const pattern = new RegExp(`(?<![\\d.,])${printed.replace(/[.,]/g, '[.,]')}\\s?%`, 'g');
    pattern.lastIndex = from;
    const hit = pattern.exec(quote) ?? ((pattern.lastIndex = 0), pattern.exec(quote));
    if (hit === null) return claim;
    from = hit.index + hit[0].length;
    return { ...claim, span: { start: hit.index, end: from, quote: hit[0] } };
  });
}

/** The file with the user's denominators in place of the extracted ones. */
export function applyCorrections<F extends ClaimsFile>(file: F, corrections: Corrections): F {
  if (corrections.size === 0) return file;
  return {
    ...file,
    claims: file.claims.map((c) => {
      const n = corrections.get(c.id);
      if (n === undefined || n === c.denominator) return c;
      const { denominatorAssumed: _assumed, denominatorSource: _source, ...rest } = c as WorkbenchClaim;
      return { ...rest, denominator: n, denominatorNote: `corrected by hand from ${c.denominator}` };
    }),
  };
}

const RANK: Record<FigureStatus, number> = { error: 0, warning: 1, ok: 2, unresolved: 3 };

/** A claim's status: its finding's severity (info findings say what a figure implies, so it stays green). */
export function statusOf(finding: Finding | undefined): FigureStatus {
  if (finding === undefined || finding.severity === 'info') return 'ok';
  return finding.severity;
}

/** Audit a claims file with the user's corrections and lay its figures over the text. */
export function runAudit(
  document: TextDocument,
  file: ClaimsFile & { unresolved?: UnresolvedFigure[] },
  options: { corrections?: Corrections; references?: Readonly<Record<string, ReferenceDistribution>>; records?: CountTable } = {},
): Workbench {
  const corrected = applyCorrections(file, options.corrections ?? new Map());
  const audit = hasFigures(corrected)
    ? auditClaims(corrected, { ...(options.references ? { references: options.references } : {}), ...(options.records ? { records: options.records } : {}) })
    : emptyAudit(corrected);
  const byClaim = new Map<string, Finding>();
  for (const f of audit.findings) {
    if (f.claim === undefined || !/^claims\[\d+\]/.test(f.path)) continue;
    const seen = byClaim.get(f.claim);
    if (seen === undefined || RANK[statusOf(f)] < RANK[statusOf(seen)]) byClaim.set(f.claim, f);
  }
  const figures: Figure[] = [];
  for (const claim of corrected.claims as WorkbenchClaim[]) {
    if (claim.span === undefined) continue;
    const finding = byClaim.get(claim.id);
    figures.push({ key: claim.id, status: statusOf(finding), span: claim.span, claim, ...(finding ? { finding } : {}) });
  }
  (file.unresolved ?? []).forEach((u, k) => figures.push({ key: `unresolved-${k + 1}`, status: 'unresolved', span: u.span, unresolved: u }));
  figures.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const totals = [...new Set([...(file.partitions ?? []).map((p) => p.total), ...file.claims.map((c) => c.denominator)])].sort((a, b) => a - b);
  return { document, file: corrected, audit, figures: withoutOverlaps(figures), totals };
}

const hasFigures = (file: ClaimsFile) => file.claims.length > 0 || (file.means?.length ?? 0) > 0;

/** The audit of a page with nothing to audit (a claims file must hold a figure, a page need not). */
function emptyAudit(file: ClaimsFile): AuditReport {
  return { ok: true, title: file.title, source: file.source, findings: [], summary: { error: 0, warning: 0, info: 0, figures: 0, checks: { error: 0, warning: 0, info: 0 } } };
}

/** Figures in text order, one per stretch of text: a figure inside an earlier one is dropped from the marks. */
function withoutOverlaps(figures: readonly Figure[]): Figure[] {
  const out: Figure[] = [];
  let end = -1;
  for (const f of figures) {
    if (f.span.start < end) continue;
    out.push(f);
    end = f.span.end;
  }
  return out;
}

export type { ExtractedClaim };
