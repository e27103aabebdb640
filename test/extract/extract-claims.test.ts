import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { CORPUS, type Expected } from './corpus.js';

const seed = JSON.parse(readFileSync(new URL('../../data/seed-claims.json', import.meta.url), 'utf8')) as { source: { quote: string } };
const key = (c: Expected) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}/${c.measure ?? 'share'}`;

describe("extractClaims on the clinic's paragraph", () => {
  const text = seed.source.quote;
  const { claims, partitions, unresolved } = extractClaims(text);

  it('finds the four type claims with numerators and the 4278 total', () => {
    expect(claims.filter((c) => c.type).map((c) => [c.type, c.numerator, c.denominator, c.percent])).toEqual([
      ['spastic', 2324, 4278, '54.32'],
      ['mixed', 1341, 4278, '31.34'],
      ['athetoid', 501, 4278, '11.71'],
      ['other', 112, 4278, '2.62'],
    ]);
  });

  it('proposes the partition', () => {
    expect(partitions).toEqual([expect.objectContaining({ id: 'types', total: 4278, parts: ['spastic', 'mixed', 'athetoid', 'other'], difference: 0 })]);
  });

  it('finds the 96% improvement claim, its denominator 4278 marked as assumed', () => {
    expect(claims.find((c) => c.measure === 'improvement')).toMatchObject({ denominator: 4278, denominatorSource: 'assumed', denominatorAssumed: true, percent: '96' });
    for (const c of claims.filter((c) => c.type)) expect(c.denominatorSource).toBe('same-sentence');
    expect(unresolved).toEqual([]);
  });

  it('gives every claim its exact source span', () => {
    for (const c of claims) expect(text.slice(c.span.start, c.span.end)).toBe(c.span.quote);
    expect(claims[1]?.span.quote).toBe('1341 mixed (31.34%)');
  });

  it('reads the other phrasing of the page the same way', () => {
    const other = extractClaims(
      'we have treated 4278 patients, including 2324 patients with spastic type (54.32%), 1341 patients with mixed type (31.34%), 501 patients with athetoid type (11.71%) and 112 patients with other types (2.62%). The total improvement rate is 96%.',
    );
    expect(other.claims.map((c) => c.id)).toEqual(['spastic', 'mixed', 'athetoid', 'other', 'improvement']);
    expect(other.partitions[0]?.parts).toHaveLength(4);
  });
});

describe(`extractClaims on ${CORPUS.length} sentences written for the tests`, () => {
  let truePositives = 0;
  let extracted = 0;
  let expectedTotal = 0;
  afterAll(() => {
    console.log(`corpus: precision ${(truePositives / extracted).toFixed(3)} (${truePositives}/${extracted}), recall ${(truePositives / expectedTotal).toFixed(3)} (${truePositives}/${expectedTotal})`);
  });

  it.each(CORPUS.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    const found = extractClaims(c.text, { decimalComma: c.decimalComma ?? false }).claims.map((x) => key({ ...x, ...(x.measure === 'improvement' ? { measure: 'improvement' } : {}) } as Expected));
    const wanted = c.expected.map(key);
    const remaining = [...wanted];
    for (const f of found) {
      const i = remaining.indexOf(f);
      if (i >= 0) {
        remaining.splice(i, 1);
        truePositives += 1;
      }
    }
    extracted += found.length;
    expectedTotal += wanted.length;
    expect(found.sort()).toEqual(wanted.sort());
  });

  it('has at least 30 sentences, negatives included', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(CORPUS.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(8);
  });
});

describe('extractClaims: the discourse model', () => {
  const keys = (text: string, options: Parameters<typeof extractClaims>[1] = {}) =>
    extractClaims(text, options).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}:${c.denominatorSource}`);

  it('reaches a total stated sentences earlier, and says so', () => {
    expect(keys('A total of 1,235 stroke survivors were included. Mean age was 71 years. 53.9% of them were men.')).toEqual([]);
    expect(keys('A total of 1,235 stroke survivors were included. Mean age was 71 years. At discharge, 53.9% walked without help.')).toEqual(['-/1235/53.9:earlier-sentence']);
    expect(keys('Of the 212 children, 38 (18%) developed displacement.')).toEqual(['38/212/18:same-sentence']);
  });

  it('reads number words, "n =" counts and counts after their percent', () => {
    expect(keys('Eleven of the 15 had a significant improvement (73%).')).toEqual(['11/15/73:with-claim']);
    expect(keys('In 54 (51%) of 105 treatments the pain improved.')).toEqual(['54/105/51:with-claim']);
    expect(keys('We studied 149 patients. About 47% (n = 70) were women.')).toEqual(['70/149/47:earlier-sentence']);
    expect(keys('The response rate was 62% (n = 150).')).toEqual(['-/150/62:with-claim']);
  });

  it('leaves the percents of subgroup lists unresolved instead of tying them to the cohort', () => {
    const text = 'Of the 1,115 children, 314 (28%) had hip displacement. By level: GMFCS I=10 (3%), II=40 (13%), III=53 (43%), IV=96 (59%) and V=115 (64%).';
    const { claims, unresolved } = extractClaims(text);
    expect(claims.map((c) => c.numerator)).toEqual([314]);
    expect(unresolved.filter((u) => /subgroup|another group/.test(u.reason))).toHaveLength(5);
  });

  it('does not take a comparison of two groups for shares of the cohort', () => {
    expect(keys('Among the 208 included patients, 105 (50.5%) were women, who less often smoked (27% vs. 50%, p < .001).')).toEqual(['105/208/50.5:same-sentence']);
    expect(keys('We surveyed 137 students; women predominated (92% versus 8%).')).toEqual(['-/137/92:same-sentence', '-/137/8:same-sentence']);
  });

  it('prefers the total a share fits, and notes the one it passed over', () => {
    const { claims } = extractClaims('Of the 507 operations, 230 were for bleeding. Of these patients, 27 (11.7%) needed a second procedure.');
    expect(claims.map((c) => [c.numerator, c.denominator, c.percent])).toEqual([[230, 507, undefined], [27, 230, '11.7']]);
    expect(claims[1]?.denominatorNote).toBeUndefined();
    const far = extractClaims('Forty-five patients underwent surgery, after which 14 (22%) achieved remission.');
    expect(far.claims).toEqual([]);
    expect(far.unresolved[0]?.reason).toContain('far from the printed 22%');
  });

  it('proposes partitions of counts that add up to a stated total, with or without percents', () => {
    const { partitions, claims } = extractClaims('In total, 357 participants were randomised (178 surgical, 179 medical). The study group comprised 258 patients (125 men and 133 women); most (76%) had major stroke and 24% had minor stroke.');
    expect(partitions.map((p) => [p.total, p.parts.length])).toEqual([[357, 2], [258, 2], [258, 2]]);
    expect(claims.filter((c) => c.percent === undefined).map((c) => `${c.numerator}/${c.denominator}`)).toEqual(['178/357', '179/357', '125/258', '133/258']);
  });

  it('never takes a year for a total, and reads decimal commas beside point decimals with locale auto', () => {
    const text = 'Von 2010 bis 2020 wurden 4.278 Patienten behandelt, davon 2.324 (54,32 %) mit spastischer Form und 1.954 (45.68%) mit anderen Formen.';
    expect(keys(text, { locale: 'auto' })).toEqual(['2324/4278/54.32:same-sentence', '1954/4278/45.68:same-sentence']);
    expect(extractClaims(text, { locale: 'auto' })).toMatchObject({ locale: 'de', decimalComma: true });
  });

  it('reads French and Spanish phrasings', () => {
    expect(keys('Sur 250 patients inclus, dont 45 (12,5 %) avaient une récidive.', { locale: 'fr' })).toEqual([]);
    expect(keys('De los 250 pacientes, 112 (44,8 %) presentaron una respuesta completa.', { locale: 'es' })).toEqual(['112/250/44.8:same-sentence']);
    expect(keys('Au total, 128 patients ont été traités ; la morbidité était de 18,7 % (n = 24).', { locale: 'fr' })).toEqual(['24/128/18.7:same-sentence']);
  });

  it('keeps every figure it cannot tie to a group as unresolved, with its span', () => {
    const text = 'Our success rate is 98%! In the surgical group, 58% were seizure-free.';
    const { claims, unresolved } = extractClaims(text);
    expect(claims).toEqual([]);
    expect(unresolved.map((u) => u.span.quote)).toEqual(['98%', '58%']);
    for (const u of unresolved) expect(text.slice(u.span.start, u.span.end)).toBe(u.span.quote);
  });
});

describe('extractClaims: spans of named rates', () => {
  it('starts a rate at its name, at a word boundary however far back the sentence begins', () => {
    const text = 'In a randomized controlled trial, 299 patients were sent a questionnaire. The response rate to the questionnaire that was sent by post to every patient at home was 86 per cent.';
    const rate = extractClaims(text).claims.find((c) => c.measure === 'improvement');
    expect(rate?.span.quote).toMatch(/^(?:The )?response rate .* 86 per cent$/);
  });

  it('leaves a rate of a smaller group than the cohort unresolved ("from contactable patients")', () => {
    const text = 'In a randomized controlled trial, 299 patients were sent a questionnaire. The response rate to the questionnaire from contactable patients was 86 per cent.';
    const { claims, unresolved } = extractClaims(text);
    expect(claims).toEqual([]);
    expect(unresolved.map((u) => u.text)).toEqual(['86 per cent']);
  });
});

describe('extractClaims: cost', () => {
  it('takes linear time: twice the text takes about twice as long', async () => {
    const { doublingRatio } = await import('../document/growth.js');
    const page = `${seed.source.quote}\n\nOf 212 children enrolled, 164 (77.4%) had spastic cerebral palsy (p < 0.05; 95% CI 70–83%).\n\nVon den 569 Patienten hatten 86 (15,1 %) eine Komplikation.\n\n`;
    const ratio = doublingRatio((n) => page.repeat(Math.ceil(n / page.length)), (text) => extractClaims(text), 64_000);
    console.log(`extractClaims: time at 2n / time at n = ${ratio.toFixed(2)}`);
    expect(ratio).toBeLessThanOrEqual(2.5);
  });
});
