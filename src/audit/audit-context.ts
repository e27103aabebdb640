import type { Claim } from '../claims/schema.js';
import type { RoundingMode } from '../format/rounding.js';
import { DECIMALS_LIMIT } from '../exact/validate.js';

/** What every check of one claims file shares: its rounding and how it writes numbers. */
export interface AuditContext {
  modes: RoundingMode[];
  decimalComma: boolean;
  /** A number we print, in the file's convention: "31.35" becomes "31,35" with a decimal comma. */
  num: (text: string) => string;
  /** A printed percent as the publication printed it, with one "%": "31,34" → "31,34%". */
  shown: (percent: string) => string;
}

const MODE_NAMES: Record<RoundingMode, string> = {
  'half-up': 'half-up',
  'half-down': 'half-down',
  'half-even': 'half-even',
  floor: 'floor (truncation)',
  ceil: 'ceiling',
};

/** The modes in words: "half-up, half-down, half-even". */
export const listModes = (modes: readonly RoundingMode[]): string => modes.map((m) => MODE_NAMES[m]).join(', ');
export const modeName = (mode: RoundingMode): string => MODE_NAMES[mode];

/** Digits after the decimal mark of a printed percent. */
export const decimalsOf = (percent: string): number => percent.replace('%', '').trim().split(/[.,]/)[1]?.length ?? 0;

/**
 * Decimals to show a figure's exact value at in a message: `extra` more than it was printed
 * with, but never past the limit a figure may be read with, so a figure that was read is never
 * refused by the message about it.
 */
export const finerDecimals = (decimals: number, extra: number): number => Math.min(decimals + extra, DECIMALS_LIMIT);

/** How a claim is named in messages. */
export const label = (c: Claim): string => c.label ?? c.id;

export function auditContext(modes: RoundingMode[], decimalComma: boolean): AuditContext {
  const num = decimalComma ? (text: string) => text.replace('.', ',') : (text: string) => text;
  return { modes, decimalComma, num, shown: (p) => `${p.replace('%', '').trim()}%` };
}
