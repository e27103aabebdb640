import { CohortValidationError, InputFormatError, TreatmentOutcomesError } from '../errors.js';
import type { Io } from './io.js';
import { audit } from './audit.js';
import { checkPercentCommand, inferN } from './calculators.js';
import { extract } from './extract.js';
import { report } from './report.js';
import { summarize } from './summarize.js';
import { MAIN_HELP, UsageError } from './usage.js';

declare const __VERSION__: string | undefined;

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  summarize,
  audit,
  extract,
  report,
  'check-percent': checkPercentCommand,
  'infer-n': inferN,
};

function describeError(error: unknown): string {
  if (error instanceof CohortValidationError) {
    const where = error.file ?? '<input>';
    return error.rejected
      .flatMap((r) =>
        r.issues.map((i) => `${where}:${r.row}: ${i.field}: ${i.message}${i.suggestion !== undefined ? ` (did you mean "${i.suggestion}"?)` : ''}`),
      )
      .join('\n')
      .concat(error.rejectedCount > error.rejected.length ? `\n${where}: ${error.rejectedCount - error.rejected.length} more invalid row(s) not shown (--max-rejects N shows more; --lenient --rejects FILE writes every one)` : '');
  }
  if (error instanceof InputFormatError) return error.message;
  if (error instanceof UsageError) return `${error.message}\nRun 'treatment-outcomes --help' for usage.`;
  if (error instanceof Error) return error.message;
  return String(error);
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
    const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (handler === undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    return await handler(rest, io);
  } catch (error) {
    const known = error instanceof TreatmentOutcomesError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    const fileMissing = error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'EACCES');
    if (!known && !fileMissing) throw error;
    io.err(`error: ${describeError(error)}\n`);
    return 2;
  }
}
