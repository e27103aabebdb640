// One measurement in a fresh process (so peak RSS is this path's alone):
// node bench/denominators-runner.mjs <path> <max>. Prints one JSON line: { path, result, ms, maxRssMB }.
import { countDenominators, inferDenominators, iterateDenominators } from '../dist/index.js';

const CLINIC = ['54.32', '31.34', '11.71', '2.62'];
const [path, maxText] = process.argv.slice(2);
const max = Number(maxText);
const start = performance.now();
let result = 0;
switch (path) {
  case 'plain-loop': {
    // the least work a scan can do: four float products per n
    for (let n = 1; n <= max; n++) if (Math.floor(n * 0.5432) + Math.floor(n * 0.3134) + Math.floor(n * 0.1171) + Math.floor(n * 0.0262) <= n) result += 1;
    break;
  }
  case 'iterate':
  case 'iterate-partition':
    for (const c of iterateDenominators(CLINIC, { max, partition: path.endsWith('partition') })) result += c.numerators.length > 0 ? 1 : 0;
    break;
  case 'iterate-every-n-tested':
    // six decimals: the answer repeats only from n ≈ 10^8, so every n up to max is tested one by one
    for (const c of iterateDenominators(['33.333333', '66.666667'], { max, partition: true })) result += c.n > 0 ? 1 : 0;
    break;
  case 'count':
  case 'count-partition':
    result = countDenominators(CLINIC, { max, partition: path.endsWith('partition') });
    break;
  case 'count-every-n-tested':
    result = countDenominators(['33.333333', '66.666667'], { max, partition: true });
    break;
  case 'array':
    result = inferDenominators(CLINIC, { max, maxCandidates: max }).length;
    break;
  default:
    throw new Error(`unknown path ${path}`);
}
const ms = performance.now() - start;
console.log(JSON.stringify({ path, result, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
