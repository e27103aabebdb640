/** Time on an input of size 2n over time on size n (inputs made outside the timing): about 2 for linear work, 4 for quadratic. */
export function doublingRatio<T>(make: (size: number) => T, run: (input: T) => unknown, size: number, attempts = 6): number {
  const small = make(size);
  const large = make(2 * size);
  run(large); // warm up the JIT on the larger input
  // runs alternate between the two sizes and the fastest of each counts, so a burst of other work on
  // the machine slows both or neither; a quadratic cost stays near 4 on every attempt, noise does not
  let ratio = Infinity;
  for (let attempt = 0; attempt < attempts && ratio > 2.2; attempt++) {
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let i = 0; i < 5; i++) {
      let t0 = performance.now();
      run(small);
      bestSmall = Math.min(bestSmall, performance.now() - t0);
      t0 = performance.now();
      run(large);
      bestLarge = Math.min(bestLarge, performance.now() - t0);
    }
    ratio = Math.min(ratio, bestLarge / bestSmall);
  }
  return ratio;
}
