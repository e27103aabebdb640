// One figure typed by hand: "31.34% of 4278", "1341/4278 = 31.34%", "1341 of 4278 (31.34%)".
import { checkPercent, type PercentCheck } from '../../src/audit/check-percent.js';

/** A single check as read from the line the user typed. */
export interface SingleCheck {
  percent: string;
  denominator: number;
  numerator?: number;
}

const NUMBER = String.raw`\d[\d,\u00a0\u202f ]*`;
const PERCENT = String.raw`(\d+(?:[.,]\d+)?)\s*%`;
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => SingleCheck }[] = [
  // 1341/4278 = 31.34%, 1341 of 4278 (31.34%), 1341 out of 4278: 31.34%
  { re: new RegExp(String.raw`^(${NUMBER})\s*(?:/|of|out of)\s*(${NUMBER})\s*[=:(]?\s*${PERCENT}\)?$`, 'i'), read: (m) => ({ numerator: whole(m[1]!), denominator: whole(m[2]!), percent: m[3]! }) },
  // 31.34% of 4278, 31.34 % (n = 4278)
  { re: new RegExp(String.raw`^${PERCENT}\s*(?:of|out of|/|\(?\s*n\s*=)\s*(${NUMBER})\)?$`, 'i'), read: (m) => ({ percent: m[1]!, denominator: whole(m[2]!) }) },
];

const whole = (text: string) => Number(text.replace(/[,\u00a0\u202f ]/g, ''));

/** Read a typed check, or undefined when the line is not one. */
export function readSingleCheck(line: string): SingleCheck | undefined {
  const text = line.trim();
  for (const { re, read } of PATTERNS) {
    const m = re.exec(text);
    if (m) return read(m);
  }
  return undefined;
}

/** The verdict in plain words. */
export function describeSingleCheck(input: SingleCheck): { check: PercentCheck; possible: boolean; text: string } {
  const decimalComma = input.percent.includes(',');
  const check = checkPercent(input.percent, input.denominator, { decimalComma });
  const printed = `${input.percent}%`;
  const n = input.denominator;
  if (!check.consistent) {
    const near = [check.nearest?.below, check.nearest?.above].filter((x) => x !== undefined).map((x) => `${x.reported}% (${x.numerator}/${n})`);
    const other = check.modes.length > 0 ? ` Only ${check.modes.join(' or ')} rounding could print it.` : '';
    return { check, possible: false, text: `${printed} of ${n} cannot be right: no whole number out of ${n} prints as ${printed} under ordinary rounding. The nearest possible values are ${near.join(' and ')}.${other}` };
  }
  const { min, max } = check.numerators!;
  const which = min === max ? `only ${min}/${n} prints so` : `the numerators ${min}–${max} of ${n} print so`;
  const matches = input.numerator === undefined || (input.numerator >= min && input.numerator <= max);
  const numerator = input.numerator === undefined ? '' : matches ? ` The stated ${input.numerator} is one of them.` : ` But the stated ${input.numerator} is not one of them, so the count and the percent cannot both be right.`;
  return { check, possible: matches, text: `${printed} of ${n} is possible: ${which}.${numerator}` };
}
