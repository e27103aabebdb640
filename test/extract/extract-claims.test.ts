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

describe('extractClaims: a group named where a sentence opens, and a share of the sexes', () => {
  const keys = (text: string) => extractClaims(text).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`);
  it('reads the shares of a list whose items open with a dash ("- 30% had spastic CP") under the total before it', () => {
    expect(keys('Of the 150 patients treated:\n- 30% had spastic CP\n- 70% had other forms')).toEqual(['-/150/30', '-/150/70']);
  });
  it('takes "Of N strokes," after a section label on its own line for the group the percents are of', () => {
    expect(keys('Results\nOf 1837 ischemic strokes, 58% were women, 24% were black.')).toEqual(['-/1837/58', '-/1837/24']);
  });
  it('takes the percent of a sex after a count with its noun ("Forty eligible patients (57.5% male with ...)") for a share of that count', () => {
    expect(keys('Forty eligible patients (57.5% male with mean age of 63 years) received thrombolysis.')).toEqual(['-/40/57.5']);
    // a part with its percent is still a part: the word after the bracket is no composition
    expect(keys('We treated 200 patients: 150 with spastic type (75%) and 50 with mixed type (25%).')).toEqual(['150/200/75', '50/200/25']);
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

  it('ties a share of a named group to the size stated for that group, never to the cohort', () => {
    const text =
      'Se estudiaron 77 pacientes. Resultados: al grupo A pertenecían 44 pacientes (57,1 %) y al B, 33 (42,9 %). Presentaron complicaciones 20,5 % y 24,2 % en los grupos A y B, respectivamente. La mortalidad fue del 6,8 % (grupo A) y 9,1 % (grupo B).';
    expect(keys(text, { locale: 'es' })).toEqual(['44/77/57.1:earlier-sentence', '33/77/42.9:earlier-sentence', '-/44/20.5:earlier-sentence', '-/33/24.2:earlier-sentence', '-/44/6.8:earlier-sentence', '-/33/9.1:earlier-sentence']);
    // the bare percents after a named group's share stay with that group
    expect(keys('A study group (n=142) and a control group (n=100) were compared. In the control group 30% had complications: infection 13%, vomiting 12%.')).toEqual(['-/100/30:earlier-sentence', '-/100/13:earlier-sentence', '-/100/12:earlier-sentence']);
    // a named group whose size is never stated leaves its shares unresolved
    const unstated = extractClaims('We treated 120 patients. Mortality was 6.8% in group A and 9.1% in group B.');
    expect(unstated.claims).toEqual([]);
    expect(unstated.unresolved.map((u) => u.reason)).toEqual([expect.stringContaining('named group'), expect.stringContaining('named group')]);
  });

  it('takes a count said to be included or evaluated as the group later figures are of', () => {
    expect(keys('A total of 222 patients were included. 202 of 222 patients could be evaluated. CR was attained by 31 (15.3%); 171 (84.7%) did not attain CR.')).toEqual(['202/222/-:with-claim', '31/202/15.3:earlier-sentence', '171/202/84.7:earlier-sentence']);
    expect(keys('Parmi les 215 patients de l’étude, 200 ont été inclus.\n\nIl y avait 77 (38 %) hommes et 123 (62 %) femmes.', { locale: 'fr' })).toEqual(['200/215/-:same-sentence', '77/200/38:earlier-sentence', '123/200/62:earlier-sentence']);
  });

  it('takes a truncated percent of a count only as a last resort, and says so', () => {
    const { claims } = extractClaims('Results: 137 patients were analyzed, 87 (63.5 %) patients were hospitalized, 36 (41.3 %) cases with severe complication.');
    expect(claims.map((c) => `${c.numerator}/${c.denominator}/${c.percent}`)).toEqual(['87/137/63.5', '36/87/41.3']);
    expect(claims[1]?.denominatorNote).toContain('truncated');
  });

  it('leaves shares of a group described by its members, or one per listed subgroup, unresolved', () => {
    const text = 'Of 179 patients, 167 (93.3%) had locally advanced disease. Rates were 4.4%, 9.7% and 24.2% in luminal A, luminal B and HER2 subtypes, respectively. In all, 89.1% of patients with liver metastasis and 88.7% of those who died had no response.';
    const { claims, unresolved } = extractClaims(text);
    expect(claims.map((c) => `${c.numerator}/${c.denominator}/${c.percent}`)).toEqual(['167/179/93.3']);
    expect(unresolved.filter((u) => /each of its own subgroup/.test(u.reason))).toHaveLength(3);
    expect(unresolved.filter((u) => /described by its members|of them/.test(u.reason)).map((u) => u.text)).toEqual(['89.1%', '88.7%']);
  });

  it('reads "X% aller N", "of all N" as the percent of N, not of an earlier group', () => {
    const text = 'Von 2010 bis 2020 wurden 4.278 Patienten behandelt, davon 2.324 (54,32 %) mit spastischer Form. Unter den 1.250 Kindern unter fünf Jahren war die Rate höher. Insgesamt hatten 29,2 % aller 4.278 Patienten eine Besserung.';
    expect(keys(text, { locale: 'de' })).toEqual(['2324/4278/54.32:same-sentence', '-/4278/29.2:with-claim']);
  });

  it('proposes parts of a count of the sentence, of a bracketed count, and across sentences', () => {
    const parts = (text: string) => extractClaims(text).partitions.map((p) => `${p.total}:${p.parts.length}`);
    expect(parts('We analysed 1011 patients. Only 9 out of 1011 patients had seizures. 4 out of 9 had a history of seizures while 5 had a normal EEG.')).toEqual(['9:2']);
    expect(parts('Of 335 patients, sixty-six (20 per cent) were operated on because of symptoms (60 patients) or because of positive investigations (six).')).toEqual(['66:2']);
    expect(parts('Group A had 114 patients (17 men and 97 women) and group B 124 patients (6 men and 118 women).')).toEqual(['114:2', '124:2']);
    expect(parts('Die Befunde deckten sich in 73 von 150 dokumentierten Fällen (49%). Somit gab es 77 unterschiedliche Befunde (51%).')).toEqual(['150:2']);
  });

  it('takes a sentence opening "De las 90 sentencias," for its group, and "que" for a comparison only after a comparative', () => {
    expect(keys('De las 90 sentencias, 52 (57,8 %) fueron por error. La mayoría de los pacientes fueron hombres (66,7 %) que tuvieron secuelas (61,1 %).', { locale: 'es' })).toEqual(['52/90/57.8:same-sentence', '-/90/66.7:earlier-sentence', '-/90/61.1:earlier-sentence']);
    expect(keys('Among 120 patients, complications were more frequent in women (30%) than in men (20%).')).toEqual([]);
  });

  it('reads "admissibles", "elegibles" as the analysed group, but not "the 4 included studies"', () => {
    expect(keys('Des données sur 10042 enfants ont été recueillies; 9012 patients étaient admissibles aux analyses. La marche sans aide a été rapportée pour 54 %.', { locale: 'fr' })).toEqual(['-/9012/54:earlier-sentence']);
    expect(extractClaims('In the 4 included studies the overall response rate was 56.25%.').claims).toEqual([]);
  });

  it('takes the n of "12% (n = 250)" for the group when no total is in reach, and for the count when one is', () => {
    expect(keys('Complications occurred in 12% of cases overall (n = 250), including infection in 5%.')).toEqual(['-/250/12:with-claim', '-/250/5:same-sentence']);
    expect(keys('We studied 149 patients. About 47% (n = 70) were women.')).toEqual(['70/149/47:earlier-sentence']);
  });

  it('ties "of them" to the group just stated in the sentence, never to one before a share of a subgroup', () => {
    expect(keys('Im Jahr 2019 wurden 1.204 Patienten behandelt; 29,2 % davon waren Kinder.', { locale: 'de' })).toEqual(['-/1204/29.2:same-sentence']);
    expect(keys('Of the 212 children, 40 had surgery and 75% of them walked.')).toEqual(['40/212/-:same-sentence', '-/40/75:same-sentence']);
    expect(keys('We enrolled 81 patients. Before treatment, 54.3% of patients had a catheter, which was removed in 75% of them.')).toEqual(['-/81/54.3:earlier-sentence']);
  });

  it('reads "Von 36 Kindern konnten 15 ..." (verb second) as a count of 36', () => {
    expect(keys('Von 36 Kindern konnten 15 frei gehen.', { locale: 'de' })).toEqual(['15/36/-:same-sentence']);
  });

  it('leaves a rate of the patients "non opérés" unresolved beside the rate of the 200 operated on', () => {
    const { claims, unresolved } = extractClaims('Le taux de réussite était de 85 % chez les 200 patients opérés, contre 70 % chez les patients non opérés.', { locale: 'fr' });
    expect(claims.map((c) => `${c.denominator}/${c.percent}`)).toEqual(['200/85']);
    expect(unresolved.map((u) => u.text)).toEqual(['70 %']);
  });

  it('reads a table row printed as text, with the total printed after the rows', () => {
    const { claims, partitions } = extractClaims('Ethnic Group Number Percentage White British 5852 63% Other White 1067 11% Asian 810 9% Other 1256 13% Not known 342 4% 9327');
    expect(claims.map((c) => `${c.numerator}/${c.denominator}/${c.percent}`)).toEqual(['5852/9327/63', '1067/9327/11', '810/9327/9', '1256/9327/13', '342/9327/4']);
    expect(partitions.map((p) => `${p.total}:${p.parts.length}`)).toEqual(['9327:5']);
    // the number after the rows is their total only when it is their exact sum
    expect(extractClaims('White British 5852 63% Other White 1067 11% Asian 810 9% 9000').claims).toEqual([]);
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

describe('extractClaims: German sentences in verb-second order and restated ratios', () => {
  const claims = (text: string) => extractClaims(text, { locale: 'de' }).claims.map((c) => [c.numerator ?? null, c.denominator, c.percent ?? null]);
  it('reads "Von den N ... M" with adverbials between the verb and its subject as a ratio', () => {
    expect(claims('Nicht alle Kliniken haben Geburtsabteilungen. Von den 2045 Krankenhäusern in Deutschland boten im vergangenen Jahr 784 Entbindungen an.')).toEqual([[784, 2045, null]]);
    expect(claims('Von 80 Patienten waren nach einem Jahr 64 beschwerdefrei, das entspricht 80 Prozent.')).toEqual([[64, 80, '80']]);
    // only at the opening of a sentence
    expect(claims('Wir berichten von 2045 Krankenhäusern in Deutschland, die im vergangenen Jahr 784 Entbindungen hatten.')).toEqual([]);
  });
  it('gives a ratio the percent that restates it across a year ("... im Jahr 2016 ... Das entspricht einem Anteil von 35,4 Prozent")', () => {
    expect(claims('690 von 1.951 Krankenhäusern in Deutschland führten im Jahr 2016 Entbindungen durch. Das entspricht einem Anteil von 35,4 Prozent.')).toEqual([[690, 1951, '35.4']]);
  });
});

describe('extractClaims: the part of an opening group and the percent after it', () => {
  it('joins "Sur 250 patients, 21 ont présenté une complication (8,4 %)" into one claim when the percent fits', () => {
    const read = (text: string, locale: 'fr' | 'en') => extractClaims(text, { locale }).claims.map((c) => [c.numerator ?? null, c.denominator, c.percent ?? null]);
    expect(read('Sur 250 patients, 21 ont présenté une complication (8,4 %).', 'fr')).toEqual([[21, 250, '8.4']]);
    expect(read('Cent douze patients (44,8 %) étaient des femmes, sur un total de 250.', 'fr')).toEqual([[112, 250, '44.8']]);
  });
});

describe('extractClaims: a relative clause about the opening group', () => {
  it('reads "Von den N Kindern, die 2014 zur Welt kamen, wurden nur M ..." as a ratio, the year in the clause no figure', () => {
    const read = (text: string, locale: 'de' | 'en') => extractClaims(text, { locale }).claims.map((c) => [c.numerator ?? null, c.denominator]);
    expect(read('Von den 717 565 Kindern, die 2014 zur Welt kamen, wurden nur 11 391 nicht im Krankenhaus geboren.', 'de')).toEqual([[11391, 717565]]);
    expect(read('Of the 300 patients, who were treated in 2019, only 45 died.', 'en')).toEqual([[45, 300]]);
  });
});

describe('extractClaims: a percent restating the part of an opening group in words', () => {
  it('joins "De los 1.204 pacientes atendidos, 652 eran mujeres, lo que equivale al 54,2 %" into one claim', () => {
    const read = (text: string) => extractClaims(text, { locale: 'auto' }).claims.map((c) => [c.numerator ?? null, c.denominator, c.percent ?? null]);
    expect(read('De los 1.204 pacientes atendidos, 652 eran mujeres, lo que equivale al 54,2 %.')).toEqual([[652, 1204, '54.2']]);
    // a percent the part does not give stays its own figure
    expect(read('De los 1.204 pacientes atendidos, 652 eran mujeres, lo que equivale al 60 %.')).not.toContainEqual([652, 1204, '60']);
  });
});

describe('extractClaims: a quality indicator printed as its fields', () => {
  it('ties the count of events to the group with its rate ("Grundgesamtheit: 412; Zähler: 35; Ergebnis: 8,5 %")', () => {
    const read = (text: string) => extractClaims(text, { locale: 'de' }).claims.map((c) => [c.numerator ?? null, c.denominator, c.percent ?? null]);
    expect(read('Grundgesamtheit: 412; Zähler: 35; Ergebnis: 8,5 %.')).toEqual([[35, 412, '8.5']]);
    expect(read('Grundgesamtheit: 412; Zähler: 35; Ergebnis: 9,5 %.')).toEqual([]);
    // in any order, the group in brackets after the rate
    expect(read('Ergebnis: 8,5 % (Zähler: 35, Grundgesamtheit: 412)')).toEqual([[35, 412, '8.5']]);
    expect(read('Grundgesamtheit 412 Beobachtete Ereignisse 35 Rechnerisches Ergebnis 8,50 %')).toEqual([[35, 412, '8.50']]);
  });
});

describe('extractClaims: "respectively" lists sized by "(n = X)" in any locale', () => {
  const read = (text: string, locale: 'fr' | 'de' | 'auto') => extractClaims(text, { locale }).claims.map((c) => [c.numerator ?? null, c.denominator, c.percent ?? null]);
  it('reads "(n = 1.200)" with the decimal comma locale as 1200, so each percent takes its own group', () => {
    expect(read('Les groupes A (n = 1.200) et B (n = 800) ont eu des taux de 75 % et 60 %, respectivement.', 'fr')).toEqual([[null, 1200, '75'], [null, 800, '60']]);
    expect(read('Die Gruppen A (n = 1.200) und B (n = 800) hatten Raten von 75 % bzw. 60 %.', 'de')).toEqual([[null, 1200, '75'], [null, 800, '60']]);
    // with the English grouping the same sizes are read the same way
    expect(read('Groups A (n = 1,200) and B (n = 800) had rates of 75% and 60%, respectively.', 'auto')).toEqual([[null, 1200, '75'], [null, 800, '60']]);
  });
});

describe('extractClaims: rates said as figures of speech', () => {
  const read = (text: string) => extractClaims(text, { locale: 'auto' }).claims.map((c) => [c.numerator ?? null, c.denominator, c.percent ?? null]);
  it('reads "acht von zehn", "9 sur 10" and "deux sur cinq" as no count when no group of that size was stated', () => {
    expect(read('Für acht von zehn Deutschen ist der eigene Arzt erster Ansprechpartner.')).toEqual([]);
    expect(read('En 2008, 56% des patients avaient donné une note de 9 sur 10 à leur expérience hospitalière.')).toEqual([]);
    expect(read('Deux Français sur cinq trouvent son accès plus difficile.')).toEqual([]);
  });
  it('keeps the ratio when the text counts the group ("10 Patienten ... acht von zehn") or a hundred by its count ("97 von 100")', () => {
    expect(read('Wir behandelten 10 Patienten. Acht von zehn Patienten waren danach beschwerdefrei.')).toEqual([[8, 10, null]]);
    expect(read('Bei Aufnahme brachten 97 von 100 Patienten eine Röntgenaufnahme mit.')).toEqual([[97, 100, null]]);
  });
});

describe('extractClaims: a count in a bracket after its percent', () => {
  const read = (text: string) => extractClaims(text, { locale: 'auto' }).claims.map((c) => [c.numerator ?? null, c.denominator, c.percent ?? null]);
  it('joins "(4 516 Fälle bzw. 25 Prozent)" into one share, the count named before "bzw."', () => {
    expect(read('17 889 Kinder wurden behandelt. Die meisten gingen auf Krankheiten des Atmungssystems (4 516 Fälle bzw. 25 Prozent) zurück.')).toEqual([[4516, 17889, '25']]);
    // "bzw." between two percents pairs them ("12 bzw. 15 %"): no count restated
    expect(read('17 889 Kinder wurden behandelt. Die Raten lagen bei 12 bzw. 15 Prozent.')).not.toContainEqual([12, 17889, '15']);
  });
  it('takes "(3 060 Fälle)" closing the percent\'s clause as its count when it is that share of a total in reach', () => {
    expect(read('Im Jahr 2010 sind 11 156 Kinder behandelt worden.\n\n27 Prozent aller Patienten wurde wegen Krankheiten des Atmungssystems behandelt (3 060 Fälle).')).toEqual([[3060, 11156, '27']]);
    // a count that is not that share stays apart
    expect(read('Im Jahr 2010 sind 11 156 Kinder behandelt worden.\n\n27 Prozent aller Patienten wurde wegen Krankheiten des Atmungssystems behandelt (1 060 Fälle).')).not.toContainEqual([1060, 11156, '27']);
  });
});
