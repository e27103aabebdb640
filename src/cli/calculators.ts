import { parseArgs } from 'node:util';
import { checkPercent } from '../audit/check-percent.js';
import { inferDenominators } from '../audit/infer-denominators.js';
import type { RoundingMode } from '../format/rounding.js';
import type { Io } from './io.js';
import { CHECK_PERCENT_HELP, INFER_N_HELP, UsageError } from './usage.js';

const roundingList = (text: string | undefined): RoundingMode[] | undefined =>
  text === undefined ? undefined : (text.split(',').map((s) => s.trim()) as RoundingMode[]);

function wholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} must be a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** `treatment-outcomes check-percent 31.34 --of 4278 [--rounding modes] [--json]`. */
export async function checkPercentCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      of: { type: 'string' },
      rounding: { type: 'string' },
      'decimal-comma': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(CHECK_PERCENT_HELP);
    return 0;
  }
  const n = wholeNumber(values.of, '--of');
  if (positionals.length !== 1 || n === undefined) throw new UsageError('usage: check-percent <percent> --of <n>');
  const rounding = roundingList(values.rounding);
  const r = checkPercent(positionals[0]!, n, { ...(rounding ? { rounding } : {}), decimalComma: values['decimal-comma'] });
  if (values.json) {
    io.out(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  const shown = `${r.reported.replace('%', '')}%`;
  if (r.consistent) io.out(`${shown} of ${n} is possible: numerators ${r.numerators!.min}-${r.numerators!.max} (rounding: ${r.rounding.join(', ')}).\n`);
  else {
    const near = [r.nearest?.below, r.nearest?.above].filter((x) => x !== undefined).map((x) => `${x.reported} (${x.numerator}/${n})`);
    io.out(`${shown} of ${n} is impossible under ${r.rounding.join(', ')} rounding. Nearest possible: ${near.join(' and ')}.\n`);
  }
  io.out(`Modes under which some numerator prints ${shown}: ${r.modes.length ? r.modes.join(', ') : 'none'}.\n`);
  return 0;
}

/** `treatment-outcomes infer-n 54.32 31.34 11.71 2.62 [--partition] [--min n] [--max n] [--limit k]`. */
export async function inferN(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      min: { type: 'string' },
      max: { type: 'string' },
      limit: { type: 'string' },
      partition: { type: 'boolean', default: false },
      rounding: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(INFER_N_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('usage: infer-n <percent>... [--partition] [--max n]');
  const min = wholeNumber(values.min, '--min');
  const max = wholeNumber(values.max, '--max');
  const limit = wholeNumber(values.limit, '--limit') ?? 20;
  const rounding = roundingList(values.rounding);
  const candidates = inferDenominators(positionals, {
    partition: values.partition,
    limit,
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(rounding ? { rounding } : {}),
  });
  if (values.json) {
    io.out(`${JSON.stringify(candidates, null, 2)}\n`);
    return 0;
  }
  const what = values.partition ? 'denominators for which the percents form a partition' : 'denominators for which every percent is possible';
  io.out(`${candidates.length === limit ? `First ${limit}` : `All ${candidates.length}`} ${what} (n from ${min ?? 1} to ${max ?? 100000}):\n`);
  for (const c of candidates) {
    const ranges = c.numerators.map((r) => (r.min === r.max ? String(r.min) : `${r.min}-${r.max}`)).join(', ');
    io.out(`  n = ${c.n}: ${c.example ? `e.g. ${c.example.join(' + ')}` : ranges}${c.commonDivisor ? ` (shares divisor ${c.commonDivisor} with n: ambiguous)` : ''}\n`);
  }
  return 0;
}
