import { stat } from 'node:fs/promises';

/** A progress line for reading a file: rows, MB/s and ETA, redrawn at most ten times a second. */
export async function progressReporter(file: string, draw: (line: string) => void): Promise<{ update: (bytes: number, lines: number) => void; done: () => void }> {
  const total = (await stat(file).catch(() => ({ size: 0 }))).size;
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(bytes, lines) {
      const now = performance.now();
      if (now - last < 100 || total === 0) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = bytes / 1e6 / Math.max(seconds, 1e-3);
      const eta = rate > 0 ? (total - bytes) / 1e6 / rate : 0;
      const width = 24;
      const filled = Math.round((bytes / total) * width);
      draw(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(lines / 1e6).toFixed(2)}M rows  ${rate.toFixed(0)} MB/s  ETA ${eta.toFixed(1)} s `);
      shown = true;
    },
    done() {
      if (shown) draw('\r\x1b[2K');
    },
  };
}
