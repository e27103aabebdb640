// Rejected rows in bounded memory: the first N kept in full, every one counted by reason, and each
// handed to a callback (say, a file writer) so that nothing is lost however many there are.
import type { RejectedRow } from '../schema/rejected.js';

/** How many rejected rows failed for one reason (the message with its quoted values left out). */
export interface RejectReason {
  field: string;
  /** The message, with quoted values replaced by `…`: `unknown type …; allowed: spastic, mixed`. */
  reason: string;
  count: number;
  /** Line (or row) of the first row rejected for it. */
  firstRow: number;
}

/** Options for keeping rejected rows. */
export interface RejectOptions {
  /** Keep at most this many rejected rows in `rejected` (default: all); the rest are counted. */
  maxRejected?: number;
  /** Called with every rejected row, in line order; a returned promise is awaited before reading on. */
  onRejected?: (row: RejectedRow) => void | Promise<void>;
}

const MAX_REASONS = 1000;
// unrolled, so a long quoted value costs no backtracking stack
const QUOTED = /"[^"\\]*(?:\\.[^"\\]*)*"/g;

export class RejectLog {
  readonly kept: RejectedRow[] = [];
  count = 0;
  private readonly reasons = new Map<string, RejectReason>();
  private pending: Promise<void>[] = [];
  private readonly max: number;

  constructor(private readonly options: RejectOptions = {}) {
    const max = options.maxRejected ?? Infinity;
    this.max = Number.isNaN(max) || max < 0 ? 0 : max;
  }

  add(row: RejectedRow): void {
    this.count++;
    if (this.kept.length < this.max) this.kept.push(row);
    for (const issue of row.issues) {
      const reason = issue.message.replace(QUOTED, '…');
      let key = `${issue.field}\n${reason}`;
      if (!this.reasons.has(key) && this.reasons.size >= MAX_REASONS) key = '(other)';
      const entry = this.reasons.get(key);
      if (entry) entry.count++;
      else this.reasons.set(key, key === '(other)' ? { field: '(other)', reason: 'other reasons', count: 1, firstRow: row.row } : { field: issue.field, reason, count: 1, firstRow: row.row });
    }
    const waiting = this.options.onRejected?.(row);
    if (waiting) this.pending.push(waiting);
  }

  /** Wait for the callback's pending work (backpressure of a file being written). */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const waiting = this.pending;
    this.pending = [];
    await Promise.all(waiting);
  }

  /** Counts per reason, most frequent first. */
  byReason(): RejectReason[] {
    return [...this.reasons.values()].sort((a, b) => b.count - a.count || a.firstRow - b.firstRow);
  }
}
