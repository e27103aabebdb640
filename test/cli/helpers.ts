import { run } from '../../src/cli/run.js';

/** Run the CLI in-process and collect what it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t), bold: (t) => t });
  return { code, out, err };
}
