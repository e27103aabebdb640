// Tiny benchmark harness: medians of repeated runs, and ratios against a baseline measured in
// the same process (machines here are shared and noisy, so absolute times mean little).
export interface Timing {
  name: string;
  medianMs: number;
}

export function time(name: string, fn: () => unknown, runs = 7): Timing {
  fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, medianMs: samples[Math.floor(samples.length / 2)] ?? NaN };
}

export function report(title: string, baseline: Timing, others: readonly Timing[]): void {
  console.log(`\n${title}`);
  for (const t of [baseline, ...others]) {
    const ratio = t === baseline ? 'baseline' : `${(t.medianMs / baseline.medianMs).toFixed(2)}x baseline time`;
    console.log(`  ${t.name.padEnd(44)} ${t.medianMs.toFixed(2).padStart(9)} ms   ${ratio}`);
  }
}
