import { parse as parseYaml } from 'yaml';
import * as z from 'zod/mini';
import { readShare } from '../audit/numerator-range.js';
import { InputFormatError, TreatmentOutcomesError } from '../errors.js';
import { cached } from '../cached.js';
import { fileSchema, oneClaim, type Claim, type ClaimsFile } from './schema.js';

/** A problem found while reading a claims file that does not stop the audit. */
export interface ClaimsWarning {
  path: string;
  /** The claim's id. */
  id?: string;
  message: string;
}

/**
 * Why a claims file, or one figure in it, cannot be audited as written.
 * - `file-invalid`: the file itself cannot be read (not JSON/YAML, no title, no claims list ...).
 * - `figure-invalid`: one figure cannot be read or cannot be right as written (a percent "5O" or
 *   "250", a numerator above its denominator, a partition total of 0, a part listed twice ...).
 * - `figure-unchecked`: a partition, subgroup set or reference comparison that depends on an
 *   invalid figure, so it was not checked.
 */
export interface ClaimsProblem {
  code: 'file-invalid' | 'figure-invalid' | 'figure-unchecked';
  /** Where, as a path into the file: 'claims[3].percent', 'partitions[0].parts[1]', '(file)'. */
  path: string;
  /** The figure's id, where it has one. */
  id?: string;
  message: string;
}

/** Options of {@link parseClaims}. */
export interface ParseClaimsOptions {
  /** How to read a string: 'json', 'yaml' (YAML also reads JSON), or 'auto' (default: by its first character). */
  format?: 'json' | 'yaml' | 'auto';
  /** Name used in messages. */
  file?: string;
  /**
   * Keep the figures that can be read and return the others as `problems` instead of throwing
   * (default false). Only a file that cannot be read at all still throws.
   */
  lenient?: boolean;
}

/** What {@link parseClaims} returns. */
export interface ParsedClaims {
  /** The validated file: with `lenient`, only the figures that can be audited. */
  file: ClaimsFile;
  warnings: ClaimsWarning[];
  /** With `lenient`: every figure left out, and why (empty otherwise, since problems throw). */
  problems: ClaimsProblem[];
}

/** Where each kept figure was in the file as written (kept index → original index), per list. */
export type FigureOrigin = Record<string, number[]>;

/** @internal Everything {@link parseClaims} finds, without throwing. */
export interface ClaimsInspection {
  file: ClaimsFile | null;
  warnings: ClaimsWarning[];
  problems: ClaimsProblem[];
  origin: FigureOrigin;
}

export const pathText = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(file)';

type Schema = { _zod: { def: { type: string; innerType?: Schema; element?: Schema } } };
const unwrap = (s: Schema): Schema => ((s._zod.def.type === 'optional' || s._zod.def.type === 'default') && s._zod.def.innerType ? unwrap(s._zod.def.innerType) : s);

/** The top-level keys that hold lists of figures (arrays of objects): claims, partitions, ... */
const figureLists: () => readonly string[] = /* @__PURE__ */ cached(() =>
  Object.entries(fileSchema().shape as unknown as Record<string, Schema>)
    .filter(([, s]) => {
      const u = unwrap(s);
      return u._zod.def.type === 'array' && u._zod.def.element !== undefined && u._zod.def.element._zod.def.type === 'object';
    })
    .map(([key]) => key),
);

// The same file schema, but content with an empty claims list: when every claim is invalid the
// audit still reports each of them.
const keptSchema = /* @__PURE__ */ cached(() => z.extend(fileSchema(), { claims: z._default(z.array(oneClaim()), []) }));

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readText(input: string, options: Pick<ParseClaimsOptions, 'format'>): unknown {
  const format = options.format ?? 'auto';
  return format === 'json' || (format === 'auto' && /^\s*[{[]/.test(input)) ? JSON.parse(input) : parseYaml(input, { maxAliasCount: 100, logLevel: 'error' });
}

/**
 * The document of a claims file's text (JSON or YAML), not yet validated; throws an
 * `InputFormatError` when the text is neither.
 *
 * @example
 * readClaimsDocument('title: t').title; // 't'
 */
export function readClaimsDocument(text: string, options: Pick<ParseClaimsOptions, 'format' | 'file'> = {}): unknown {
  try {
    return readText(text, options);
  } catch (error) {
    throw new InputFormatError(`${options.file !== undefined ? `${options.file}: ` : ''}cannot read the claims file: ${messageOf(error)}`, { file: options.file });
  }
}

/**
 * Read a claims file and find every problem in it, figure by figure, without throwing: the file
 * keeps only the figures that can be audited; `origin` maps them back to their place in the file.
 * @internal
 */
export function inspectClaims(input: unknown, options: Pick<ParseClaimsOptions, 'format'> = {}): ClaimsInspection {
  const none = (problems: ClaimsProblem[]): ClaimsInspection => ({ file: null, warnings: [], problems, origin: {} });
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = readText(input, options);
    } catch (error) {
      return none([{ code: 'file-invalid', path: '(file)', message: `cannot read the claims file: ${messageOf(error)}` }]);
    }
  }
  if (data === null || data === undefined || (typeof data === 'string' && data.trim() === '')) {
    return none([{ code: 'file-invalid', path: '(file)', message: 'the claims file is empty; it needs title, source (name, url) and claims' }]);
  }
  if (!isRecord(data)) return none([{ code: 'file-invalid', path: '(file)', message: `a claims file is a mapping of title, source and claims, not ${Array.isArray(data) ? 'a list' : typeof data}` }]);
  const first = fileSchema().safeParse(data);
  const problems: ClaimsProblem[] = [];
  const bad = new Map<string, Set<number>>(figureLists().map((k) => [k, new Set<number>()]));
  let fileLevel = false;
  const idAt = (list: string, index: number): string | undefined => {
    const item = isRecord(data) && Array.isArray(data[list]) ? (data[list] as unknown[])[index] : undefined;
    return isRecord(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
  };
  const figureProblem = (list: string, index: number, path: string, message: string, code: ClaimsProblem['code'] = 'figure-invalid') => {
    bad.get(list)!.add(index);
    const id = idAt(list, index);
    problems.push({ code, path, ...(id !== undefined ? { id } : {}), message });
  };
  if (!first.success) {
    for (const issue of first.error.issues) {
      const [list, index] = issue.path;
      if (typeof list === 'string' && bad.has(list) && typeof index === 'number') figureProblem(list, index, pathText(issue.path), issue.message);
      else {
        fileLevel = true;
        problems.push({ code: 'file-invalid', path: pathText(issue.path), message: issue.message });
      }
    }
  }
  // a file of means alone may leave out claims, but a file must list some figure
  const listed = (list: string) => (isRecord(data) && Array.isArray(data[list]) ? (data[list] as unknown[]).length : 0);
  if (isRecord(data) && listed('claims') + listed('means') === 0) {
    fileLevel = true;
    problems.push({ code: 'file-invalid', path: 'claims', message: 'a claims file must list at least one claim or mean' });
  }
  if (fileLevel) return none(problems);
  const raw = data as Record<string, unknown>;
  const dropped = (list: string) => {
    const items = raw[list];
    return Array.isArray(items) ? items.filter((_, i) => !bad.get(list)!.has(i)) : items;
  };
  const origin: FigureOrigin = {};
  const keepOrigin = (list: string, removed: ReadonlySet<number>) => {
    const items = raw[list];
    origin[list] = Array.isArray(items) ? items.map((_, i) => i).filter((i) => !removed.has(i)) : [];
  };
  const reparsed = keptSchema().safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, bad.has(k) ? dropped(k) : v])));
  if (!reparsed.success) {
    // Cannot happen for a document whose every issue was inside a removed figure; say so plainly if it does.
    return none(reparsed.error.issues.map((i) => ({ code: 'file-invalid' as const, path: pathText(i.path), message: i.message })));
  }
  const parsed = reparsed.data;
  for (const list of figureLists()) keepOrigin(list, bad.get(list)!);
  const where = (list: string, kept: number) => origin[list]![kept]!;
  const decimalComma = parsed.decimalComma ?? false;

  // Claims: duplicate ids, counts above their denominator, percents that cannot be read or exceed 100.
  const warnings: ClaimsWarning[] = [];
  const invalidClaims = new Set<number>();
  const ids = new Map<string, number>();
  const claims: Claim[] = parsed.claims.map((c, k) => {
    const i = where('claims', k);
    const fail = (field: string, message: string) => {
      invalidClaims.add(k);
      problems.push({ code: 'figure-invalid', path: `claims[${i}]${field}`, id: c.id, message });
    };
    if (ids.has(c.id)) fail('.id', `"${c.id}" is used twice (first at claims[${ids.get(c.id)}])`);
    else ids.set(c.id, i);
    if (c.numerator !== undefined && c.numerator > c.denominator) fail('.numerator', `${c.numerator} exceeds the denominator ${c.denominator}`);
    const { percent, ...rest } = c;
    if (percent === undefined) return rest;
    let printed: string;
    if (typeof percent === 'number') {
      printed = decimalComma ? String(percent).replace('.', ',') : String(percent);
      warnings.push({ path: `claims[${i}].percent`, id: c.id, message: `percent ${percent} was given as a number, so its printed decimals were guessed as "${printed}"; write it as a string exactly as printed` });
    } else printed = percent;
    try {
      readShare(printed, { decimalComma }, 'percent');
    } catch (error) {
      if (!(error instanceof TreatmentOutcomesError)) throw error;
      fail('.percent', messageOf(error));
    }
    return { ...rest, percent: printed };
  });
  const claimState = new Map<string, 'ok' | 'invalid'>();
  claims.forEach((c, k) => {
    if (!claimState.has(c.id)) claimState.set(c.id, invalidClaims.has(k) ? 'invalid' : 'ok');
  });

  // claims dropped by the schema are known by id too, so what refers to one is unchecked, not unknown
  for (const i of bad.get('claims')!) {
    const id = idAt('claims', i);
    if (id !== undefined && !claimState.has(id)) claimState.set(id, 'invalid');
  }

  // Lists that refer to claims by id: a missing id or a repeated one is invalid; a reference to an
  // invalid claim leaves the figure unchecked.
  const checkRefs = (list: string, entries: readonly { id: string; refs: [string, string][] }[], known: Map<string, 'ok' | 'invalid'>, kind: string) => {
    const out = new Set<number>();
    entries.forEach((e, k) => {
      const i = where(list, k);
      const seen = new Set<string>();
      let invalid = false;
      const unchecked: string[] = [];
      for (const [field, ref] of e.refs) {
        const state = known.get(ref);
        if (state === undefined) {
          invalid = true;
          problems.push({ code: 'figure-invalid', path: `${list}[${i}]${field}`, id: e.id, message: `no ${kind} has id "${ref}"` });
        } else if (field.startsWith('.parts') || field.startsWith('.groups')) {
          if (seen.has(ref)) {
            invalid = true;
            problems.push({ code: 'figure-invalid', path: `${list}[${i}]${field}`, id: e.id, message: `"${ref}" is listed twice` });
          }
          seen.add(ref);
        }
        if (state === 'invalid') unchecked.push(ref);
      }
      if (!invalid && unchecked.length > 0) {
        const rawIndex = (ref: string) => (Array.isArray(raw.claims) ? raw.claims.findIndex((c) => isRecord(c) && c.id === ref) : -1);
        const at = unchecked.map((ref) => (kind === 'claim' ? `claims[${ids.get(ref) ?? rawIndex(ref)}] ("${ref}")` : `partition "${ref}"`));
        const why = kind === 'claim' ? 'could not be read' : 'was not checked';
        problems.push({ code: 'figure-unchecked', path: `${list}[${i}]`, id: e.id, message: `not checked, because ${at.join(', ')} ${why}` });
      }
      if (invalid || unchecked.length > 0) out.add(k);
    });
    return out;
  };
  const partitions = parsed.partitions ?? [];
  const badPartitions = checkRefs('partitions', partitions.map((p) => ({ id: p.id, refs: p.parts.map((id, j) => [`.parts[${j}]`, id] as [string, string]) })), claimState, 'claim');
  const subgroups = parsed.subgroups ?? [];
  const badSubgroups = checkRefs(
    'subgroups',
    subgroups.map((s) => ({ id: s.id, refs: [['.total', s.total] as [string, string], ...s.groups.map((id, j) => [`.groups[${j}]`, id] as [string, string])] })),
    claimState,
    'claim',
  );
  const partitionState = new Map<string, 'ok' | 'invalid'>();
  partitions.forEach((p, k) => partitionState.has(p.id) || partitionState.set(p.id, badPartitions.has(k) ? 'invalid' : 'ok'));
  for (const i of bad.get('partitions') ?? []) {
    const id = idAt('partitions', i);
    if (id !== undefined && !partitionState.has(id)) partitionState.set(id, 'invalid');
  }
  const references = parsed.references ?? [];
  const badReferences = checkRefs('references', references.map((r) => ({ id: r.id, refs: [['.partition', r.partition]] })), partitionState, 'partition');
  const evidence = parsed.evidence ?? [];
  const badEvidence = checkRefs('evidence', evidence.map((e) => ({ id: e.id, refs: [['.claim', e.claim]] })), claimState, 'claim');

  const keep = <T>(list: string, items: readonly T[], removed: ReadonlySet<number>): T[] => {
    origin[list] = origin[list]!.filter((_, k) => !removed.has(k));
    return items.filter((_, k) => !removed.has(k));
  };
  const file: ClaimsFile = {
    ...parsed,
    claims: keep('claims', claims, invalidClaims),
    ...(parsed.partitions !== undefined ? { partitions: keep('partitions', partitions, badPartitions) } : {}),
    ...(parsed.subgroups !== undefined ? { subgroups: keep('subgroups', subgroups, badSubgroups) } : {}),
    ...(parsed.references !== undefined ? { references: keep('references', references, badReferences) } : {}),
    ...(parsed.evidence !== undefined ? { evidence: keep('evidence', evidence, badEvidence) } : {}),
  };
  return { file, warnings, problems, origin };
}

/**
 * Read and validate a claims file from JSON or YAML text (or an already-parsed object). Errors
 * name the path of every bad field; a percent given as a number is accepted with a warning,
 * since its printed decimals ("96.0" vs "96") are lost. With `lenient`, a bad figure is returned
 * as a problem and the rest of the file is kept; only a file that cannot be read at all throws.
 *
 * @example
 * const { file, warnings } = parseClaims('{"title":"t","source":{"name":"s"},"claims":[{"id":"a","denominator":8,"percent":12.5}]}');
 * file.claims[0].percent; // '12.5'
 * warnings[0].path;       // 'claims[0].percent'
 * const bad = { title: 't', source: { name: 's' }, claims: [{ id: 'a', denominator: 8, percent: '250' }, { id: 'b', denominator: 8, percent: '50' }] };
 * parseClaims(bad, { lenient: true }).problems[0].path; // 'claims[0].percent'
 */
export function parseClaims(input: unknown, options: ParseClaimsOptions = {}): ParsedClaims {
  const where = options.file !== undefined ? `${options.file}: ` : '';
  const inspection = inspectClaims(input, options);
  const { file, warnings, problems } = inspection;
  const fatal = file === null ? problems : options.lenient ? [] : problems;
  if (fatal.length > 0 || file === null) {
    // a problem with the file as a whole (unreadable, empty, not a mapping) is said on its own
    const unreadable = fatal.length === 1 && fatal[0]!.path === '(file)';
    const lines = fatal.map((p) => `${p.path}: ${p.message}`);
    throw new InputFormatError(unreadable ? `${where}${fatal[0]!.message}` : `${where}invalid claims file:\n${lines.join('\n')}`, { file: options.file });
  }
  return { file, warnings, problems: options.lenient ? problems : [] };
}
