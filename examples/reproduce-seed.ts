// Recompute the clinic's published percentages from its counts and show which print each
// rounding rule gives. Run: npx tsx examples/reproduce-seed.ts
// (In your own code, import from 'treatment-outcomes' instead of '../src/index.js'.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatPercent, ROUNDING_MODES, type RoundingMode } from '../src/index.js';

interface SeedClaim {
  id: string;
  numerator?: number;
  denominator: number;
  percent: string;
}

export function reproduceSeed(claims: readonly SeedClaim[]): string[] {
  const counted = claims.filter((c): c is SeedClaim & { numerator: number } => c.numerator !== undefined);
  const lines: string[] = [];
  const header = ['type', 'count', 'printed', 'exact %', ...ROUNDING_MODES];
  const rows = counted.map((c) => {
    const decimals = c.percent.split('.')[1]?.length ?? 0;
    const prints = ROUNDING_MODES.map((mode) => {
      const p = formatPercent(c.numerator, c.denominator, { decimals, rounding: mode });
      return p === c.percent ? `${p} =` : p;
    });
    const exact = formatPercent(c.numerator, c.denominator, { decimals: 6, rounding: 'floor' });
    return [c.id, String(c.numerator), c.percent, `${exact}...`, ...prints];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const r of [header, ...rows]) lines.push(r.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  '));
  lines.push('("=" marks a print that matches the published one)', '');

  const fits = (mode: RoundingMode) =>
    counted.every((c) => formatPercent(c.numerator, c.denominator, { decimals: c.percent.split('.')[1]?.length ?? 0, rounding: mode }) === c.percent);
  const explaining = ROUNDING_MODES.filter(fits);
  lines.push(
    explaining.length > 0
      ? `Rounding rules that reproduce every printed percent: ${explaining.join(', ')}`
      : 'No single rounding rule reproduces every printed percent.',
  );
  for (const c of counted) {
    const decimals = c.percent.split('.')[1]?.length ?? 0;
    const ordinary = formatPercent(c.numerator, c.denominator, { decimals });
    if (ordinary !== c.percent) {
      const matching = ROUNDING_MODES.filter((m) => formatPercent(c.numerator, c.denominator, { decimals, rounding: m }) === c.percent);
      lines.push(
        `${c.id}: ${c.numerator}/${c.denominator} = ${formatPercent(c.numerator, c.denominator, { decimals: 4, rounding: 'floor' })}...%, ` +
          `which ordinary rounding prints as ${ordinary}, not the published ${c.percent}` +
          (matching.length > 0 ? ` (only ${matching.join(', ')} gives ${c.percent})` : ''),
      );
    }
  }
  return lines;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seed = JSON.parse(readFileSync(new URL('../data/seed-claims.json', import.meta.url), 'utf8')) as { claims: SeedClaim[] };
  console.log(reproduceSeed(seed.claims).join('\n'));
}
