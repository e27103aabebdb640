// What a table cell says: "45 (37.5)", "12/40 (30%)", "37.5% (45)", "8.5% (n = 5)", "7.4 ± 2.1", "62 (58–65)", "66.1".
// Numbers keep their printed digits (a '.' decimal mark, no thousands separators), so audits see
// exactly what was printed.

/** A number as printed in a cell. */
export interface CellNumber {
  /** Digits with a '.' decimal mark and no grouping: "1,204" → "1204", "84,3" (decimal comma) → "84.3". */
  digits: string;
  value: number;
  decimals: number;
  negative: boolean;
  /** A '%' followed it. */
  percent: boolean;
  /** Printed as a bound ("<0.1", "≥ 5"): the value is a limit, not the figure. */
  bound?: boolean;
}

/** The statistic a cell prints. `pair` is "a (b)" whose meaning (count and percent, or mean and SD) needs context. */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'text' }
  | { kind: 'number'; value: CellNumber }
  | { kind: 'pair'; first: CellNumber; second: CellNumber }
  | { kind: 'count-percent'; count: CellNumber; percent: CellNumber; total?: CellNumber; order: 'n (%)' | '% (n)' | 'n/N (%)' }
  | { kind: 'count-total'; count: CellNumber; total: CellNumber }
  | { kind: 'mean-sd'; mean: CellNumber; sd: CellNumber }
  | { kind: 'spread'; center: CellNumber; low: CellNumber; high: CellNumber; brackets: '()' | '[]' };

/** Footnote marks printed after a value: "58.7*", "24.5 (4.8)†", "373 (58.7)a". */
const MARKS = /[*†‡§¶‖#]+|(?<=[\d)\]%])[a-h](?![a-z])/g;

/** Does the text carry a footnote mark after a value? */
export const hasFootnoteMark = (text: string): boolean => /[\d)\]%][*†‡§¶‖#]|[\d)\]%][a-h](?![a-z])/.test(text);

function readNumber(raw: string, decimalComma: boolean): CellNumber | undefined {
  const bound = /^[<>≤≥~≈]/.test(raw.trim());
  let t = raw.trim().replace(/^[<>≤≥~≈]\s*/, '');
  const percent = /%\s*$/.test(t);
  t = t.replace(/\s*%\s*$/, '');
  let negative = false;
  if (/^[-−–]/.test(t)) {
    negative = true;
    t = t.slice(1);
  }
  // a lone "59,4" in a point-decimal table is still a decimal: no thousands group has two digits
  const comma = decimalComma || /^\d{1,3},\d{1,2}$/.test(t);
  const group = comma ? /[.\s\u00a0\u202f\u2009]/g : /[,\s\u00a0\u202f\u2009]/g;
  const mark = comma ? ',' : '.';
  const parts = t.split(mark);
  if (parts.length > 2) return undefined;
  const whole = parts[0]!;
  const frac = parts[1];
  // grouping separators only between groups of three digits: "1,204", "21 024"
  if (!/^\d+$/.test(whole) && !/^\d{1,3}(?:[,.\s\u00a0\u202f\u2009]\d{3})+$/.test(whole)) return undefined;
  const w = whole.replace(group, '');
  if (!/^\d+$/.test(w) || (frac !== undefined && !/^\d+$/.test(frac))) return undefined;
  const digits = frac === undefined ? w.replace(/^0+(?=\d)/, '') : `${w.replace(/^0+(?=\d)/, '')}.${frac}`;
  return { digits, value: (negative ? -1 : 1) * Number(digits), decimals: frac?.length ?? 0, negative, percent, ...(bound ? { bound } : {}) };
}

// a number: "1,204", "21 024" (spaces between groups of three), "84,3", "-0.2"
const NUM = String.raw`[<>≤≥~≈]?\s*[-−–]?(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?(?!\d)|\d[\d,.]*)(?:\s*%)?`;
const RANGE_SEP = String.raw`(?:\s*(?:[–—-]|to|;|‐|−)\s*|,\s+)`;
const PATTERNS: { re: RegExp; build: (m: RegExpExecArray, dc: boolean) => CellValue | undefined }[] = [
  // n/N (%)
  {
    re: new RegExp(String.raw`^(${NUM})\s*/\s*(${NUM})\s*[(\[]\s*(${NUM})\s*[)\]]$`),
    build: (m, dc) => {
      const [count, total, percent] = [readNumber(m[1]!, dc), readNumber(m[2]!, dc), readNumber(m[3]!, dc)];
      return count && total && percent ? { kind: 'count-percent', count, total, percent, order: 'n/N (%)' } : undefined;
    },
  },
  // n/N
  {
    re: new RegExp(String.raw`^(${NUM})\s*/\s*(${NUM})$`),
    build: (m, dc) => {
      const [count, total] = [readNumber(m[1]!, dc), readNumber(m[2]!, dc)];
      return count && total ? { kind: 'count-total', count, total } : undefined;
    },
  },
  // mean (±SD)
  {
    re: new RegExp(String.raw`^(${NUM})\s*[(\[]\s*(?:±|\+/-|\+-)\s*(${NUM})\s*[)\]]$`),
    build: (m, dc) => {
      const [mean, sd] = [readNumber(m[1]!, dc), readNumber(m[2]!, dc)];
      return mean && sd ? { kind: 'mean-sd', mean, sd } : undefined;
    },
  },
  // mean (SD=x): "33.3 (SD=5.0)", "33.1(SD 5.1)": the bracket names its figure
  {
    re: new RegExp(String.raw`^(${NUM})\s*[(\[]\s*(?:SD|s\.d\.)\s*[=:]?\s*(${NUM})\s*[)\]]$`, 'i'),
    build: (m, dc) => {
      const [mean, sd] = [readNumber(m[1]!, dc), readNumber(m[2]!, dc)];
      return mean && sd ? { kind: 'mean-sd', mean, sd } : undefined;
    },
  },
  // mean ± SD (range): "5.6 ± 2.7 (1–9)", "18.0 ± 13.5 [range 1–62]": the range after it is the data's, not a second statistic to check
  {
    re: new RegExp(String.raw`^(${NUM})\s*(?:±|\+/-|\+-)\s*(${NUM})\s*[(\[]\s*(?:range\s*[:,]?\s*)?${NUM}${RANGE_SEP}${NUM}\s*[)\]]$`, 'i'),
    build: (m, dc) => {
      const [mean, sd] = [readNumber(m[1]!, dc), readNumber(m[2]!, dc)];
      return mean && sd ? { kind: 'mean-sd', mean, sd } : undefined;
    },
  },
  // mean ± SD
  {
    re: new RegExp(String.raw`^(${NUM})\s*(?:±|\+/-|\+-)\s*(${NUM})$`),
    build: (m, dc) => {
      const [mean, sd] = [readNumber(m[1]!, dc), readNumber(m[2]!, dc)];
      return mean && sd ? { kind: 'mean-sd', mean, sd } : undefined;
    },
  },
  // a (b–c), a [b; c], a (b to c): a median with its IQR or range, or an estimate with its interval
  {
    re: new RegExp(String.raw`^(${NUM})\s*([(\[])\s*(?:(?:IQR|range|95\s*%\s*CI)\s*[:,]?\s*)?(${NUM})${RANGE_SEP}(${NUM})\s*[)\]]$`, 'i'),
    build: (m, dc) => {
      const [center, low, high] = [readNumber(m[1]!, dc), readNumber(m[3]!, dc), readNumber(m[4]!, dc)];
      return center && low && high ? { kind: 'spread', center, low, high, brackets: m[2] === '[' ? '[]' : '()' } : undefined;
    },
  },
  // n (%) [95% CI a–b], n (%; 95% CI a–b), n (%) (a–b)
  {
    re: new RegExp(String.raw`^(${NUM})\s*[(\[]\s*(${NUM})\s*(?:[)\]]\s*[(\[]|[;,])\s*(?:95\s*%\s*CI\s*[:,]?\s*)?(${NUM})${RANGE_SEP}(${NUM})\s*[)\]]$`, 'i'),
    build: (m, dc) => {
      const [count, percent] = [readNumber(m[1]!, dc), readNumber(m[2]!, dc)];
      return count && percent && Number.isInteger(count.value) && !count.percent ? { kind: 'count-percent', count, percent: { ...percent, percent: true }, order: 'n (%)' } : undefined;
    },
  },
  // "8.5% (n = 5)": a percent with its count named
  {
    re: new RegExp(String.raw`^(${NUM})\s*[(\[]\s*[nN]\s*=\s*(${NUM})\s*[)\]]$`),
    build: (m, dc) => {
      const [percent, count] = [readNumber(m[1]!, dc), readNumber(m[2]!, dc)];
      return percent && count && !count.percent && Number.isInteger(count.value) ? { kind: 'count-percent', count, percent: { ...percent, percent: true }, order: '% (n)' } : undefined;
    },
  },
  // a (b), a [b]
  {
    re: new RegExp(String.raw`^(${NUM})\s*[(\[]\s*(${NUM})\s*[)\]]$`),
    build: (m, dc) => {
      const [first, second] = [readNumber(m[1]!, dc), readNumber(m[2]!, dc)];
      if (!first || !second) return undefined;
      if (second.percent && !first.percent) return { kind: 'count-percent', count: first, percent: second, order: 'n (%)' };
      if (first.percent && !second.percent) return { kind: 'count-percent', count: second, percent: first, order: '% (n)' };
      return { kind: 'pair', first, second };
    },
  },
  {
    re: new RegExp(String.raw`^(${NUM})$`),
    build: (m, dc) => {
      const value = readNumber(m[1]!, dc);
      return value ? { kind: 'number', value } : undefined;
    },
  },
];

/**
 * Read one table cell: counts with percents ("45 (37.5)" stays a `pair` until context decides, "45
 * (37.5%)" is a count and percent), "n/N (%)", "% (n)", "n (%) [95% CI]", "mean ± SD", medians with
 * IQR or range, bare numbers; footnote marks and thousands separators are dropped.
 *
 * @example
 * readCell('1,204 (37.5%)*');  // { kind: 'count-percent', count: { digits: '1204', … }, percent: { digits: '37.5', … }, order: 'n (%)' }
 * readCell('7.4 ± 2.1').kind;  // 'mean-sd'
 * readCell('5.6 ± 2.7 (1–9)').kind; // 'mean-sd' (the range is the data's)
 * readCell('60·2 (±10·1)');   // { kind: 'mean-sd', mean: { digits: '60.2', … }, sd: { digits: '10.1', … } }
 * readCell('84,3', { decimalComma: true }); // { kind: 'number', value: { digits: '84.3', … } }
 */
export function readCell(text: string, options: { decimalComma?: boolean } = {}): CellValue {
  // a middle dot between digits is a decimal point (Lancet style: "8·8")
  const t = text.replace(/(\d)[\u00b7\u2219](?=\d)/g, '$1.').replace(MARKS, '').replace(/[\s\u00a0]+/g, ' ').trim();
  if (t === '' || /^[-–—−]+$|^(?:NA|N\/A|n\/a|NR|nr|-)$/.test(t)) return { kind: 'empty' };
  // "5.0 (5.9) (median(iqr): 3(6))": a second summary in brackets after the first, named by its word
  const first = t.replace(/\s*[(\[]\s*(?:median|iqr|range)\b.*[)\]]$/i, '');
  if (first !== t && first !== '') return readCell(first, options);
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (m) {
      const v = p.build(m, options.decimalComma ?? false);
      if (v) return v;
    }
  }
  return { kind: 'text' };
}

/**
 * A cell of percents each named by its word: "62% male, 38% female", "45% yes"; undefined for anything else.
 *
 * @example
 * // (internal to the table reader, not exported)
 * // namedPercents('62% male, 38% female') → [{ level: 'male', percent: { digits: '62', … } }, { level: 'female', … }]
 */
export function namedPercents(text: string, decimalComma = false): { level: string; percent: CellNumber }[] | undefined {
  const parts = text.trim().split(/\s*[,;]\s+|\s*;\s*/);
  const out: { level: string; percent: CellNumber }[] = [];
  for (const part of parts) {
    const m = /^(\d+(?:[.,]\d+)?\s*%)\s+(\p{L}[\p{L} -]{0,30})$/u.exec(part.trim());
    const percent = m ? readNumber(m[1]!, decimalComma) : undefined;
    if (!m || !percent || percent.value > 100) return undefined;
    out.push({ level: m[2]!.trim(), percent });
  }
  return out.length > 0 ? out : undefined;
}

/** Does a table write decimals with commas ("84,3")? Yes when commas precede 1–2 digits and no point does. */
export function usesDecimalComma(texts: readonly string[]): boolean {
  let comma = 0;
  let point = 0;
  for (const t of texts) {
    if (/\d,\d{1,2}(?!\d)/.test(t)) comma += 1;
    if (/\d\.\d{1,2}(?!\d)/.test(t)) point += 1;
  }
  return comma > 0 && comma > point * 3;
}
