import { open, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { auditClaims } from '../audit/audit-claims.js';
import { formatAuditMarkdown, formatAuditText } from '../audit/format-report.js';
import { validateClaims } from '../claims/validate.js';
import { readDocument } from '../document/read-document.js';
import { extractClaims } from '../extract/extract-claims.js';
import { toClaimsFile } from '../extract/to-claims-file.js';
import type { ClaimsFileClaim } from '../extract/to-claims-file.js';
import type { Extraction, ExtractLocale, UnresolvedFigure } from '../extract/types.js';
import { loadReferences } from '../node/claims.js';
import { pdfText } from '../node/pdf-text.js';
import { readTableBlock } from '../tables/table-block-reader.js';
import { textWithTables } from '../tables/text-with-tables.js';
import { cerebralPalsyCohort } from '../schema/cerebral-palsy.js';
import { checkInputFile } from './input-file.js';
import type { Io } from './io.js';
import { termsUsed } from './terms.js';
import { EXTRACT_HELP, UsageError } from './usage.js';
import { count } from './words.js';

const LOCALES = ['en', 'de', 'fr', 'es', 'auto'] as const;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The `--locale` / `--decimal-comma` pair as an extraction locale. */
export function localeOption(value: string | undefined, decimalComma: boolean): ExtractLocale | 'auto' {
  if (value === undefined) return decimalComma ? 'de' : 'auto';
  if (!(LOCALES as readonly string[]).includes(value)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}, got ${JSON.stringify(value)}`);
  if (decimalComma && value === 'en') throw new UsageError('--decimal-comma contradicts --locale en');
  return value as ExtractLocale | 'auto';
}

/** Extract claims from a page (text, Markdown or HTML), as a claims file plus the references its partitions fit. */
export async function extractFile(path: string, locale: ExtractLocale | 'auto') {
  // binary data other than a PDF is refused by name, before any reader sees it
  if (path !== '-') await checkInputFile(path, 'a page of text, Markdown, HTML or PDF', { binary: startsAsPdf });
  const name = path === '-' ? '<stdin>' : path;
  // a PDF is read through pdf.js text positions, its tables laid out as aligned text
  const pdf = path !== '-' && (/\.pdf$/i.test(path) || (await isPdf(path)));
  const document = pdf ? textWithTables(await pdfText(path)) : readDocument(path === '-' ? await readStdin() : await readFile(path, 'utf8'), path === '-' ? {} : { name: path });
  const extraction = extractClaims(document, { locale, tables: readTableBlock });
  const file = toClaimsFile(extraction, { title: `Claims extracted from ${name}`, source: { name, quote: sourceQuote(extraction, document.text) } });
  // a partition whose every part is a cerebral palsy type is compared with the bundled CP references
  const cp = extraction.partitions.find((p) => p.parts.every((id) => cerebralPalsyCohort.normalizeType(extraction.claims.find((c) => c.id === id)?.type ?? '') !== undefined));
  const references = cp ? Object.keys(await loadReferences()).map((id) => ({ id, partition: cp.id, mapping: 'cerebral-palsy' })) : [];
  const claimsFile = keepValid(references.length ? { ...file, references } : file);
  return { file: claimsFile, extraction: { ...extraction, claims: extraction.claims.filter((c) => claimsFile.claims.some((k) => k.id === c.id)) }, name };
}

/**
 * What we write must be what our own audit reads. The extractor keeps to the claims schema; this
 * checks with the audit's own validator, and a figure it would refuse goes to `unresolved` with the
 * validator's words (its partitions and references follow it out).
 */
interface WritableFile {
  claims: ClaimsFileClaim[];
  partitions: { id: string; parts: string[] }[];
  unresolved: UnresolvedFigure[];
  references?: { partition: string }[];
}

function keepValid<F extends WritableFile>(file: F): F {
  let current = file;
  for (let round = 0; round < 3 && current.claims.length > 0; round++) {
    const { problems } = validateClaims(current);
    const bad = new Map<number, string>();
    for (const p of problems) {
      const at = /^claims\[(\d+)\]/.exec(p.path);
      if (at) bad.set(Number(at[1]), p.message);
    }
    const badPartitions = new Set(problems.map((p) => /^partitions\[(\d+)\]/.exec(p.path)?.[1]).filter((x) => x !== undefined).map(Number));
    if (bad.size === 0 && badPartitions.size === 0) return current;
    const dropped = new Set(current.claims.filter((_, i) => bad.has(i)).map((c) => c.id));
    const partitions = current.partitions.filter((p, i) => !badPartitions.has(i) && p.parts.every((id) => !dropped.has(id)));
    const kept = new Set(partitions.map((p) => p.id));
    current = {
      ...current,
      claims: current.claims.filter((_, i) => !bad.has(i)),
      partitions,
      unresolved: [...current.unresolved, ...current.claims.filter((_, i) => bad.has(i)).map((c, i) => ({ text: c.span.quote, reason: `the audit would refuse it: ${[...bad.values()][i]}`, span: c.span }))],
      ...(current.references ? { references: current.references.filter((r) => kept.has(r.partition)) } : {}),
    };
  }
  return current;
}

/** Does a file's first bytes say it is a PDF? */
const startsAsPdf = (head: Uint8Array): boolean => Buffer.from(head.subarray(0, 5)).toString('latin1') === '%PDF-';

async function isPdf(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    return startsAsPdf(head);
  } finally {
    await handle.close();
  }
}

/** The paragraphs that hold the claims, as the page prints them (not the whole page). */
function sourceQuote(extraction: Extraction, text: string): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const c of extraction.claims) {
    const context = c.context ?? c.span;
    const key = `${context.start}:${context.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(context.quote);
  }
  const quote = parts.length > 0 ? parts.join('\n\n') : text;
  return quote.length <= 2000 ? quote : `${quote.slice(0, 1997)}...`;
}

const nothingFound = (name: string, extraction: Extraction) =>
  `no figures found in ${name}: no count or percent could be tied to a total` +
  (extraction.unresolved.length > 0 ? ` (${extraction.unresolved.length} unresolved figure${extraction.unresolved.length === 1 ? '' : 's'} listed below)` : '') +
  '\n';

/** `treatment-outcomes extract <file.txt|file.md|file.html|-> [--out claims.yaml|claims.json] [--json] [--locale auto]`. */
export async function extract(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      locale: { type: 'string' },
      'decimal-comma': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(EXTRACT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('extract takes one file (or - for standard input)');
  const out = values.out;
  const json = values.json || (out !== undefined && /\.json$/i.test(out));
  if (out !== undefined && !/\.(?:ya?ml|json)$/i.test(out)) throw new UsageError(`--out ${out}: a claims file is written as .yaml, .yml or .json`);
  if (out !== undefined && values.json && !/\.json$/i.test(out)) throw new UsageError(`--json writes JSON, but --out ${out} names a YAML file`);
  const { file, extraction, name } = await extractFile(positionals[0]!, localeOption(values.locale, values['decimal-comma']));
  for (const u of extraction.unresolved) io.err(`unresolved: "${u.span.quote}" (${u.reason})\n`);
  if (extraction.claims.length === 0 && (extraction.means?.length ?? 0) === 0) {
    io.err(nothingFound(name, extraction));
    return 0;
  }
  const text = json ? `${JSON.stringify(file, null, 2)}\n` : stringify(file, { lineWidth: 0 });
  if (out !== undefined) {
    await writeFile(out, text);
    io.err(`wrote ${count(file.claims.length, 'claim')}, ${count(file.partitions.length, 'partition')} and ${count(file.unresolved.length, 'unresolved figure')} to ${out}\n`);
  } else io.out(text);
  return 0;
}

/** `audit --from-text <file>`: extract, then audit, each finding next to its quote. */
export async function auditFromText(path: string, format: string, locale: ExtractLocale | 'auto', io: Io): Promise<number> {
  const { file, extraction, name } = await extractFile(path, locale);
  for (const u of extraction.unresolved) io.err(`unresolved: "${u.span.quote}" (${u.reason})\n`);
  if (extraction.claims.length === 0 && (extraction.means?.length ?? 0) === 0) {
    if (format === 'json') io.out(`${JSON.stringify({ ok: true, title: file.title, source: file.source, findings: [], summary: { error: 0, warning: 0, info: 0 }, unresolved: extraction.unresolved }, null, 2)}\n`);
    io.err(nothingFound(name, extraction));
    return 0;
  }
  const report = auditClaims(file, { references: await loadReferences() });
  const quotes: Record<string, string> = {};
  for (const c of extraction.claims) quotes[c.id] = c.span.quote;
  for (const p of extraction.partitions) quotes[p.id] = p.span.quote;
  for (const m of extraction.means ?? []) quotes[m.id] = m.span.quote;
  if (format === 'json') io.out(`${JSON.stringify({ ...report, quotes, unresolved: extraction.unresolved }, null, 2)}\n`);
  else if (format === 'markdown') io.out(formatAuditMarkdown(report));
  else {
    const text = formatAuditText(report, { quotes });
    io.out(text + termsUsed(text, report.findings.flatMap((f) => f.codes)));
  }
  return report.ok ? 0 : 1;
}
