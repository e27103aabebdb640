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
  table1 [file.csv]      Table 1: the cohort described by group (default: the synthetic sample)
  audit [claims]         Audit published figures (default: the bundled seed claims)
  extract <file|->       Turn a text, Markdown, HTML or PDF page (prose and tables) into a claims file
  report [claims]        A self-contained HTML report with charts (default: the seed claims;
                         --records your.csv or --sample adds record-level charts)
  check-percent <p> --of <n>
                         Is p% possible for some count out of n?
  infer-n <p>...         Which denominators make all these percents possible?
  web [--port n]         The workbench in your browser, served on 127.0.0.1 (nothing leaves it)

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
  --rounding <mode>    half-up (default), half-down, half-even, floor, ceil; the first three
                       differ only on ties (12.5 to no decimals: 13, 12, 12 = to the even
                       digit), floor truncates, ceil rounds up
  --basis <basis>      known (default: among known outcomes) or all (among all treated)
  --delimiter <d>      , ; or tab (default: detected from the header)
  --cohort <c>         Check types, aliases and years against a vocabulary: cerebral-palsy
                       (built in) or a cohort file (.yaml/.json: types, aliases, years).
                       Without one, types are compared trimmed and lower-cased, and
                       near-duplicate spellings and implausible years are warned about
  --lenient            Keep valid rows and report bad ones on stderr (default: any bad row is an error)
  --threads <n>        Count a large file on up to n threads (default 1; at most the cores free)
  --max-rejects <n>    Show and keep at most n rejected rows (default 20); all are counted by reason
  --rejects <file>     Write every rejected row to a CSV file (line,field,value,message,suggestion)
  --ci <method>        Add confidence intervals: wilson, wilson-cc, wald, agresti-coull,
                       clopper-pearson, jeffreys, mid-p; for the distribution also the
                       simultaneous sison-glaz, goodman, quesenberry-hurst (rates then use wilson)
  --level <p>          Confidence level of --ci (default 0.95)
  --compare <a,b>      Compare the improvement of two types within each year: the Mantel–Haenszel
                       odds ratio, the Cochran–Mantel–Haenszel test and Breslow–Day (Tarone)
  --by <strata>        The strata of --compare: year (the default)
  --json               Machine-readable output on stdout
  -h, --help           Show this help

Without a file, the bundled synthetic sample cohort (data/sample-cohort.csv) is used;
a file named - is read from standard input.
`;

export const AUDIT_HELP = `Usage: treatment-outcomes audit [claims.json|claims.yaml] [options]

Checks every published percentage against its denominator and counts, the rounding rule of the
table, sums of parts, subgroup rates and the case mix against population references.

Options:
  --from-text <file>     Extract the claims from a text, Markdown, HTML or PDF page (its prose
                         and its tables) first, and show each finding next to the words or
                         cell it is about
  --locale <l>           With --from-text: en, de, fr, es or auto (default)
  --records <file.csv>   Recount every numerator from record-level data
  --cohort <c>           Vocabulary for --records: cerebral-palsy or a cohort file (.yaml/.json)
  --format <f>           text (default), markdown or json
  -h, --help             Show this help

Without a file, the bundled seed claims (data/seed-claims.json) are audited.
Each finding is one figure: its severity (ERROR: it cannot be right; WARNING: it needs a closer
look; INFO: what it implies) and the codes of the checks it failed, such as percent-impossible
(no whole count prints the percent); the README lists every code.
Exit codes: 0 no error-level finding, 1 error-level findings, 2 usage or input error.
`;

export const CHECK_PERCENT_HELP = `Usage: treatment-outcomes check-percent <percent> --of <n> [options]

Options:
  --rounding <modes>   Comma-separated: half-up, half-down, half-even, floor, ceil
                       (default: half-up,half-down,half-even, i.e. ordinary rounding with a
                       tie such as 12.5 going either way; floor truncates, ceil rounds up)
  --decimal-comma      Read 31,34 as 31.34
  --json               Machine-readable output

Exit codes: 0 possible, 1 impossible under the rounding given, 2 usage error.
`;

export const INFER_N_HELP = `Usage: treatment-outcomes infer-n <percent>... [options]

Options:
  --partition          Only denominators for which the counts can also sum to n
  --min <n>            Smallest n to try (default 1)
  --max <n>            Largest n to try (default 100000; up to 9007199254740991, e.g. 1e15)
  --limit <k>          Show at most k candidates (default 20)
  --max-scan <n>       Refuse a search that would test more than n denominators one by one
                       (default 100000000, about a second per 10^7)
  --rounding <modes>   Comma-separated rounding modes (default: ordinary rounding)
  --json               Machine-readable output
`;

export const EXTRACT_HELP = `Usage: treatment-outcomes extract <file.txt|file.md|file.html|file.pdf|-> [options]

Finds counts, percents, totals and improvement rates in prose, and every "n (%)" and "mean (SD)"
cell of the page's tables, and writes them as a claims file (YAML), each claim with the exact words
or cell it came from. Figures with no denominator in reach are listed under "unresolved". PDF needs
the optional package pdfjs-dist (npm install pdfjs-dist@5).

Options:
  --out <file>         Write to a file (.yaml, .yml or .json) instead of standard output
  --locale <l>         en, de, fr, es or auto (default: auto, decimal commas told from the text)
  --decimal-comma      Read 31,34 % as 31.34 (and 4.278 as 4278); the same as --locale de
  --json               Print the claims file as JSON instead of YAML
`;

export const REPORT_HELP = `Usage: treatment-outcomes report [claims.json|yaml] [options]

Writes one HTML file with inline SVG and CSS (no script, no network request, prints on A4): the
published figures and their audit, and with record-level data the case mix against population
registers and improvement rates with intervals.

Options:
  --records <file.csv>   Your record-level data (without it: the published figures only)
  --cohort <c>           Vocabulary for --records: cerebral-palsy or a cohort file (.yaml/.json)
  --sample               Add the bundled synthetic sample cohort instead, labelled synthetic
  --out <file.html>      Where to write the report (default: standard output)
  --svg <dir>            Also write each chart as an SVG file into this directory

Without a claims file, the bundled seed claims (data/seed-claims.json) are used.
`;
