import { TreatmentOutcomesError } from '../errors.js';

/** A mistake in how the command was called: exit code 2 with the message and a pointer to --help. */
export class UsageError extends TreatmentOutcomesError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

export const MAIN_HELP = `Usage: treatment-outcomes <command> [options]

Commands:
  summarize [file.csv]   Type distribution and improvement rates of a cohort CSV
                         (default: the bundled synthetic sample cohort)

Options:
  -h, --help             Show help (also: treatment-outcomes <command> --help)
  -v, --version          Show the version

Exit codes: 0 ok, 1 findings of severity error, 2 usage or input error.
`;

export const SUMMARIZE_HELP = `Usage: treatment-outcomes summarize [file.csv] [options]

Reads a cohort CSV with columns type, year, outcome (id optional) and prints the type
distribution and the improvement rates overall, by type and by year.

Options:
  --decimals <n>       Decimals of printed percents (default 1)
  --rounding <mode>    half-up (default), half-down, half-even, floor, ceil
  --basis <basis>      known (default: among known outcomes) or all (among all treated)
  --delimiter <d>      , ; or tab (default: detected from the header)
  --lenient            Keep valid rows and report bad ones on stderr (default: any bad row is an error)
  --json               Machine-readable output on stdout
  -h, --help           Show this help

Without a file, the bundled synthetic sample cohort (data/sample-cohort.csv) is used.
`;
