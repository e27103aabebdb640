import { isCount } from './context.js';
import type { Table } from './table.js';
import type { ReadCell } from './table-claims.js';

const STOP = new Set(['n', 'no', 'of', 'the', 'a', 'an', 'with', 'who', 'were', 'was', 'in', 'among', 'amongst', 'and', 'or', 'at', 'to', 'number', 'patients', 'participants', 'cases', 'subjects', 'people', 'persons', 'all', 'those', 'least', 'one']);
const words = (text: string) => new Set(text.toLowerCase().replace(/\(%\)|%/g, ' ').split(/[^a-z0-9>≥<≤]+/).filter((w) => w !== '' && !STOP.has(w)));
const SHARE_OF = /\b(?:among|amongst|of|in)\s+(?:the\s+|all\s+)?(?:patients|participants|children|those|cases|subjects|people|persons|men|women|males?|females?|boys|girls)\b(.*)$/i;
const FEMALE = /\b(?:female|females|women|girls)\b/i;
const MALE = /\b(?:male|males|men|boys)\b/i;

/**
 * Rows whose count another row's label says it is a share of: "In-hospital mortality (among
 * patients with at least one indicator of complicated course)" and the row "At least one indicator
 * of complicated course"; "of male patients who were >65 years" and "of male patients" (and "of female
 * patients" and the column's N less the male row). `named`:
 * the label names that row outright (every word of it), so it holds even when the percent does not fit.
 */
export function linkedRows(table: Table, r: number, c: number, cells: readonly (readonly (ReadCell | undefined)[])[], columnN?: number, about?: string): { n: number; named: boolean }[] {
  // `about`: a note under the cell's mark that says whose share it is ("Of total number of patients
  // having discontinued the study drug"); the row it names may print its label over two columns
  const label = about ?? table.rowLabels[r]!;
  const m = SHARE_OF.exec(label);
  if (!m) return [];
  const own = words(m[0]);
  const out: { n: number; named: boolean; score: number }[] = [];
  for (let k = table.headerRows; k < table.grid.length; k++) {
    if (k === r) continue;
    const v = cells[k]?.[c]?.value;
    const n = v?.kind === 'count-percent' && isCount(v.count) ? v.count.value : v?.kind === 'number' && isCount(v.value) ? v.value.value : undefined;
    if (n === undefined) continue;
    const theirs = about === undefined ? words(table.rowLabels[k]!.split(' / ').pop()!) : new Set([...words(table.rowLabels[k]!)].filter((w) => w !== 'total'));
    if (theirs.size === 0) continue;
    // "of female patients" where only the male row is printed: the column's N less the males
    if (columnN !== undefined && FEMALE.test(m[0]) && MALE.test(table.rowLabels[k]!) && !FEMALE.test(table.rowLabels[k]!) && n < columnN && [...theirs].every((w) => MALE.test(w) || own.has(w))) {
      out.push({ n: columnN - n, named: false, score: 0.5 });
    }
    const shared = [...theirs].filter((w) => own.has(w)).length / theirs.size;
    if (shared >= 0.5) out.push({ n, named: shared === 1 && theirs.size >= 2, score: shared });
  }
  return out.sort((a, b) => b.score - a.score).map(({ n, named }) => ({ n, named }));
}
