// Counts over (type, year, outcome) as the scanner finds them: a dense window of years × type slots
// (one array increment per row, inlined by the scanner), grown when a row falls outside it, with
// years far from the rest kept sparsely so a stray year such as 20005 cannot make the table huge.

/** Years counted densely at most; years farther apart go to the sparse part. */
const MAX_SPAN = 512;
/** Type slots counted densely at most. */
const MAX_SLOTS = 1024;
const O = 4;

export class CountWindow {
  /** `counts[((year - base) * slots + type) * 4 + outcome]`. */
  counts = new Float64Array(0);
  base = 0;
  span = 0;
  slots = 0;
  private readonly sparse = new Map<number, number[]>();

  constructor(years?: readonly [number, number]) {
    if (years && years[1] - years[0] < MAX_SPAN) this.relayout(years[0], years[1] - years[0] + 1, 8);
  }

  add(t: number, year: number, o: number, n: number): void {
    let y = year - this.base;
    if (y >= 0 && y < this.span && t < this.slots) {
      this.counts[(y * this.slots + t) * O + o]! += n;
      return;
    }
    let slots = Math.max(this.slots, 8);
    while (t >= slots) slots *= 2;
    // grow by at least 16 years at a time, so years arriving in order do not re-layout on each one
    const lo = this.span === 0 ? year - 8 : Math.min(this.base, year - 8);
    const hi = this.span === 0 ? year + 8 : Math.max(this.base + this.span - 1, year + 8);
    if (hi - lo < MAX_SPAN && slots <= MAX_SLOTS) {
      this.relayout(lo, hi - lo + 1, slots);
      y = year - this.base;
      this.counts[(y * this.slots + t) * O + o]! += n;
      return;
    }
    const cells = this.sparse.get(year) ?? [];
    cells[t * O + o] = (cells[t * O + o] ?? 0) + n;
    this.sparse.set(year, cells);
  }

  private relayout(base: number, span: number, slots: number): void {
    const next = new Float64Array(span * slots * O);
    for (let y = 0; y < this.span; y++) {
      const to = (y + this.base - base) * slots * O;
      next.set(this.counts.subarray(y * this.slots * O, (y + 1) * this.slots * O), to);
    }
    this.counts = next;
    this.base = base;
    this.span = span;
    this.slots = slots;
  }

  /** Every non-zero cell. */
  forEach(visit: (t: number, year: number, o: number, n: number) => void): void {
    const { counts, slots, base } = this;
    for (let cell = 0; cell < counts.length; cell++) {
      const n = counts[cell]!;
      if (n > 0) visit(Math.floor(cell / O) % slots, base + Math.floor(cell / (O * slots)), cell % O, n);
    }
    for (const [year, cells] of this.sparse) {
      cells.forEach((n, k) => {
        if (n > 0) visit(Math.floor(k / O), year, k % O, n);
      });
    }
  }
}
