// The scanner's inner loop, compiled once per header layout. A loop that dispatched on each
// column's role measured 1.5-2x slower than straight-line code for the layout at hand, so the
// code for each column is laid out in order here. Only fixed templates and numbers go into the
// generated source, never text from the file.
import type { CountWindow } from './count-window.js';
import type { SpellingTable } from './spelling-table.js';

/** What each column is, for the compiled loop: skipped, or one of the fields counted. */
export type ColumnRole = 'skip' | 'id' | 'type' | 'year' | 'outcome';

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
}

/**
 * Scans whole lines of `buf[from, to)` (which ends with a line break) while each line is a plain
 * row of known spellings; returns where it stopped: `to`, or the start of the first other line.
 */
export type HotLoop = (state: HotState, buf: Uint8Array, dv: DataView, from: number, to: number) => number;

const LF = 10;
const CR = 13;
const QUOTE = 34;

function columnCode(role: ColumnRole, last: boolean, delimiter: number, run: number): string {
  // after the field: the delimiter (and step over it), or for the last column a line break
  const next = last ? `if (b !== ${LF} && b !== ${CR}) break ok;` : `if (b !== ${delimiter}) break ok; i++;`;
  switch (role) {
    case 'skip':
      // `run` ignored columns in a row, each to its delimiter; a quoted one goes to the careful path
      return `for (k = 0; k < ${run}; k++) {
        b = buf[i]; if (b === ${QUOTE}) break ok;
        while (b !== ${delimiter} && b !== ${LF} && b !== ${CR}) b = buf[++i];
        ${last ? `if (k < ${run - 1}) { if (b !== ${delimiter}) break ok; i++; } else if (b === ${delimiter}) break ok;` : `if (b !== ${delimiter}) break ok; i++;`}
      }`;
    case 'id':
      return `idStart = i; b = buf[i]; if (b === ${QUOTE}) break ok;
      while (b !== ${delimiter} && b !== ${LF} && b !== ${CR}) b = buf[++i];
      idEnd = i; ${next}`;
    case 'type':
      return `k = types.match(buf, dv, i); if (k < 0) break ok; t = typeValue[k]; i += typeLength[k]; b = buf[i]; ${next}`;
    case 'outcome':
      return `k = outcomes.match(buf, dv, i); if (k < 0) break ok; o = outcomeValue[k]; i += outcomeLength[k]; b = buf[i]; ${next}`;
    case 'year':
      // four digits in one 32-bit read: every byte's high nibble is 3, and stays 3 after adding 6
      return `x = dv.getInt32(i, true);
      if (((x & 0xF0F0F0F0) | (((x + 0x06060606) & 0xF0F0F0F0) >>> 4)) !== 0x33333333) break ok;
      x -= 0x30303030;
      y = (x & 255) * 1000 + ((x >>> 8) & 255) * 100 + ((x >>> 16) & 255) * 10 + (x >>> 24);
      if (y < yearMin || y > yearMax) break ok;
      i += 4; b = buf[i]; ${next}`;
  }
}

// One function per layout, reused: a new function would start again in the interpreter, which
// costs more than a small file takes to scan.
const compiled = new Map<string, HotLoop>();

/** Compile the inner loop for one layout: the role of each column, in order. */
export function compileHotLoop(roles: readonly ColumnRole[], delimiter: number, emitRows: boolean): HotLoop {
  const key = `${roles.join(',')}|${delimiter}|${emitRows}`;
  let loop = compiled.get(key);
  if (loop === undefined) {
    if (compiled.size >= 64) compiled.clear();
    loop = compile(roles, delimiter, emitRows);
    compiled.set(key, loop);
  }
  return loop;
}

function compile(roles: readonly ColumnRole[], delimiter: number, emitRows: boolean): HotLoop {
  const parts: string[] = [];
  for (let c = 0; c < roles.length; ) {
    const role = roles[c]!;
    let run = 1;
    if (role === 'skip') while (roles[c + run] === 'skip') run++;
    parts.push(columnCode(role, c + run === roles.length, delimiter, run));
    c += run;
  }
  const body = `
    const types = state.types, outcomes = state.outcomes;
    const typeValue = types.value, typeLength = types.length, outcomeValue = outcomes.value, outcomeLength = outcomes.length;
    const yearMin = state.yearMin, yearMax = state.yearMax, window = state.window;
    let counts = window.counts, base = window.base, span = window.span, slots = window.slots;
    let i = from, line = state.line;
    while (i < to) {
      const start = i;
      let b = 0, k = 0, x = 0, t = 0, y = 0, o = 0, idStart = 0, idEnd = 0;
      ok: {
        ${parts.join('\n        ')}
        i += b === ${CR} && buf[i + 1] === ${LF} ? 2 : 1;
        const row = y - base;
        if (row >= 0 && row < span && t < slots) counts[(row * slots + t) * 4 + o]++;
        else {
          window.add(t, y, o, 1);
          counts = window.counts; base = window.base; span = window.span; slots = window.slots;
        }
        ${emitRows ? 'state.emit(t, y, o, buf, idStart, idEnd, line);' : ''}
        line++;
        continue;
      }
      state.line = line;
      return start;
    }
    state.line = line;
    return i;`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the note at the top of the file
  return new Function('state', 'buf', 'dv', 'from', 'to', body) as HotLoop;
}
