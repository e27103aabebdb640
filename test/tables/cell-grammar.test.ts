import { describe, expect, it } from 'vitest';
import { namedPercents, readCell, usesDecimalComma } from '../../src/tables/cell-grammar.js';

const digits = (text: string, decimalComma = false) => {
  const v = readCell(text, { decimalComma });
  switch (v.kind) {
    case 'count-percent':
      return [v.kind, v.count.digits, v.percent.digits, v.total?.digits, v.order];
    case 'pair':
      return [v.kind, v.first.digits, v.second.digits];
    case 'mean-sd':
      return [v.kind, `${v.mean.negative ? '-' : ''}${v.mean.digits}`, v.sd.digits];
    case 'spread':
      return [v.kind, v.center.digits, v.low.digits, v.high.digits];
    case 'count-total':
      return [v.kind, v.count.digits, v.total.digits];
    case 'number':
      return [v.kind, v.value.digits, v.value.percent];
    default:
      return [v.kind];
  }
};

describe('readCell', () => {
  it.each([
    ['45 (37.5%)', ['count-percent', '45', '37.5', undefined, 'n (%)']],
    ['45 (37.5)', ['pair', '45', '37.5']],
    ['37.5% (45)', ['count-percent', '45', '37.5', undefined, '% (n)']],
    ['8.5% (n = 5)', ['count-percent', '5', '8.5', undefined, '% (n)']],
    ['17.0 (n=10)', ['count-percent', '10', '17.0', undefined, '% (n)']],
    ['8.5 (n = 5.5)', ['text']],
    ['12/40 (30.0)', ['count-percent', '12', '30.0', '40', 'n/N (%)']],
    ['12/40', ['count-total', '12', '40']],
    ['18 (15.0) [9.7–22.6]', ['count-percent', '18', '15.0', undefined, 'n (%)']],
    ['18 (15.0%; 95% CI 9.7–22.6)', ['count-percent', '18', '15.0', undefined, 'n (%)']],
    ['7.4 ± 2.1', ['mean-sd', '7.4', '2.1']],
    ['−0.2 ± 3.8', ['mean-sd', '-0.2', '3.8']],
    ['62 (58–65)', ['spread', '62', '58', '65']],
    ['5.0 (5.9) (median(iqr): 3(6))', ['pair', '5.0', '5.9']],
    ['11 [10; 11]', ['spread', '11', '10', '11']],
    ['62.0 (61.8, 62.1)', ['spread', '62.0', '61.8', '62.1']],
    ['3,089 (44.7)', ['pair', '3089', '44.7']],
    ['21 024', ['number', '21024', false]],
    ['64.0%', ['number', '64.0', true]],
    ['373 (58.7)*', ['pair', '373', '58.7']],
    ['24.5 (4.8)†', ['pair', '24.5', '4.8']],
    ['0 (0%)', ['count-percent', '0', '0', undefined, 'n (%)']],
    ['—', ['empty']],
    ['13 M, 3 F', ['text']],
    ['60.2 (±10.1)', ['mean-sd', '60.2', '10.1']],
    ['8·8 (1·4)', ['pair', '8.8', '1.4']],
    ['50·3%', ['number', '50.3', true]],
    ['20 (<0.1)', ['pair', '20', '0.1']],
    ['5.6 ± 2.7 (1–9)', ['mean-sd', '5.6', '2.7']],
    ['18.0 ± 13.5 (1–62)', ['mean-sd', '18.0', '13.5']],
    ['60 ± 8 [range 40-80]', ['mean-sd', '60', '8']],
    ['5.6 ± 2.7 (1)', ['text']],
  ])('%s', (text, expected) => expect(digits(text)).toEqual(expected));

  it('reads decimal commas when asked, and a lone "59,4" in any table', () => {
    expect(digits('1.204 (84,3 %)', true)).toEqual(['count-percent', '1204', '84.3', undefined, 'n (%)']);
    expect(digits('161 (59,4%)')).toEqual(['count-percent', '161', '59.4', undefined, 'n (%)']);
    expect(usesDecimalComma(['84,3', '12,5', '7,0'])).toBe(true);
    expect(usesDecimalComma(['1,204 (84.3)', '12.5'])).toBe(false);
  });

  it('reads a mean whose bracket names its SD ("33.3 (SD=5.0)", "33.1(SD 5.1)")', () => {
    expect(digits('33.3 (SD=5.0)')).toEqual(['mean-sd', '33.3', '5.0']);
    expect(digits('33.1(SD 5.1)')).toEqual(['mean-sd', '33.1', '5.1']);
    expect(digits('33.1 (SE=0.2)')).toEqual(['text']);
  });

  it('marks a value printed as a bound', () => {
    const v = readCell('20 (<0.1)');
    expect(v.kind === 'pair' && v.second.bound).toBe(true);
    const w = readCell('20 (0.1)');
    expect(w.kind === 'pair' && w.second.bound).toBeFalsy();
  });
});

describe('namedPercents', () => {
  it('reads percents each named by its word', () => {
    expect(namedPercents('62% male, 38% female')?.map((p) => [p.level, p.percent.digits])).toEqual([['male', '62'], ['female', '38']]);
    expect(namedPercents('45.5 % yes')?.map((p) => [p.level, p.percent.digits])).toEqual([['yes', '45.5']]);
    expect(namedPercents('62 male, 38 female')).toBeUndefined();
    expect(namedPercents('62% (n = 12)')).toBeUndefined();
    expect(namedPercents('120% male')).toBeUndefined();
  });
});
