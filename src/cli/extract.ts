import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { auditClaims } from '../audit/audit-claims.js';
import { formatAuditMarkdown, formatAuditText } from '../audit/format-report.js';
import { extractClaims } from '../extract/extract-claims.js';
import { htmlText } from '../node/html-text.js';
import { toClaimsFile } from '../extract/to-claims-file.js';
import { loadReferences } from '../node/claims.js';
import { cerebralPalsyCohort } from '../schema/cerebral-palsy.js';
import type { Io } from './io.js';
import { EXTRACT_HELP, UsageError } from './usage.js';

async function readText(path: string): Promise<{ text: string; name: string }> {
  const raw = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  const html = /\.html?$/i.test(path) || /^\s*<(?:!doctype|html|body|div|p)\b/i.test(raw);
  return { text: html ? htmlText(raw) : raw, name: path === '-' ? '<stdin>' : path };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Extract claims from a text file, as a claims file plus the references its partitions fit. */
export async function extractFile(path: string, decimalComma: boolean) {
  const { text, name } = await readText(path);
  const extraction = extractClaims(text, { decimalComma });
  const file = toClaimsFile(extraction, { title: `Claims extracted from ${name}`, source: { name, quote: text.length <= 2000 ? text : `${text.slice(0, 1997)}...` }, decimalComma });
  // a partition whose every part is a cerebral palsy type is compared with the bundled CP references
  const cp = extraction.partitions.find((p) => p.parts.every((id) => cerebralPalsyCohort.normalizeType(extraction.claims.find((c) => c.id === id)?.type ?? '') !== undefined));
  const references = cp ? Object.keys(await loadReferences()).map((id) => ({ id, partition: cp.id, mapping: 'cerebral-palsy' })) : [];
  return { file: { ...file, ...(references.length ? { references } : {}) }, extraction };
}

/** `treatment-outcomes extract <file.txt|file.html|-> [--out claims.yaml]`. */
export async function extract(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
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
  const { file } = await extractFile(positionals[0]!, values['decimal-comma']);
  const text = values.json || values.out?.endsWith('.json') ? `${JSON.stringify(file, null, 2)}\n` : stringify(file, { lineWidth: 0 });
  if (values.out) {
    await writeFile(values.out, text);
    io.err(`wrote ${file.claims.length} claims, ${file.partitions.length} partitions and ${file.unresolved.length} unresolved figures to ${values.out}\n`);
  } else io.out(text);
  return 0;
}

/** `audit --from-text <file>`: extract, then audit, each finding next to its quote. */
export async function auditFromText(path: string, format: string, decimalComma: boolean, io: Io): Promise<number> {
  const { file, extraction } = await extractFile(path, decimalComma);
  const report = auditClaims(file, { references: await loadReferences() });
  const quotes: Record<string, string> = {};
  for (const c of extraction.claims) quotes[c.id] = c.span.quote;
  for (const p of extraction.partitions) quotes[p.id] = p.span.quote;
  if (format === 'json') io.out(`${JSON.stringify({ ...report, quotes, unresolved: extraction.unresolved }, null, 2)}\n`);
  else io.out(format === 'markdown' ? formatAuditMarkdown(report) : formatAuditText(report, { quotes }));
  for (const u of extraction.unresolved) io.err(`unresolved: "${u.span.quote}" (${u.reason})\n`);
  return report.ok ? 0 : 1;
}
