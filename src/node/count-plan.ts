// When counting on more threads pays: only for work that outlasts starting a worker, and only on
// cores that are idle now. A worker on a busy core slows every thread down (the other work and
// this one share the core), which made two threads slower than one on a loaded machine.
import { availableParallelism, cpus, loadavg } from 'node:os';

/** What starting a worker costs (loading the reader in a new thread), measured at 30-60 ms. */
export const WORKER_START_MS = 50;

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
