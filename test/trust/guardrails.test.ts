// Every public numeric function rejects out-of-domain numbers with a typed error naming the argument.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

const BAD_COUNTS: [string, number][] = [
  ['NaN', Number.NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['a negative count', -1],
  ['a fraction', 1.5],
  ['a count beyond MAX_SAFE_INTEGER', 2 ** 53 + 2],
];
const BAD_LEVELS: [string, number][] = [
  ['NaN', Number.NaN],
  ['0', 0],
  ['1', 1],
  ['1.5', 1.5],
  ['-0.05', -0.05],
  ['Infinity', Infinity],
];

function expectRejects(call: () => unknown, argument: RegExp | string) {
  let error: unknown;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a throw').toBeInstanceOf(api.InvalidArgumentError);
  const e = error as api.InvalidArgumentError;
  if (typeof argument === 'string') expect(e.argument).toBe(argument);
  else expect(e.argument).toMatch(argument);
  expect(e.message).toContain(e.argument.replace(/\[.*$/, ''));
}

// [name, argument it names, call with a bad count in that argument]
const COUNT_ARGUMENTS: [string, string | RegExp, (v: number) => unknown][] = [
  ['formatPercent numerator', 'numerator', (v) => api.formatPercent(v, 10)],
  ['formatPercent denominator', 'denominator', (v) => api.formatPercent(1, v)],
  ['largestRemainderPercents', 'counts[1]', (v) => api.largestRemainderPercents([1, v])],
  ['checkPercent', 'n', (v) => api.checkPercent('5', v)],
  ['numeratorRange', 'n', (v) => api.numeratorRange('5', v)],
  ['checkMean n', 'n', (v) => api.checkMean('5', v)],
  ['checkMean items', 'items', (v) => api.checkMean('5', 10, { items: v })],
  ['debit', 'n', (v) => api.debit('0.5', '0.5', v)],
  ['inferDenominators min', 'min', (v) => api.inferDenominators(['5'], { min: v, max: 10 })],
  ['inferDenominators max', 'max', (v) => api.inferDenominators(['5'], { max: v })],
  ['inferDenominators limit', 'limit', (v) => api.inferDenominators(['5'], { max: 10, limit: v })],
  ['checkPartition total', 'total', (v) => api.checkPartition({ total: v, parts: [{ percent: '50' }] })],
  ['checkPartition numerator', /parts\[0\]\.numerator/, (v) => api.checkPartition({ total: 10, parts: [{ percent: '50', numerator: v }] })],
  ['checkSubgroups', /total\.(n|numerator)/, (v) => api.checkSubgroups({ n: 10, numerator: v }, [{ n: 10, percent: '5' }])],
  ['missingOutcomeBounds', 'unknown', (v) => api.missingOutcomeBounds({ improved: 1, notImproved: 1, unknown: v })],
  ['fromCounts', 'rows[0].count', (v) => api.fromCounts([{ type: 'a', count: v }])],
  ['proportionCI successes', 'successes', (v) => api.proportionCI(v, 10)],
  ['proportionCI trials', 'trials', (v) => api.proportionCI(1, v)],
  ['binomialTest', 'x', (v) => api.binomialTest(v, 10)],
  ['proportionTest', 'x[0]', (v) => api.proportionTest(v, 10)],
  ['proportionTest two samples', 'n[1]', (v) => api.proportionTest([1, 1], [10, v])],
  ['chiSquareGoodnessOfFit', 'observed[1]', (v) => api.chiSquareGoodnessOfFit([1, v], [0.5, 0.5])],
  ['gTest', 'observed[0]', (v) => api.gTest([v, 1], [0.5, 0.5])],
  ['chiSquareIndependence', 'table[1][0]', (v) => api.chiSquareIndependence([[1, 2], [v, 3]])],
  ['gTestIndependence', 'table[0][1]', (v) => api.gTestIndependence([[1, v], [2, 3]])],
  ['fisherExact', 'table[0][0]', (v) => api.fisherExact([[v, 2], [2, 3]])],
  ['trendTest', 'successes[1]', (v) => api.trendTest([1, v], [10, 10])],
  ['riskDifference', 'x2', (v) => api.riskDifference(1, 10, v, 10)],
  ['riskRatio', 'n1', (v) => api.riskRatio(1, v, 1, 10)],
  ['oddsRatio', 'x1', (v) => api.oddsRatio(v, 10, 1, 10)],
  ['multinomialCI', 'counts[0]', (v) => api.multinomialCI([v, 3])],
];

describe('count arguments', () => {
  for (const [name, argument, call] of COUNT_ARGUMENTS) {
    // Infinity means "no limit" for inferDenominators' limit, as it does for its default
    const cases = name.endsWith('limit') ? BAD_COUNTS.filter(([, v]) => v !== Infinity) : BAD_COUNTS;
    it.each(cases)(`${name} rejects %s`, (_label, value) => {
      expectRejects(() => call(value), argument);
    });
  }
});

describe('part greater than whole', () => {
  it.each([
    ['formatPercent', () => api.formatPercent(11, 10), 'numerator'],
    ['proportionCI', () => api.proportionCI(11, 10), 'successes'],
    ['binomialTest', () => api.binomialTest(11, 10), 'x'],
    ['proportionTest', () => api.proportionTest(11, 10), 'x[0]'],
    ['trendTest', () => api.trendTest([11, 1], [10, 10]), 'successes[0]'],
    ['riskRatio', () => api.riskRatio(1, 10, 11, 10), 'x2'],
    ['checkSubgroups', () => api.checkSubgroups({ n: 10, numerator: 11 }, [{ n: 10, percent: '5' }]), 'total.numerator'],
    ['explainRounding', () => api.explainRounding([{ reported: '5', numerator: 11, denominator: 10 }]), 'items[0].numerator'],
  ] as const)('%s rejects k > n', (_name, call, argument) => expectRejects(call, argument));
});

describe('zero denominators', () => {
  it.each([
    ['formatPercent', () => api.formatPercent(0, 0), 'denominator'],
    ['checkPercent', () => api.checkPercent('0', 0), 'n'],
    ['proportionCI', () => api.proportionCI(0, 0), 'trials'],
    ['binomialTest', () => api.binomialTest(0, 0), 'n'],
  ] as const)('%s rejects n = 0', (_name, call, argument) => expectRejects(call, argument));
});

describe('levels and probabilities', () => {
  const LEVEL_CALLS: [string, string, (v: number) => unknown][] = [
    ['proportionCI', 'level', (v) => api.proportionCI(1, 10, { level: v })],
    ['binomialTest', 'level', (v) => api.binomialTest(1, 10, { level: v })],
    ['proportionTest', 'level', (v) => api.proportionTest(1, 10, { level: v })],
    ['fisherExact', 'level', (v) => api.fisherExact([[1, 2], [3, 4]], { level: v })],
    ['riskDifference', 'level', (v) => api.riskDifference(1, 10, 2, 10, { level: v })],
    ['multinomialCI', 'level', (v) => api.multinomialCI([1, 2], { level: v })],
    ['typeDistribution ci', 'level', (v) => api.typeDistribution(api.fromCounts([{ type: 'a', count: 1 }]), { ci: { level: v } })],
    ['compareToReference alpha', 'alpha', (v) =>
      api.compareToReference({ a: 1, b: 1 }, { id: 'r', title: 't', citation: 'c', categories: [{ id: 'a', percent: '50' }, { id: 'b', percent: '50' }] }, { mapping: { a: ['a'], b: ['b'] }, alpha: v })],
  ];
  for (const [name, argument, call] of LEVEL_CALLS) {
    it.each(BAD_LEVELS)(`${name} rejects a level of %s`, (_label, value) => expectRejects(() => call(value), argument));
  }
  it.each([Number.NaN, -0.1, 1.1])('binomialTest and proportionTest reject p = %s', (p) => {
    expectRejects(() => api.binomialTest(1, 10, { p }), 'p');
    expectRejects(() => api.proportionTest(1, 10, { p }), 'p');
  });
});

describe('printed values', () => {
  it.each(['101', '100.01', '-3', 'NaN', 'Infinity', '1e3', '', '   ', '5.5.5', '０'])('checkPercent rejects %j', (reported) => {
    expectRejects(() => api.checkPercent(reported, 100), 'reported');
  });
  it('decimals and modes are checked', () => {
    expectRejects(() => api.formatPercent(1, 2, { decimals: 21 }), 'decimals');
    expectRejects(() => api.formatPercent(1, 2, { decimals: Number.NaN }), 'decimals');
    expectRejects(() => api.checkPercent('5', 10, { rounding: [] }), 'rounding');
    expectRejects(() => api.checkPercent('5', 10, { rounding: 'nearest' as 'floor' }), 'rounding');
  });
});
