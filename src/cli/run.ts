import { CohortValidationError, InputFormatError, TreatmentOutcomesError } from '../errors.js';
import { describeFileError } from './input-file.js';
import type { Io } from './io.js';
import { MAIN_HELP, UsageError } from './usage.js';
import { count } from './words.js';

declare const __VERSION__: string | undefined;

type Command = (argv: string[], io: Io) => Promise<number>;

// Each command is loaded only when it runs, so `--version` or `check-percent` never loads the CSV
// reader, the report or the inference code.
const COMMANDS: Record<string, () => Promise<Command>> = {
  summarize: async () => (await import('./summarize.js')).summarize,
  audit: async () => (await import('./audit.js')).audit,
  extract: async () => (await import('./extract.js')).extract,
  report: async () => (await import('./report.js')).report,
  table1: async () => (await import('./table1.js')).table1,
  'check-percent': async () => (await import('./calculators.js')).checkPercentCommand,
  'infer-n': async () => (await import('./calculators.js')).inferN,
  web: async () => (await import('./web.js')).web,
};

function describeError(error: unknown): string {
  if (error instanceof CohortValidationError) {
    const where = error.file ?? '<input>';
    return error.rejected
      .flatMap((r) =>
        r.issues.map((i) => `${where}:${r.row}: ${i.field}: ${i.message}${i.suggestion !== undefined ? ` (did you mean "${i.suggestion}"?)` : ''}`),
      )
      .join('\n')
      .concat(error.rejectedCount > error.rejected.length ? `\n${where}: ${count(error.rejectedCount - error.rejected.length, 'more invalid row', 'more invalid rows')} not shown (--max-rejects N shows more; --lenient --rejects FILE writes every one)` : '');
  }
  if (error instanceof InputFormatError) return error.message;
  if (error instanceof UsageError) return `${error.message}\nRun 'treatment-outcomes --help' for usage.`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A file-system error from any command, in plain words with the file's name (or undefined). */
function fileError(error: unknown): InputFormatError | undefined {
  const path = error instanceof Error && 'path' in error && typeof error.path === 'string' ? error.path : undefined;
  return path === undefined ? undefined : describeFileError(error, path, 'a file');
}

/** Run the CLI with `argv` (without node and script) and return the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.out(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'development'}\n`);
    return 0;
  }
  try {
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (load === undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    return await (await load())(rest, io);
  } catch (error) {
    const parseArgsError = error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    const known = error instanceof TreatmentOutcomesError ? error : parseArgsError ? new UsageError(error.message) : fileError(error);
    if (known === undefined) throw error;
    io.err(`error: ${describeError(known)}\n`);
    return 2;
  }
}
