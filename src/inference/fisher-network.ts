// The exact p-value of Fisher's test on an r×c table by the network algorithm (Mehta & Patel
// 1983): tables are built column by column; a node is the multiset of row totals still to fill,
// and each node carries the distinct "past" costs (Σ log nᵢⱼ! of the columns placed) that reach
// it. A past is settled at once when bounds on the cost of every completion put all of them on
// the same side of the observed table (all count: add the node's total weight in closed form; none
// count: drop it), so the work grows with the number of distinct partial margins near the
// observed table, not with the number of tables. The last two columns are settled per node from
// the sorted list of its completions, one binary search per past. Tables of five or more columns
// (on the longer side) instead meet in the middle: the second half is built backwards, settled
// against the exact weight and cost range of the prefixes still open, and the two halves are
// paired by a sorted sweep, so neither side grows past half the table.
import gammaln from '@stdlib/math-base-special-gammaln';
import { InvalidArgumentError } from '../errors.js';

const TIE = Math.log1p(1e-7); // tables within a relative 1e-7 of the observed probability count, as in R
const MERGE = 2 ** -28; // pasts closer than this in Σ log n! are one (their weights are kept exactly)
const MEET_FROM = 5; // tables with at least this many columns (the longer side) meet in the middle

/**
 * Work beyond which the exact computation stops: partial tables and completions examined, and for
 * each new node the cost of its bounds (rows × columns still to fill), which on tables of a few
 * thousand is most of the time.
 */
export const FISHER_MAX_WORK = 50_000_000;

/**
 * Ways to split `total` over parts with caps (0 ≤ partᵢ ≤ capᵢ), counted as a double, stopping
 * once the count passes `stop`.
 */
function boundedSplits(total: number, caps: readonly number[], stop: number): number {
  // ways[s]: splits of s over the parts so far; each new part adds a window sum of width cap + 1
  let ways = new Float64Array(total + 1);
  ways[0] = 1;
  for (const cap of caps) {
    const next = new Float64Array(total + 1);
    let window = 0;
    for (let s = 0; s <= total; s++) {
      window += ways[s]!;
      if (s - cap - 1 >= 0) window -= ways[s - cap - 1]!;
      next[s] = window;
    }
    ways = next;
    if (ways[total]! > stop) return ways[total]!;
  }
  return ways[total]!;
}

/**
 * A lower bound on the steps {@link fisherNetworkLogPValue} takes on `table`, found before any of
 * them: every split of the largest column over the rows is one step of the first stage, which no
 * bound settles. Cheap (rows × that column's total); counting stops past `stop`. A table whose
 * bound passes the budget will not finish, and a caller can choose another test at once.
 */
export function fisherWorkLowerBound(table: readonly (readonly number[])[], stop = Infinity): number {
  const R0 = table.length;
  const C0 = table[0]?.length ?? 0;
  if (R0 < 2 || C0 < 2 || (R0 === 2 && C0 === 2)) return 0;
  const cells = R0 <= C0 ? table : table[0]!.map((_, j) => table.map((r) => r[j]!));
  const rowSums = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = cells[0]!.map((_, j) => cells.reduce((a, r) => a + r[j]!, 0));
  if (colSums.length < 3) return 0;
  return boundedSplits(Math.max(...colSums), rowSums, stop);
}

/**
 * The pasts at one node: the cost of each path placed so far and its weight (how many paths of that
 * cost were merged into it, each weighing e^(−cost)). Appended unsorted; `sorted` orders them and
 * merges pasts closer than 2^−28 in cost, keeping their weights exactly.
 */
class Pasts {
  private costs = new Float64Array(8);
  private weights = new Float64Array(8);
  size = 0;

  add(cost: number, weight: number): void {
    if (this.size === this.costs.length) {
      const costs = new Float64Array(2 * this.size);
      costs.set(this.costs);
      this.costs = costs;
      const weights = new Float64Array(2 * this.size);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.costs[this.size] = cost;
    this.weights[this.size++] = weight;
  }

  /** The pasts in ascending order of cost, near-equal ones merged. */
  sorted(): { costs: number[]; weights: number[] } {
    const { costs, weights } = this;
    if (this.size === 1) return { costs: [costs[0]!], weights: [weights[0]!] };
    const order = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i++) order[i] = i;
    order.sort((a, b) => costs[a]! - costs[b]!);
    const outCosts: number[] = [];
    const outWeights: number[] = [];
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const cost = costs[i]!;
      const last = outCosts.length - 1;
      if (last >= 0 && cost - outCosts[last]! < MERGE) outWeights[last]! += weights[i]! * Math.exp(outCosts[last]! - cost);
      else {
        outCosts.push(cost);
        outWeights.push(weights[i]!);
      }
    }
    return { costs: outCosts, weights: outWeights };
  }
}

/** Bounds on the cost of a node's completions, and log Σ e^(−cost) over all of them. */
interface Bounds {
  low: number;
  high: number;
  logTotal: number;
}

/** The first index whose value is at least `v` in an ascending array (its length if none). */
function firstAtLeast(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** log Σ_{e' ≥ e} weight·e^(−cost) for every e: the pasts from e on, for settling a suffix at once. */
function logSuffixSums(costs: readonly number[], weights: readonly number[]): Float64Array {
  const E = costs.length;
  const logSuffix = new Float64Array(E + 1).fill(-Infinity);
  const base = costs[0]!;
  let acc = 0;
  for (let e = E - 1; e >= 0; e--) {
    acc += weights[e]! * Math.exp(base - costs[e]!);
    logSuffix[e] = Math.log(acc) - base;
  }
  return logSuffix;
}

interface Node {
  rows: Int32Array;
  pasts: Pasts;
}

/** Σ log n! of a sum spread as evenly as the caps allow (the smallest such sum) or as unevenly (the largest). */
function spreadCost(total: number, caps: readonly number[], lf: Float64Array, even: boolean): number {
  const sorted = [...caps].sort((a, b) => (even ? a - b : b - a));
  let left = total;
  let cost = 0;
  for (let i = 0; i < sorted.length && left > 0; i++) {
    const cap = sorted[i]!;
    if (even) {
      const slots = sorted.length - i;
      const share = Math.floor(left / slots);
      if (cap <= share) {
        cost += lf[cap]!;
        left -= cap;
        continue;
      }
      const extra = left - share * slots; // these many of the remaining slots take one more
      cost += extra * lf[share + 1]! + (slots - extra) * lf[share]!;
      left = 0;
    } else {
      const v = Math.min(cap, left);
      cost += lf[v]!;
      left -= v;
    }
  }
  return cost;
}

/**
 * A Lagrangian lower bound on the smallest Σ log nᵢⱼ! over tables with margins (rows, cols): for
 * any multipliers, Σ uᵢ rᵢ + Σ vⱼ cⱼ + Σᵢⱼ min over whole n of (log n! − (uᵢ + vⱼ) n) is one
 * (weak duality). With uᵢ + vⱼ = log(rᵢ cⱼ / A), the log of the expected count, the cell minima
 * sit next to the continuous optimum, so the bound is nearly tight.
 */
function dualBound(rows: readonly number[], cols: readonly number[], A: number, lf: Float64Array): number {
  if (A === 0) return 0;
  const logA = Math.log(A);
  let bound = 0;
  const u = rows.map((r) => (r > 0 ? Math.log(r) : 0));
  const v = cols.map((c) => (c > 0 ? Math.log(c) - logA : 0));
  rows.forEach((r, i) => (bound += u[i]! * r));
  cols.forEach((c, j) => (bound += v[j]! * c));
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] === 0) continue;
    for (let j = 0; j < cols.length; j++) {
      if (cols[j] === 0) continue;
      const t = u[i]! + v[j]!;
      const n = Math.min(Math.floor(Math.exp(t)), rows[i]!, cols[j]!);
      bound += lf[n]! - t * n;
    }
  }
  return bound;
}

/**
 * The ways to split `total` over rows with caps (each part ≤ its cap), visited in place as an
 * odometer: `first` sets up the first split, `next` moves to the following one.
 */
class Splits {
  readonly parts: Int32Array;
  private readonly left: Int32Array;
  private readonly rest: Int32Array;
  private caps: ArrayLike<number> = [];

  constructor(private readonly k: number) {
    this.parts = new Int32Array(k);
    this.left = new Int32Array(k);
    this.rest = new Int32Array(k + 1);
  }

  first(total: number, caps: ArrayLike<number>): boolean {
    const { k, rest } = this;
    this.caps = caps;
    rest[k] = 0;
    for (let i = k - 1; i >= 0; i--) rest[i] = rest[i + 1]! + caps[i]!;
    if (total > rest[0]!) return false;
    this.left[0] = total;
    this.fillFrom(0);
    return true;
  }

  /** Rows from i on at their smallest parts given what is left. */
  private fillFrom(i: number): void {
    const { k, parts, left, rest } = this;
    for (let r = i; r < k - 1; r++) {
      const v = Math.max(0, left[r]! - rest[r + 1]!);
      parts[r] = v;
      left[r + 1] = left[r]! - v;
    }
    parts[k - 1] = left[k - 1]!;
  }

  next(): boolean {
    const { k, parts, left, caps } = this;
    for (let i = k - 2; i >= 0; i--) {
      if (parts[i]! < Math.min(caps[i]!, left[i]!)) {
        parts[i]! += 1;
        left[i + 1] = left[i]! - parts[i]!;
        this.fillFrom(i + 1);
        return true;
      }
    }
    return false;
  }
}

/** Accumulates Σ e^t with one exponential per term, rescaling only when a term is far larger. */
class LogSum {
  private scale = -Infinity;
  private sum = 0;
  add(t: number): void {
    const d = t - this.scale;
    if (d > 600) {
      this.sum = this.sum * Math.exp(-d) + 1;
      this.scale = t;
    } else {
      this.sum += Math.exp(d);
    }
  }
  get value(): number {
    return this.scale + Math.log(this.sum);
  }
}

/**
 * log of Fisher's exact p-value for an r×c table (R's rule: the tables no more likely than the
 * observed one, relative tolerance 1e-7). Throws when the work would pass `maxWork`.
 */
export function fisherNetworkLogPValue(table: readonly (readonly number[])[], maxWork = FISHER_MAX_WORK, spent?: { work: number }): number {
  const counter = { work: 0 };
  try {
    return networkLogPValue(table, maxWork, counter);
  } finally {
    if (spent) spent.work = counter.work;
  }
}

function networkLogPValue(table: readonly (readonly number[])[], maxWork: number, counter: { work: number }): number {
  const R0 = table.length;
  const C0 = table[0]!.length;
  // rows become the node (fewer of them), columns the stages
  const cells: number[][] = R0 <= C0 ? table.map((r) => [...r]) : table[0]!.map((_, j) => table.map((r) => r[j]!));
  const rowSums = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = cells[0]!.map((_, j) => cells.reduce((a, r) => a + r[j]!, 0));
  const N = rowSums.reduce((a, b) => a + b, 0);
  const lf = new Float64Array(N + 1);
  for (let i = 2; i <= N; i++) lf[i] = gammaln(i + 1);
  const observedCost = cells.flat().reduce((a, v) => a + lf[v]!, 0);
  const threshold = observedCost - TIE; // a table counts when its Σ log n! ≥ threshold
  const logConstant = rowSums.reduce((a, r) => a + lf[r]!, 0) + colSums.reduce((a, c) => a + lf[c]!, 0) - lf[N]!;
  // larger columns first: the nodes after them are fewer, and the final pair is cheap to list
  const cols = [...colSums].sort((a, b) => b - a);
  const C = cols.length;
  const restCost = new Float64Array(C + 1); // Σ log c! of the columns from stage j on
  for (let j = C - 1; j >= 0; j--) restCost[j] = restCost[j + 1]! + lf[cols[j]!]!;

  let work = 0;
  const tooMuch = (): never => {
    counter.work = Math.max(counter.work, work);
    throw new InvalidArgumentError(
      'table',
      table,
      `the exact p-value needs more than ${maxWork.toExponential(0)} steps for this table; pass simulate: { replicates, seed } for a Monte Carlo p-value`,
    );
  };
  const result = new LogSum();

  /** Bounds for a node whose columns from `stage` on are still to fill. */
  const boundsOf = (rows: ArrayLike<number>, stage: number): Bounds => {
    rows = Array.from(rows);
    const A = (rows as number[]).reduce((a, b) => a + b, 0);
    const rest = cols.slice(stage);
    let lowest = 0; // a lower bound on the smallest completion cost
    let highest = 0; // an upper bound on the largest
    let lowByRows = 0;
    let highByRows = 0;
    const rowList = rows as number[];
    for (const c of rest) {
      lowest += spreadCost(c, rowList, lf, true);
      highest += spreadCost(c, rowList, lf, false);
    }
    for (const r of rowList) {
      lowByRows += spreadCost(r, rest, lf, true);
      highByRows += spreadCost(r, rest, lf, false);
    }
    const logTotal = lf[A]! - (rows as number[]).reduce((a, r) => a + lf[r]!, 0) - restCost[stage]!; // log Σ e^(−cost) over completions
    return { low: Math.max(lowest, lowByRows, dualBound(rowList, rest, A, lf)), high: Math.min(highest, highByRows), logTotal };
  };

  // A node's key: its sorted remaining row totals in mixed radix (exact below 2^53), else as text.
  const R = rowSums.length;
  const radix = Math.max(...rowSums) + 1;
  const numeric = R * Math.log2(radix) < 52;
  const keyOf = (rows: Int32Array): number | string => {
    if (!numeric) return rows.join(',');
    let k = 0;
    for (let i = 0; i < R; i++) k = k * radix + rows[i]!;
    return k;
  };
  let stage = 0;
  let nodes = new Map<number | string, Node>();
  const root: Node = { rows: Int32Array.from([...rowSums].sort((a, b) => a - b)), pasts: new Pasts() };
  root.pasts.add(0, 1);
  nodes.set(keyOf(root.rows), root);

  if (C === 1) return 0;
  // Wide tables meet in the middle: forward over the first half, backward over the second.
  const meet = C >= MEET_FROM ? Math.ceil(C / 2) : C - 2;
  while (stage < meet) {
    const next = new Map<number | string, { bounds: Bounds; node: Node | undefined }>();
    const c = cols[stage]!;
    const child = new Int32Array(R);
    const splits = new Splits(R);
    const parts = splits.parts;
    for (const node of nodes.values()) {
      const { costs, weights } = node.pasts.sorted();
      const E = costs.length;
      const logSuffix = logSuffixSums(costs, weights);
      const rows = node.rows;
      for (let more = splits.first(c, rows); more; more = splits.next()) {
        work += E;
        if (work > maxWork) tooMuch();
        let edge = 0;
        for (let i = 0; i < R; i++) {
          edge += lf[parts[i]!]!;
          // insertion into the sorted child
          const v = rows[i]! - parts[i]!;
          let j = i - 1;
          while (j >= 0 && child[j]! > v) {
            child[j + 1] = child[j]!;
            j--;
          }
          child[j + 1] = v;
        }
        const key = keyOf(child);
        let target = next.get(key);
        if (target === undefined) {
          work += 4 * R * (C - stage);
          target = { bounds: boundsOf(child, stage + 1), node: undefined };
          next.set(key, target);
        }
        const b = target.bounds;
        // pasts from `all` on have every completion counted; those before `keep` none
        const all = firstAtLeast(costs, threshold - edge - b.low);
        const keep = firstAtLeast(costs, threshold - edge - b.high);
        if (all < E) result.add(logConstant + logSuffix[all]! - edge + b.logTotal);
        if (keep < all) {
          if (target.node === undefined) target.node = { rows: child.slice(), pasts: new Pasts() };
          for (let e = keep; e < all; e++) target.node.pasts.add(costs[e]! + edge, weights[e]!);
        }
      }
    }
    nodes = new Map();
    for (const [key, { node }] of next) if (node !== undefined) nodes.set(key, node);
    stage += 1;
  }

  if (meet < C - 2) {
    const join = meetInTheMiddle({ nodes, cols, middle: meet, lf, threshold, keyOf, R, maxRow: Math.max(...rowSums), maxWork: maxWork - work, tooMuch, counter, before: work });
    for (const t of join) result.add(logConstant + t);
    return Math.min(0, result.value);
  }

  // Two columns left: the split of the first decides the second.
  const c = cols[C - 2]!;
  const splits = new Splits(R);
  const parts = splits.parts;
  const A = (rows: ArrayLike<number>) => {
    let t = 0;
    for (let i = 0; i < rows.length; i++) t += rows[i]!;
    return t;
  };
  let middle = new Float64Array(1024);
  for (const node of nodes.values()) {
    const rows = node.rows;
    const { costs, weights } = node.pasts.sorted();
    // A completion of cost f counts for the pasts with cost ≥ threshold − f. Those above the range the
    // pasts span count for all of them and are only summed; those below count for none; only the
    // ones in between need sorting.
    const always = threshold - costs[0]!;
    const never = threshold - costs[costs.length - 1]!;
    let fMin = Infinity;
    let F = 0;
    let alwaysSum = 0; // Σ e^(fRef − f) over the completions that always count, fRef fixed below
    const rowList = Array.from(rows);
    const fRef = spreadCost(c, rowList, lf, true) + spreadCost(A(rows) - c, rowList, lf, true); // ≤ every f
    for (let more = splits.first(c, rows); more; more = splits.next()) {
      let f = 0;
      for (let i = 0; i < R; i++) f += lf[parts[i]!]! + lf[rows[i]! - parts[i]!]!;
      if (f >= always) alwaysSum += Math.exp(fRef - f);
      else if (f >= never) {
        if (F === middle.length) {
          const grown = new Float64Array(2 * F);
          grown.set(middle);
          middle = grown;
        }
        middle[F++] = -f; // negated, so an ascending sort puts the most costly first
        if (f < fMin) fMin = f;
      }
    }
    work += F + costs.length;
    if (work > maxWork) tooMuch();
    const list = middle.subarray(0, F).sort();
    const prefix = new Float64Array(F + 1);
    for (let i = 0; i < F; i++) prefix[i + 1] = prefix[i]! + Math.exp(fRef + list[i]!);
    // pasts by ascending cost need ever fewer of the costly completions: one pointer moves forward
    let counted = 0;
    for (let e = 0; e < costs.length; e++) {
      const need = threshold - costs[e]!; // completions with f ≥ need count
      while (counted < F && -list[counted]! >= need) counted++;
      const sum = alwaysSum + prefix[counted]!;
      if (sum > 0) result.add(logConstant + Math.log(weights[e]!) - costs[e]! - fRef + Math.log(sum));
    }
  }
  counter.work = work;
  return Math.min(0, result.value);
}

/** What the surviving prefixes bring to a node: log Σ e^(−cost), and their least and greatest cost. */
interface Reach {
  rows: Int32Array;
  logWeight: number;
  least: number;
  most: number;
}

const logAdd2 = (a: number, b: number) => (a === -Infinity ? b : b === -Infinity ? a : Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))));

/** log of the number of distinct orderings of a multiset of row totals (sorted). */
function logOrderings(rows: Int32Array, lf: Float64Array): number {
  let v = 0;
  let run = 1;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === rows[i - 1]) run++;
    else {
      v -= lf[run]!;
      run = 1;
    }
  }
  return v + lf[rows.length]!;
}

/**
 * The second half of a wide table, by a backward network that meets the forward one. The prefixes
 * still open after `middle` columns are known exactly; their weight and cost range are carried on
 * to every later node (one sum per edge, no lists). Suffixes are then built from the last column
 * backwards, nodes being the multiset of row totals the suffix fills; a suffix is settled at once
 * when every open prefix reaching its node puts the table on the same side of the threshold, and
 * the rest meet the prefixes at the middle, where a sorted sweep counts the pairs. Rows carry no
 * identity in a backward node, so a node's suffixes stand for every ordering of its totals: each
 * prefix meets 1/orderings of them. Returns the log terms of the p-value (before the constant).
 */
function meetInTheMiddle(args: {
  nodes: Map<number | string, Node>;
  cols: readonly number[];
  middle: number;
  lf: Float64Array;
  threshold: number;
  keyOf: (rows: Int32Array) => number | string;
  R: number;
  maxRow: number;
  maxWork: number;
  tooMuch: () => never;
  /** Where the steps are counted, and how many the first half took. */
  counter: { work: number };
  before: number;
}): number[] {
  const { nodes, cols, middle, lf, threshold, keyOf, R, maxRow, maxWork, counter, before } = args;
  const C = cols.length;
  let work = 0;
  const tooMuch = (): never => {
    counter.work = before + work;
    return args.tooMuch();
  };
  const terms: number[] = [];
  const open = new Map<number | string, { costs: number[]; weights: number[] }>();
  const reach: Map<number | string, Reach>[] = [];
  let here = new Map<number | string, Reach>();
  for (const [key, node] of nodes) {
    const sorted = node.pasts.sorted();
    open.set(key, sorted);
    let logWeight = -Infinity;
    sorted.costs.forEach((c, e) => (logWeight = logAdd2(logWeight, Math.log(sorted.weights[e]!) - c)));
    here.set(key, { rows: node.rows, logWeight, least: sorted.costs[0]!, most: sorted.costs[sorted.costs.length - 1]! });
  }
  reach[middle] = here;
  const splits = new Splits(R);
  const parts = splits.parts;
  const child = new Int32Array(R);
  /** child = sorted(rows ± parts); the edge's cost Σ log part!. */
  const place = (rows: Int32Array, sign: number): number => {
    let edge = 0;
    for (let i = 0; i < R; i++) {
      edge += lf[parts[i]!]!;
      const v = rows[i]! + sign * parts[i]!;
      let j = i - 1;
      while (j >= 0 && child[j]! > v) {
        child[j + 1] = child[j]!;
        j--;
      }
      child[j + 1] = v;
    }
    return edge;
  };
  for (let stage = middle; stage < C; stage++) {
    const next = new Map<number | string, Reach>();
    for (const node of here.values()) {
      for (let more = splits.first(cols[stage]!, node.rows); more; more = splits.next()) {
        if (++work > maxWork) tooMuch();
        const edge = place(node.rows, -1);
        const key = keyOf(child);
        const to = next.get(key);
        if (to === undefined) next.set(key, { rows: child.slice(), logWeight: node.logWeight - edge, least: node.least + edge, most: node.most + edge });
        else {
          to.logWeight = logAdd2(to.logWeight, node.logWeight - edge);
          if (node.least + edge < to.least) to.least = node.least + edge;
          if (node.most + edge > to.most) to.most = node.most + edge;
        }
      }
    }
    here = next;
    reach[stage + 1] = here;
  }
  // backward from the empty suffix
  let back = new Map<number | string, Node>();
  const empty: Node = { rows: new Int32Array(R), pasts: new Pasts() };
  empty.pasts.add(0, 1);
  back.set(keyOf(empty.rows), empty);
  const caps = new Int32Array(R);
  for (let stage = C; stage > middle; stage--) {
    const next = new Map<number | string, Node>();
    const targets = reach[stage - 1]!;
    for (const node of back.values()) {
      const { costs, weights } = node.pasts.sorted();
      const E = costs.length;
      const logSuffix = logSuffixSums(costs, weights);
      for (let i = 0; i < R; i++) caps[i] = maxRow - node.rows[i]!;
      for (let more = splits.first(cols[stage - 1]!, caps); more; more = splits.next()) {
        work += E;
        if (work > maxWork) tooMuch();
        const edge = place(node.rows, 1);
        const key = keyOf(child);
        const target = targets.get(key);
        if (target === undefined) continue; // no open prefix needs these totals
        const all = firstAtLeast(costs, threshold - edge - target.least);
        const keep = firstAtLeast(costs, threshold - edge - target.most);
        if (all < E) terms.push(logSuffix[all]! - edge + target.logWeight - logOrderings(target.rows, lf));
        if (keep < all) {
          let to = next.get(key);
          if (to === undefined) next.set(key, (to = { rows: child.slice(), pasts: new Pasts() }));
          for (let e = keep; e < all; e++) to.pasts.add(costs[e]! + edge, weights[e]!);
        }
      }
    }
    back = next;
  }
  // the meeting: prefixes by ascending cost need ever fewer of the costly suffixes
  for (const [key, node] of back) {
    const prefixes = open.get(key);
    if (prefixes === undefined) continue;
    const { costs, weights } = node.pasts.sorted();
    const E = costs.length;
    work += E + prefixes.costs.length;
    if (work > maxWork) tooMuch();
    const logSuffix = logSuffixSums(costs, weights);
    const orderings = logOrderings(node.rows, lf);
    let from = E;
    for (let i = 0; i < prefixes.costs.length; i++) {
      const a = prefixes.costs[i]!;
      while (from > 0 && costs[from - 1]! >= threshold - a) from--;
      if (from < E) terms.push(Math.log(prefixes.weights[i]!) - a + logSuffix[from]! - orderings);
    }
  }
  counter.work = before + work;
  return terms;
}
