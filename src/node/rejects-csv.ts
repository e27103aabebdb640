import { createWriteStream } from 'node:fs';
import type { RejectedRow } from '../schema/rejected.js';

const cell = (value: unknown): string => {
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * A CSV file of rejected rows, one line per problem (`line,field,value,message,suggestion`),
 * written as they come with the writer's backpressure: pass `write` as a reader's `onRejected`.
 *
 * @example
 * const rejects = writeRejectsCsv('/dev/null');
 * await countCohortCsv(dataPath('sample-cohort.csv'), { mode: 'lenient', onRejected: rejects.write });
 * await rejects.close();
 * rejects.count; // 0
 */
export function writeRejectsCsv(path: string): { write: (row: RejectedRow) => void | Promise<void>; close: () => Promise<void>; readonly count: number } {
  const out = createWriteStream(path);
  let failure: Error | undefined;
  out.on('error', (error) => (failure = error));
  let pending = 'line,field,value,message,suggestion\n';
  let count = 0;
  const drain = () => new Promise<void>((resolve) => out.once('drain', () => resolve()));
  return {
    write(row) {
      if (failure) throw failure;
      count++;
      for (const issue of row.issues) pending += `${row.row},${cell(issue.field)},${cell(issue.value)},${cell(issue.message)},${cell(issue.suggestion)}\n`;
      if (pending.length < 1 << 16) return;
      const flushed = out.write(pending);
      pending = '';
      return flushed ? undefined : drain();
    },
    async close() {
      await new Promise<void>((resolve, reject) => out.end(pending, () => (failure ? reject(failure) : resolve())));
    },
    get count() {
      return count;
    },
  };
}
