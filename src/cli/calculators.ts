import { parseArgs } from 'node:util';
import { checkPercent } from '../audit/check-percent.js';
import { inferDenominators } from '../audit/infer-denominators.js';
import { LimitExceededError } from '../errors.js';
import { ROUNDING_MODES, type RoundingMode } from '../format/rounding.js';
import type { Io } from './io.js';
import { optionalWholeNumber, wholeNumberOption } from './options.js';
import { termsUsed } from './terms.js';
import { CHECK_PERCENT_HELP, INFER_N_HELP, UsageError } from './usage.js';
import { range } from './words.js';

function roundingList(text: string | undefined): RoundingMode[] | undefined {
  if (text === undefined) return undefined;
  const modes = text.split(',').map((s) => s.trim());
  const unknown = modes.filter((m) => !(ROUNDING_MODES as readonly string[]).includes(m));
  if (unknown.length > 0 || modes.length === 0) {
    throw new UsageError(`--rounding takes a comma-separated list of ${ROUNDING_MODES.join(', ')}; got ${JSON.stringify(text)}`);
  }
  return modes as RoundingMode[];
}

/** `treatment-outcomes check-percent 31.34 --of 4278 [--rounding modes] [--json]`: exit 1 when impossible. */
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
  if (positionals.length !== 1 || values.of === undefined) throw new UsageError('usage: check-percent <percent> --of <n>');
  const n = wholeNumberOption(values.of, '--of', { min: 1 });
  const rounding = roundingList(values.rounding);
  const r = checkPercent(positionals[0]!, n, { ...(rounding ? { rounding } : {}), decimalComma: values['decimal-comma'] });
  const exit = r.consistent ? 0 : 1;
  if (values.json) {
    io.out(`${JSON.stringify(r, null, 2)}\n`);
    return exit;
  }
  const shown = `${r.reported.replace('%', '')}%`;
  if (r.consistent) {
    const { min, max } = r.numerators!;
    const which = min === max ? `only ${min}/${n} prints so` : `numerators ${range(min, max)} of ${n} print so`;
    io.out(`${shown} of ${n} is possible: ${which} (rounding: ${r.rounding.join(', ')}).\n`);
  } else {
    const near = [r.nearest?.below, r.nearest?.above].filter((x) => x !== undefined).map((x) => `${x.reported}% (${x.numerator}/${n})`);
    io.out(`${shown} of ${n} is impossible under ${r.rounding.join(', ')} rounding. Nearest possible: ${near.join(' and ')}.\n`);
  }
  const modes = `Modes under which some numerator prints ${shown}: ${r.modes.length ? r.modes.join(', ') : 'none'}.\n`;
  io.out(modes + termsUsed(`${r.rounding.join(' ')} ${r.modes.join(' ')}`, []));
  return exit;
}

/** The library's limit errors name its options (maxScan); on the command line they name the flags. */
function withCliLimits<T>(search: () => T): T {
  try {
    return search();
  } catch (error) {
    if (!(error instanceof LimitExceededError)) throw error;
    const flags: Record<string, string> = { maxScan: '--max-scan', min: '--min', max: '--max', limit: '--limit' };
    const message = error.message.replace(/\b(maxScan|min and max|limit)\b/g, (word) => (word === 'min and max' ? '--min and --max' : (flags[word] ?? word)));
    throw new LimitExceededError(error.limit, error.max, error.requested, message);
  }
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
      'max-scan': { type: 'string' },
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
  const min = optionalWholeNumber(values.min, '--min', { min: 1 });
  const max = optionalWholeNumber(values.max, '--max', { min: 1 });
  const limit = optionalWholeNumber(values.limit, '--limit', { min: 1 }) ?? 20;
  const maxScan = optionalWholeNumber(values['max-scan'], '--max-scan', { min: 1 });
  const rounding = roundingList(values.rounding);
  const candidates = withCliLimits(() =>
    inferDenominators(positionals, {
      partition: values.partition,
      limit,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(maxScan !== undefined ? { maxScan } : {}),
      ...(rounding ? { rounding } : {}),
    }),
  );
  if (values.json) {
    io.out(`${JSON.stringify(candidates, null, 2)}\n`);
    return 0;
  }
  const what = values.partition ? 'for which the percents form a partition' : 'for which every percent is possible';
  const span = `n from ${min ?? 1} to ${max ?? 100000}`;
  const heading =
    candidates.length === 0 ? `No denominator ${what} (${span}).`
    : candidates.length === limit ? `${limit === 1 ? 'The first denominator' : `The first ${limit} denominators`} ${what} (${span}; a larger --limit shows more):`
    : candidates.length === 1 ? `The only denominator ${what} (${span}):`
    : `All ${candidates.length} denominators ${what} (${span}):`;
  io.out(`${heading}\n`);
  for (const c of candidates) {
    const ranges = c.numerators.map((r) => range(r.min, r.max)).join(', ');
    io.out(`  n = ${c.n}: ${c.example ? `e.g. ${c.example.join(' + ')}` : ranges}${c.commonDivisor ? ` (shares divisor ${c.commonDivisor} with n: ambiguous)` : ''}\n`);
  }
  return 0;
}
