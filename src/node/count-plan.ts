// When counting on more threads pays: only for work that outlasts starting a worker, and only on
// cores that are idle now. A worker on a busy core slows every thread down (the other work and
// this one share the core), which made two threads slower than one on a loaded machine.
import { availableParallelism, cpus, loadavg } from 'node:os';

/**
 * What a worker costs before it counts at full speed: its first 8 MiB chunk arrives 60-115 ms
 * after it is started (the thread's start, loading the reader, a scanner not yet optimised).
 */
export const WORKER_START_MS = 100;
/** How long the calling thread counts, measuring idle cores, before it decides on workers. */
export const DECIDE_MS = 50;
/**
 * One thread's counting speed on a fast core, in bytes per millisecond: 1.0-1.2 GB/s was measured
 * for `id,type,year,outcome` files; a faster figure errs toward trying workers.
 */
const FAST_BYTES_PER_MS = 1.5e6;

/**
 * Files smaller than `minBytes` are counted on one thread without trying workers, as
 * `countCohortCsv` does: even at a fast core's speed the count is over before a worker, started
 * after deciding, could repay its start (sharing what is left must save twice what it costs).
 * Counting a file chunk by chunk while deciding costs a few percent, so that is not tried either.
 * Only tests change it.
 */
export const parallelPlan = { minBytes: (DECIDE_MS + 4 * WORKER_START_MS) * FAST_BYTES_PER_MS };

const idleMs = () => cpus().reduce((sum, cpu) => sum + cpu.times.idle, 0);

/**
 * Start measuring idle cores: the returned function gives how many cores were idle, on average,
 * since it was made (from the operating system's idle time per core). Where the system does not
 * say, the load average stands in for it.
 */
export function idleCores(): () => number {
  const from = idleMs();
  const started = performance.now();
  return () => {
    const wall = performance.now() - started;
    if (cpus().length === 0 || wall <= 0) return Math.max(0, availableParallelism() - (loadavg()[0] ?? 0));
    return (idleMs() - from) / wall;
  };
}

/**
 * Workers to start: one per idle core (a core counts from 0.75 of one), at most `threads - 1`,
 * and none unless the chunks left take long enough here that sharing them saves more than
 * starting the workers costs.
 */
export function workersToStart(plan: { threads: number; chunksLeft: number; perChunkMs: number; idleCores: number }): number {
  const { threads, chunksLeft, perChunkMs, idleCores } = plan;
  const workers = Math.max(0, Math.min(threads - 1, Math.floor(idleCores + 0.25), chunksLeft));
  const rest = chunksLeft * perChunkMs;
  return workers > 0 && rest - rest / (workers + 1) > 2 * WORKER_START_MS ? workers : 0;
}
