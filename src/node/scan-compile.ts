// The scanner's inner loop, compiled per header layout and per set of known spellings. A loop that
// dispatched on each column's role measured 1.5-2x slower than straight-line code for the layout at
// hand, and comparing a cell with spellings held as constants ~2x faster than looking them up in a
// table, so both are laid out in the generated source. Only fixed templates and numbers go into it
// (spellings as 32-bit words), never text from the file.
import type { CountWindow } from './count-window.js';
import { CACHE_CELLS, MAX_UNITS, type MeasureWindow } from './measure-window.js';
import type { SpellingTable } from './spelling-table.js';

/** What each column is, for the compiled loop: skipped, one of the fields counted, or measure k (a number or a level). */
export type ColumnRole = 'skip' | 'id' | 'type' | 'year' | 'outcome' | `number:${number}` | `level:${number}`;

/** The state the compiled loop reads and updates. */
export interface HotState {
  types: SpellingTable;
  outcomes: SpellingTable;
  window: CountWindow;
  yearMin: number;
  yearMax: number;
  /** Line number of the next line. */
  line: number;
  /** Called per accepted row when rows are wanted (type, year, outcome, id bytes, line). */
  emit(t: number, year: number, o: number, buf: Uint8Array, idStart: number, idEnd: number, line: number): void;
  /** The cohort's measures, counted per cell when their columns are read (counting only). */
  measures?: MeasureWindow | undefined;
  readonly typeNames: readonly string[];
}

/**
 * Scans whole lines of `buf[from, to)` (which ends with a line break) while each line is a plain
 * row of known spellings; returns where it stopped: `to`, or the start of the first other line.
 */
export type HotLoop = (state: HotState, buf: Uint8Array, dv: DataView, from: number, to: number) => number;

/** A header layout: the role of each column, and the delimiter. */
export interface Layout {
  roles: readonly ColumnRole[];
  delimiter: number;
  /** Call `state.emit` for each accepted row (records wanted, not only counts). */
  emitRows: boolean;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** How the loop that makes no call leaves a row that needs one (see {@link compile}). */
const SLOW = '{ slow = 1; break ok; }';
/** Spellings per column written into the loop; more are matched through the table. */
export const COMPILED_SPELLINGS = 16;

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;
/** A 32-bit word as the signed integer `DataView.getInt32` returns. */
const int = (n: number) => String(n | 0);

/** `bytes` as little-endian 32-bit words, the last one zero-padded. */
function wordsOf(bytes: Uint8Array): number[] {
  const words: number[] = [];
  for (let k = 0; k < bytes.length; k += 4) {
    let w = 0;
    for (let j = 0; j < 4 && k + j < bytes.length; j++) w |= bytes[k + j]! << (8 * j);
    words.push(w | 0);
  }
  return words;
}

/** Compares of `bytes` at `i` as words (the first one already in `x`), the last word masked to its bytes. */
function wordCompares(bytes: Uint8Array): string[] {
  const words = wordsOf(bytes);
  const rest = bytes.length % 4;
  return words.map((w, k) => {
    if (k === 0 && (k < words.length - 1 || rest === 0)) return `x === ${int(w)}`;
    if (k === 0) return `(x & ${hex((1 << (8 * rest)) - 1)}) === ${hex(w & ((1 << (8 * rest)) - 1))}`;
    // the last one, two or three bytes: the narrowest read that holds them
    const at = `i + ${4 * k}`;
    if (k < words.length - 1 || rest === 0) return `dv.getInt32(${at}, true) === ${int(w)}`;
    if (rest === 1) return `buf[${at}] === ${w & 0xff}`;
    if (rest === 2) return `dv.getUint16(${at}, true) === ${w & 0xffff}`;
    return `(dv.getInt32(${at}, true) & 0xffffff) === ${w & 0xffffff}`;
  });
}

/**
 * Match a cell against known spellings: a `switch` on its first four bytes, then the rest as words.
 * A column other than the last compares its delimiter with the spelling and steps past it; the last
 * column checks for a line break and leaves `b` at it. A miss goes to the table (spellings beyond
 * those compiled), then to the careful path.
 */
function spellingCode(table: SpellingTable, name: string, target: string, last: boolean, delimiter: number): string {
  const spellings = table.entries.slice(0, COMPILED_SPELLINGS);
  const byWord = new Map<number, string[]>();
  const short: string[] = [];
  for (const { bytes, value } of spellings) {
    const full = last ? bytes : Uint8Array.of(...bytes, delimiter);
    const [first, ...rest] = wordCompares(full);
    const conditions = last ? [...rest, `((b = buf[i + ${full.length}]) === ${LF} || b === ${CR})`] : rest;
    const hit = `{ ${target} = ${value}; i += ${full.length}; break found; }`;
    if (full.length >= 4) {
      const key = wordsOf(full)[0]!;
      const cases = byWord.get(key) ?? [];
      cases.push(conditions.length > 0 ? `if (${conditions.join(' && ')}) ${hit}` : hit);
      byWord.set(key, cases);
    } else short.push(`if (${[first, ...conditions].join(' && ')}) ${hit}`);
  }
  const cases = [...byWord].map(([word, code]) => `case ${int(word)}: ${code.join(' ')} break;`);
  const after = last ? `if (b !== ${LF} && b !== ${CR}) break ok;` : `if (b !== ${delimiter}) break ok; i++;`;
  const fallback =
    table.size > spellings.length
      ? `k = ${name}.match(buf, dv, i); if (k < 0) break ok; ${target} = ${name}.value[k]; i += ${name}.length[k]; b = buf[i]; ${after}`
      : 'break ok;';
  return `found: {
        x = dv.getInt32(i, true);
        switch (x) { ${cases.join('\n          ')} default: ${short.join(' ')} }
        ${fallback}
      }`;
}

/**
 * Step over a plain field to its end (`b` is then the delimiter or a line break): four bytes at a
 * time, looking for the delimiter or a control byte (below 14: LF, CR, tab, NUL...), whichever is
 * first. A field that starts with a quote goes to the careful path.
 */
function skipCode(delimiter: number): string {
  // bytes below n: one subtraction finds them; a delimiter above the digits needs its own test
  const below = delimiter < 0x30 ? Math.max(delimiter + 1, 14) : 14;
  const flagged =
    delimiter < 0x30
      ? `m = (x - ${hex(below * 0x01010101)}) & ~x & 0x80808080;`
      : `v = x ^ ${hex(delimiter * 0x01010101)}; m = (((v - 0x01010101) & ~v) | ((x - 0x0e0e0e0e) & ~x)) & 0x80808080;`;
  return `b = buf[i]; if (b === ${QUOTE}) break ok;
      for (;;) {
        x = dv.getInt32(i, true); ${flagged}
        if (m === 0) { i += 4; continue; }
        i += (31 - Math.clz32(m & -m)) >>> 3;
        b = buf[i];
        if (b === ${delimiter} || b === ${LF} || b === ${CR}) break;
        i++;
      }`;
}

/**
 * `p`: where the first byte of `x` that is not a digit is (4 when all are): a byte is a digit when
 * its high nibble is 3, and stays 3 once 6 is added. A carry from a byte above 0xF9 can only make
 * the next byte look like a non-digit, and that byte is never the first one found.
 */
const DIGITS_AT = `f = ((x & 0xF0F0F0F0) ^ 0x30303030) | (((x + 0x06060606) & 0xF0F0F0F0) ^ 0x30303030); p = f === 0 ? 4 : (31 - Math.clz32(f & -f)) >>> 3;`;

/** The value of the `p` leading digits of `x` (1 to 3, the rest of the word shifted out), into `target`. */
const digitsOf = (target: string) => `z = (x - 0x30303030) << ((4 - p) << 3); ${target} = ((z >>> 8) & 255) * 100 + ((z >>> 16) & 255) * 10 + (z >>> 24);`;

/**
 * A number measure's cell, or nothing (missing), read as whole units at its decimals and put on the
 * measure's grid. A cell whose bytes were read before is looked up by them (see
 * {@link NumberArrays.cache}); any other is read by the measure's own function, {@link numberReader},
 * out of the loop: the loop stays small, which is what the time V8 takes to optimise it (and the rows
 * it reads slowly meanwhile) depends on, and a file's distinct cells are few.
 */
function numberCode(k: number, last: boolean, delimiter: number, reload: string, fast: boolean): string {
  const ends = last ? `b === ${LF} || b === ${CR}` : `b === ${delimiter}`;
  // the cell's key: its first four bytes up to its first delimiter or control byte (that byte's low
  // seven bits included, so a key stands for one text), and its length (4: four or more), both
  // from the mask with no branch: where the next cell starts does not wait for the lookup. Its
  // place in the cache is its four low nibbles, which tell apart every key of digits, '.', '-' and
  // the byte after: a hash of the key let ~10% of a few hundred distinct values share a place with
  // another, and those rows (4% of them) were read digit by digit, alternately evicting each other
  const flagged =
    delimiter < 0x30
      ? `m = (x - ${hex(Math.max(delimiter + 1, 14) * 0x01010101)}) & ~x & 0x80808080;`
      : `v = x ^ ${hex(delimiter * 0x01010101)}; m = (((v - 0x01010101) & ~v) | ((x - 0x0e0e0e0e) & ~x)) & 0x80808080;`;
  return `md${k} = -1; mu${k} = 0; b = buf[i];
      if (!(${ends})) {
        x = dv.getInt32(i, true); ${flagged}
        m = (m & -m) - 1; kk = x & m; kl = (32 - Math.clz32(m)) >>> 3;
        kh = kk & 0x0f0f0f0f; kh = (kh | (kh >>> 4)) & 0x00ff00ff; kh = ((kh | (kh >>> 8)) & ${CACHE_CELLS - 1}) << 1;
        b = buf[i + kl];
        if (K${k}[kh] === kk && (${ends})) { mu${k} = K${k}[kh + 1]; md${k} = D${k}; i += kl; }
        else ${
          fast
            ? SLOW
            : `{
          i = number${k}(measures, N${k}, buf, dv, i, x, kk, kl, kh); if (i < 0) break ok;
          mu${k} = units; md${k} = N${k}.d; b = buf[i]; ${reload}
        }`
        }
      }`;
}

/**
 * The function that reads a number measure's cell the loop has not seen before (its units go to
 * \`units\`; it returns where the cell ends, or -1 for a cell only zod reads). It reads the common
 * shape itself, four bytes at a time: one to three digits, then maybe '.' and one to three more.
 * Every other cell (a sign, more digits, a point alone) is read by {@link MeasureWindow.readNumber}.
 * What neither reads (spaces, '+', an exponent, a value out of range) goes to the careful path, and
 * so to zod. The cell is remembered by its bytes when they are all its key holds.
 */
function numberReader(k: number, a: { min: number; max: number; integer: boolean }): string {
  // the bounds are numbers of the cohort's definition, written into the loop as constants; a
  // whole number is its units, others are compared as the double the text stands for
  const value = a.integer ? 'mu' : 'val';
  const bounds = [...(a.integer ? ['md > 0'] : []), ...(a.min > -Infinity ? [`${value} < ${a.min}`] : []), ...(a.max < Infinity ? [`${value} > ${a.max}`] : [])];
  const inUnits = !a.integer && bounds.length > 0 && (a.min === -Infinity || unitBounds(a.min)) && (a.max === Infinity || unitBounds(a.max));
  const unitChecks = [...(a.min > -Infinity ? [`mu < LO${k}[md]`] : []), ...(a.max < Infinity ? [`mu > HI${k}[md]`] : [])];
  const check =
    bounds.length === 0 ? '' : inUnits ? `if (${unitChecks.join(' || ')}) return -1;` : `${a.integer ? '' : 'val = md === 0 ? mu : mu / pow10[md]; '}if (${bounds.join(' || ')}) return -1;`;
  return `function number${k}(measures, N, buf, dv, i, x, kk, kl, kh) {
    const s = i, D = N.d;
    let b = 0, p = 0, f = 0, z = 0, q = 0, mu = 0, md = -1, val = 0.5;
    ${DIGITS_AT}
    if (p > 0 && p < 4) {
      ${digitsOf('mu')}
      i += p; b = buf[i];
      if (b !== 46) md = 0;
      else {
        x = dv.getInt32(i + 1, true); ${DIGITS_AT}
        if (p > 0 && p < 4) { ${digitsOf('q')} mu = mu * P10[p] + q; md = p; i += 1 + p; }
      }
    }
    if (md < 0) {
      // any other shape, byte by byte
      i = measures.readNumber(buf, s); if (i < 0) return -1;
      mu = measures.units; md = measures.decimals;
    }
    ${check}
    if (md !== D) {
      if (md < D) { mu *= P10[D - md]; if (mu >= ${MAX_UNITS} || mu <= -${MAX_UNITS}) return -1; }
      else { mu = measures.align(${k}, mu, md); if (mu !== mu) return -1; }
    }
    if (i - s === kl) { N.cache[kh] = kk; N.cache[kh + 1] = mu; }
    units = mu;
    return i;
  }`;
}

/**
 * A bound in units at 0 to 9 decimals (bound·10^d), when each is a whole number below 2^53 that
 * stands for the bound exactly as written: then comparing the units read with it gives zod's verdict
 * on the double the text stands for (two decimals of at most 9 digits never round to one double), with
 * no division per value. Undefined otherwise (the loop then divides).
 */
function unitBounds(bound: number): number[] | undefined {
  if (!Number.isFinite(bound)) return undefined;
  const out: number[] = [];
  for (let d = 0; d <= 9; d++) {
    const units = bound * 10 ** d;
    if (!Number.isInteger(units) || Math.abs(units) > 2 ** 53 || units / 10 ** d !== bound) return undefined;
    out.push(units);
  }
  return out;
}

/** Spellings of two bytes or more a level's cell is compared with all at once, at most (see {@link spellingsAtOnce}). */
const AT_ONCE = 4;

/**
 * A level's cell compared with each of its few short spellings at once, with no branch until the
 * end: each comparison gives 0 or 1 (spellings end with the field, so at most one is 1), and the
 * level and the field's length are their sums. Levels drawn at random ('female', 'male') made the
 * branch of a `switch` on the cell's first word a coin toss per row, mispredicted about every
 * other row (measured: ~45 ms of 10^7 rows). Undefined when the spellings do not allow it: more
 * than {@link AT_ONCE}, or one longer than 7 bytes (all are read, and reads stay within the
 * 8 bytes of slack after a line).
 */
function spellingsAtOnce(table: SpellingTable, name: string, target: string, last: boolean, delimiter: number): string | undefined {
  const compiled = table.entries.slice(0, COMPILED_SPELLINGS);
  const spellings = compiled.filter((e) => e.bytes.length > 1);
  if (spellings.length === 0 || spellings.length > AT_ONCE || spellings.some((e) => e.bytes.length > 7)) return undefined;
  const hits = spellings.map(({ bytes }, s) => {
    const full = last ? bytes : Uint8Array.of(...bytes, delimiter);
    const conditions = wordCompares(full).map((c) => `((${c}) | 0)`);
    if (last) conditions.push(`((buf[i + ${bytes.length}] === ${LF}) | (buf[i + ${bytes.length}] === ${CR}))`);
    return `const h${s} = ${conditions.join(' & ')};`;
  });
  const sum = (of: (e: (typeof spellings)[number]) => number) => spellings.map((e, s) => (of(e) === 0 ? '' : `h${s} * ${of(e)}`)).filter(Boolean).join(' + ') || '0';
  const after = last ? `if (b !== ${LF} && b !== ${CR}) break ok;` : `if (b !== ${delimiter}) break ok; i++;`;
  const fallback =
    table.size > compiled.length
      ? `k = ${name}.match(buf, dv, i); if (k < 0) break ok; ${target} = ${name}.value[k]; i += ${name}.length[k]; b = buf[i]; ${after}`
      : 'break ok;';
  return `x = dv.getInt32(i, true);
        ${hits.join('\n        ')}
        if ((${spellings.map((_, s) => `h${s}`).join(' | ')}) !== 0) { ${target} = ${sum((e) => e.value)}; i += ${sum((e) => e.bytes.length + (last ? 0 : 1))};${last ? ' b = buf[i];' : ''} }
        else { ${fallback} }`;
}

/**
 * A category or ordinal measure's cell: a known spelling (compiled in as for types and outcomes),
 * or nothing (missing). One-byte spellings (levels 1 to 5, a sex coded m/f) are looked up in a
 * table of 256 first, with no branch to mispredict; a few short ones are compared all at once
 * ({@link spellingsAtOnce}). Leaves `i` past the delimiter, or for the last column `b` at the line break.
 */
function levelCode(k: number, table: SpellingTable, last: boolean, delimiter: number): string {
  const empty = last ? `(b = buf[i]) === ${LF} || b === ${CR}` : `buf[i] === ${delimiter}`;
  const ends = last ? `((b = buf[i + 1]) === ${LF} || b === ${CR})` : `buf[i + 1] === ${delimiter}`;
  const single = table.entries.slice(0, COMPILED_SPELLINGS).some((e) => e.bytes.length === 1);
  return `ml${k} = -1;
      if (${empty}) ${last ? '{}' : 'i++;'}
      ${single ? `else if ((q = S${k}[buf[i]]) >= 0 && ${ends}) { ml${k} = q; i += ${last ? 1 : 2}; }` : ''}
      else {
        ${spellingsAtOnce(table, `L${k}.spellings`, `ml${k}`, last, delimiter) ?? spellingCode(table, `L${k}.spellings`, `ml${k}`, last, delimiter)}
      }`;
}

/** The units tables of a number measure's bounds, when the loop compares units (see {@link unitBounds}). */
function boundTables(k: number, a: { min: number; max: number; integer: boolean }): string {
  if (a.integer) return '';
  const lo = a.min === -Infinity ? undefined : unitBounds(a.min);
  const hi = a.max === Infinity ? undefined : unitBounds(a.max);
  if ((a.min > -Infinity && !lo) || (a.max < Infinity && !hi)) return '';
  // units compared with them are below 2^26, so bounds beyond 32 bits compare as the largest 32-bit ones, in integers
  const clamp = (units: readonly number[]) => units.map((u) => Math.min(2 ** 31 - 1, Math.max(-(2 ** 31), u))).join(', ');
  return `${lo ? `const LO${k} = Int32Array.of(${clamp(lo)});` : ''} ${hi ? `const HI${k} = Int32Array.of(${clamp(hi)});` : ''}`;
}

/** The table of one-byte spellings of a level measure: level index by byte, -1 for none. */
function singleByteTable(table: SpellingTable): string {
  const byByte = new Array<number>(256).fill(-1);
  for (const e of table.entries.slice(0, COMPILED_SPELLINGS)) if (e.bytes.length === 1 && byByte[e.bytes[0]!] === -1) byByte[e.bytes[0]!] = e.value;
  return `Int16Array.from([${byByte.join(',')}])`;
}

/**
 * Reading a measure's arrays into the loop's locals again, after a call that may replace them
 * (the window or a grid grew): held in locals, they cost the loop no property loads per row.
 */
function reloadCode(measures: MeasureWindow, only?: number): string {
  const one = (k: number) => (measures.num[k] ? `B${k} = N${k}.base; W${k} = N${k}.width; H${k} = N${k}.counts; D${k} = N${k}.d;` : `C${k} = L${k}.counts;`);
  // a number measure's grid changes alone (widened or refined); the window's layout changes them all
  return only === undefined ? `${measures.measures.map((_, k) => one(k)).join(' ')}${measures.joint ? ' JC = JL.counts;' : ''}` : one(only);
}

/**
 * Counting a row and its measures in the loop that makes no call ({@link compile}): every condition
 * under which the row needs a call (a year or type outside the window, a value off its grid, a bin
 * about to wrap) is checked before anything is counted, so the row can leave for the one-row loop
 * and be counted there instead, once.
 */
function fastCountCode(state: HotState, roles: readonly ColumnRole[]): string {
  const measures = state.measures!;
  const read = new Set(roles.filter((r) => r.startsWith('number:') || r.startsWith('level:')).map((r) => Number(r.split(':')[1])));
  const checks: string[] = [];
  const adds: string[] = ['counts[cell]++;'];
  const joint = measures.joint;
  if (joint) adds.push(`JC[cell * ${joint.size} + ${joint.measures.map((k, m) => `(ml${k} + 1) * ${joint.strides[m]}`).join(' + ')}]++;`);
  measures.measures.forEach((_, k) => {
    if (!read.has(k)) return;
    if (measures.num[k] !== undefined) {
      checks.push(`let r${k} = -1;
        if (md${k} >= 0) { r${k} = mu${k} - B${k}; if (r${k} >>> 0 >= W${k}) ${SLOW} r${k} += cell * W${k}; if (H${k}[r${k}] === 65535) ${SLOW} }`);
      adds.push(`if (r${k} >= 0) H${k}[r${k}]++;`);
    } else if (!joint?.measures.includes(k)) adds.push(`if (ml${k} >= 0) C${k}[cell * ${measures.lev[k]!.levels} + ml${k}]++;`);
  });
  return `if (row >>> 0 >= span || t >= slots) ${SLOW}
        const cell = (row * slots + t) * 4 + o;
        ${checks.join('\n        ')}
        ${adds.join('\n        ')}`;
}

/** Counting a row's measures into its cell (or, outside the window, record by record). */
function measureCountCode(state: HotState, roles: readonly ColumnRole[]): string {
  const measures = state.measures!;
  const read = new Set(roles.filter((r) => r.startsWith('number:') || r.startsWith('level:')).map((r) => Number(r.split(':')[1])));
  const adds: string[] = [];
  const parsed: string[] = [];
  const joint = measures.joint;
  // the level measures counted together: one increment for the row's combination of their levels
  if (joint) adds.push(`JC[cell * ${joint.size} + ${joint.measures.map((k, m) => `(ml${k} + 1) * ${joint.strides[m]}`).join(' + ')}]++;`);
  measures.measures.forEach((_, k) => {
    const isNumber = measures.num[k] !== undefined;
    if (!read.has(k)) {
      parsed.push(isNumber ? 'NaN' : '-1');
      return;
    }
    if (isNumber) {
      parsed.push(`md${k} < 0 ? NaN : mu${k}`);
      adds.push(`if (md${k} >= 0) {
          r = mu${k} - B${k};
          if (r >>> 0 < W${k}) { r += cell * W${k}; if (++H${k}[r] === 65536) measures.carry(${k}, r); } else { measures.hist(${k}, cell, mu${k}); ${reloadCode(measures, k)} }
        }`);
    } else {
      parsed.push(`ml${k}`);
      if (!joint?.measures.includes(k)) adds.push(`if (ml${k} >= 0) C${k}[cell * ${measures.lev[k]!.levels} + ml${k}]++;`);
    }
  });
  return `if (cell >= 0) {
          ${adds.join('\n          ')}
        } else measures.outside(state.typeNames[t], y, o, measures.valuesOf([${parsed.join(', ')}]));`;
}

function columnCode(role: ColumnRole, last: boolean, layout: Layout, state: HotState, run: number, fast = false): string {
  const { delimiter } = layout;
  // after the field: the delimiter (and step over it), or for the last column a line break
  const next = last ? `if (b !== ${LF} && b !== ${CR}) break ok;` : `if (b !== ${delimiter}) break ok; i++;`;
  if (role.startsWith('number:')) return `${numberCode(Number(role.slice(7)), last, delimiter, reloadCode(state.measures!, Number(role.slice(7))), fast)} ${next}`;
  if (role.startsWith('level:')) {
    // the spelling's compare steps over the delimiter itself
    const k = Number(role.slice(6));
    return `${levelCode(k, state.measures!.lev[k]!.spellings, last, delimiter)} ${last ? next : ''}`;
  }
  switch (role) {
    case 'skip':
      // `run` ignored columns in a row
      return run === 1
        ? `${skipCode(delimiter)} ${next}`
        : `for (c = 0; c < ${run}; c++) {
        ${skipCode(delimiter)}
        ${last ? `if (c < ${run - 1}) { if (b !== ${delimiter}) break ok; i++; } else if (b === ${delimiter}) break ok;` : `if (b !== ${delimiter}) break ok; i++;`}
      }`;
    case 'id':
      return `idStart = i; ${skipCode(delimiter)} idEnd = i; ${next}`;
    case 'type':
      return spellingCode(state.types, 'types', 't', last, delimiter);
    case 'outcome':
      return spellingCode(state.outcomes, 'outcomes', 'o', last, delimiter);
    case 'year':
      // four digits in one 32-bit read: every byte's high nibble is 3, and stays 3 after adding 6
      return `x = dv.getInt32(i, true);
      if (((x & 0xF0F0F0F0) | (((x + 0x06060606) & 0xF0F0F0F0) >>> 4)) !== 0x33333333) break ok;
      x -= 0x30303030;
      y = (x & 255) * 1000 + ((x >>> 8) & 255) * 100 + ((x >>> 16) & 255) * 10 + (x >>> 24);
      if (y < yearMin || y > yearMax) break ok;
      i += 4; b = buf[i]; ${next}`;
    default:
      throw new Error(`unknown column role ${String(role)}`);
  }
}

// One function per layout and spellings, reused: a new function would start again in the
// interpreter, which costs more than a small file takes to scan.
const compiled = new Map<string, HotLoop>();

const spellingKey = (table: SpellingTable) =>
  `${Math.min(table.size, COMPILED_SPELLINGS + 1)}:${table.entries
    .slice(0, COMPILED_SPELLINGS)
    .map((s) => `${s.value}=${Buffer.from(s.bytes).toString('hex')}`)
    .join(',')}`;

/** The inner loop for a layout and the spellings `state` knows now. */
export function compileHotLoop(layout: Layout, state: HotState): HotLoop {
  // a loop that counts measures reads their arrays from its state and has their level spellings compiled in
  const mk = state.measures;
  // a number measure's bounds are written into the loop too
  const numberKey = (a: { min: number; max: number; integer: boolean }) => `${a.integer ? 'i' : 'n'}[${a.min},${a.max}]`;
  const measureKey = mk ? `${mk.measures.map((m, k) => `${m.name}:${mk.num[k] ? numberKey(mk.num[k]) : `${mk.lev[k]!.levels}:${spellingKey(mk.lev[k]!.spellings)}`}`).join(';')}|${mk.joint?.measures.join(',') ?? ''}` : '';
  const key = `${layout.roles.join(',')}|${layout.delimiter}|${layout.emitRows}|${spellingKey(state.types)}|${spellingKey(state.outcomes)}|${measureKey}`;
  let loop = compiled.get(key);
  if (loop === undefined) {
    if (compiled.size >= 64) compiled.clear();
    loop = compile(layout, state);
    warm(loop, state);
    compiled.set(key, loop);
  }
  return loop;
}

const EMPTY = new Uint8Array(16);
const EMPTY_VIEW = new DataView(EMPTY.buffer);

/**
 * Call a new loop a few times on an empty range before it reads a row. V8 gives a function its type
 * feedback only from about its eighth call, and the loop is optimised during its first (on its
 * first range): its opening reads from `state`, never observed, made the next compiled version bail
 * out on entry, and the range after ran in the interpreter.
 */
function warm(loop: HotLoop, state: HotState): void {
  for (let k = 0; k < 12; k++) loop(state, EMPTY, EMPTY_VIEW, 0, 0);
}

/**
 * The loop's source. A loop that counts measures is made twice: one loop that makes no call, and
 * leaves any row that needs one (a number cell not read before, a grid or the window to grow, a bin
 * to carry) with `slow` set, before it has counted anything of it; and the loop that makes the calls,
 * run for that one row. Calls that V8 has seen made (every new number cell makes one) make it assume
 * the worst of every object the loop holds at each row: the map of each typed array checked, its
 * length and data pointer loaded again, per access. Without them it compiles to less code (6.5 KB of
 * machine code, was 7.4 KB) and counts 10^7 rows with four measures in ~5% less CPU time.
 */
function compile(layout: Layout, state: HotState): HotLoop {
  const { roles, emitRows } = layout;
  const partsOf = (fast: boolean) => {
    const parts: string[] = [];
    for (let c = 0; c < roles.length; ) {
      const role = roles[c]!;
      let run = 1;
      if (role === 'skip') while (roles[c + run] === 'skip') run++;
      parts.push(columnCode(role, c + run === roles.length, layout, state, run, fast));
      c += run;
    }
    return parts;
  };
  const measured = state.measures !== undefined && roles.some((r) => r.startsWith('number:') || r.startsWith('level:'));
  const mw = state.measures;
  // the measures' per-row locals, and their arrays (objects whose arrays are replaced when the window grows)
  const measureLocals = measured ? mw!.measures.map((_, k) => (mw!.num[k] ? `mu${k} = 0, md${k} = -1` : `ml${k} = -1`)).join(', ') : '';
  // tables the loop only reads, made once per compiled loop (not per call: it is called per range)
  const constants = measured
    ? `const pow10 = [${Array.from({ length: 16 }, (_, e) => `1e${e}`).join(', ')}];
  const P10 = Int32Array.of(${Array.from({ length: 10 }, (_, e) => `1e${e}`).join(', ')});
  ${mw!.measures.map((_, k) => (mw!.num[k] ? boundTables(k, mw!.num[k]) : `const S${k} = ${singleByteTable(mw!.lev[k]!.spellings)};`)).join(' ')}
  let units = 0;
  ${mw!.measures.map((_, k) => (mw!.num[k] && roles.includes(`number:${k}`) ? numberReader(k, mw!.num[k]) : '')).join('\n  ')}`
    : '';
  const measureSetup = measured
    ? `const measures = state.measures; measures.sync(window);
    ${mw!.measures.map((_, k) => (mw!.num[k] ? `const N${k} = measures.num[${k}], K${k} = N${k}.cache; let B${k} = 0, W${k} = 0, H${k} = N${k}.counts, D${k} = 0;` : `const L${k} = measures.lev[${k}]; let C${k} = L${k}.counts;`)).join(' ')}
    ${mw!.joint ? 'const JL = measures.joint; let JC = JL.counts;' : ''}
    ${reloadCode(mw!)}`
    : '';
  const count = measured
    ? `let cell = -1;
        if (row >>> 0 < span && t < slots) { cell = (row * slots + t) * 4 + o; counts[cell]++; }
        else {
          window.add(t, y, o, 1);
          counts = window.counts; base = window.base; span = window.span; slots = window.slots;
          measures.sync(window); cell = measures.cellOf(t, y, o); ${reloadCode(mw!)}
        }
        ${measureCountCode(state, roles)}`
    : `if (row >>> 0 < span && t < slots) counts[(row * slots + t) * 4 + o]++;
        else {
          window.add(t, y, o, 1);
          counts = window.counts; base = window.base; span = window.span; slots = window.slots;
        }`;
  const bodyOf = (parts: readonly string[], count: string, oneRow: boolean) => `
    const types = state.types, outcomes = state.outcomes;
    const yearMin = state.yearMin, yearMax = state.yearMax, window = state.window;
    ${measureSetup}
    let counts = window.counts, base = window.base, span = window.span, slots = window.slots;
    let i = from, line = state.line;
    while (i < to) {
      const start = i;
      let b = 0, c = 0, k = 0, x = 0, v = 0, m = 0, t = 0, y = 0, o = 0, idStart = 0, idEnd = 0${measured ? `, kl = 0, kk = 0, kh = 0, q = 0, r = 0, ${measureLocals}` : ''};
      ok: {
        ${parts.join('\n        ')}
        i += b === ${CR} && buf[i + 1] === ${LF} ? 2 : 1;
        const row = y - base;
        ${count}
        ${emitRows ? 'state.emit(t, y, o, buf, idStart, idEnd, line);' : ''}
        line++;
        ${oneRow ? 'lastLine = line; return i;' : 'continue;'}
      }
      lastLine = line;
      return start;
    }
    lastLine = line;
    return i;`;
  // The loop hands its last line number back through a variable of its closure, and the wrapper
  // stores it: a store into `state` at the loop's exits, which run only when a range ends, had no
  // type feedback when the loop was optimised mid-range, and bailed out at the end of each of the
  // first ranges (each time back to the interpreter for much of the next one).
  const factory = measured
    ? `let lastLine = 0, slow = 0;
  ${constants}
  const loop = function (state, buf, dv, from, to) {${bodyOf(partsOf(true), fastCountCode(state, roles), false)}};
  const oneRow = function (state, buf, dv, from, to) {${bodyOf(partsOf(false), count, true)}};
  return function (state, buf, dv, from, to) {
    let i = from;
    for (;;) {
      slow = 0;
      const end = loop(state, buf, dv, i, to); state.line = lastLine;
      if (slow === 0) return end;
      i = oneRow(state, buf, dv, end, to); state.line = lastLine;
      if (i === end) return end;
    }
  };`
    : `let lastLine = 0;
  ${constants}
  const loop = function (state, buf, dv, from, to) {${bodyOf(partsOf(false), count, false)}};
  return function (state, buf, dv, from, to) { const end = loop(state, buf, dv, from, to); state.line = lastLine; return end; };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the note at the top of the file
  return new Function(factory)() as HotLoop;
}
