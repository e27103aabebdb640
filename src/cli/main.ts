#!/usr/bin/env node
import { run } from './run.js';
import { styler } from './style.js';

const bold = styler(process.stdout);
// Ctrl-C stops reading cleanly: the command reports it and exits 130, as shells expect.
const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted')));
const showProgress = process.stderr.isTTY === true && !process.env.CI;
run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  bold: (text) => bold('bold', text),
  signal: controller.signal,
  ...(showProgress ? { progress: (line: string) => process.stderr.write(line) } : {}),
}).then(
  (code) => {
    process.exitCode = controller.signal.aborted ? 130 : code;
  },
  (error: unknown) => {
    if (controller.signal.aborted) {
      process.stderr.write('\ninterrupted\n');
      process.exitCode = 130;
      return;
    }
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
