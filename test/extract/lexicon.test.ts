import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { LEXICON, anyLanguage } from '../../src/extract/lexicon.js';

const claims = (text: string, locale: 'de' | 'fr' | 'es' | 'en') =>
  extractClaims(text, { locale }).claims.map((c) => [c.numerator ?? null, c.denominator, c.percent ?? null]);

describe('the per-language cue tables', () => {
  it('has every field in every language', () => {
    const fields = Object.keys(LEXICON.en).sort();
    for (const cues of Object.values(LEXICON)) expect(Object.keys(cues).sort()).toEqual(fields);
  });
  it('joins a field of the four languages into one expression that compiles', () => {
    expect(() => new RegExp(anyLanguage('changeVerbs'), 'iu')).not.toThrow();
    expect(new RegExp(`^${anyLanguage('restatements')}$`, 'iu').test('soit')).toBe(true);
  });
});

describe('percent changes and the levels they reach yield nothing, with a total in reach', () => {
  it.each([
    ['de', 'Es wurden 200 Patienten behandelt. Die Sterblichkeit erhöhte sich 2006 leicht auf 14,5 Prozent.'],
    ['de', 'Es wurden 200 Patienten behandelt. Die Rate sank von 20 auf 15 Prozent.'],
    ['es', 'Se incluyeron 100 pacientes. La mortalidad aumentó un 20% respecto al año anterior.'],
    ['es', 'Se incluyeron 100 pacientes. La mortalidad cayó un 10,5% y la estancia se redujo hasta el 30%.'],
    ['fr', "Nous avons inclus 200 patients. La part des analogues a encore augmenté, atteignant 95%."],
    ['en', 'We included 200 patients. Mortality fell to 12% after the change.'],
    ['en', 'We treated 400 patients. Mortality showed a decrease rate of 12.5% and a change rate of 3.2% annually.'],
    ['en', 'In 2022 we treated 1,400 patients, down 0.6% on the previous year and 7.2% under budget.'],
  ] as const)('%s: %s', (locale, text) => {
    expect(claims(text, locale)).toEqual([]);
  });
  it('takes a count after the noun of a change ("a decrease of 700,541 patients") for no group, and a bare percent for no share of a count it fits only because every percent does', () => {
    expect(claims('We treated 1,200 patients, an increase of 300 patients; 25% were children.', 'en')).toEqual([[null, 1200, '25']]);
    expect(extractClaims('We had 1,748 fewer deliveries; 12.5% were by caesarean section.', { locale: 'en' }).claims).toEqual([]);
  });
  it('still ties a bare percent to a total stated after it in its sentence', () => {
    expect(claims('In-hospital mortality was 9.6% in 3000 operations.', 'en')).toEqual([[null, 3000, '9.6']]);
  });
  it('still reads a share after a verb of change that does not link to it ("disminuyó en el 45% de los pacientes")', () => {
    expect(claims('Se incluyeron 200 pacientes. El dolor disminuyó en el 45% de los pacientes.', 'es')).toEqual([[null, 200, '45']]);
  });
  it('takes the amount of a change in a count for no part ("ha bajado en 196")', () => {
    const r = extractClaims('La lista ha pasado de 5.673 pacientes en 2015 a 5.477, es decir ha bajado en 196.', { locale: 'es' });
    expect(r.partitions).toEqual([]);
    expect(r.claims).toEqual([]);
  });
});

describe('bounds, ratio statistics, averages, interval levels and time-point rates yield nothing', () => {
  it.each([
    ['es', 'Se incluyeron 100 pacientes. Con más del 84 % de los pacientes mayores de 60 años.'],
    ['es', 'Se incluyeron 100 pacientes; el riesgo relativo fue de 1,5 y la razón de momios de 2,3.'],
    ['fr', 'Nous avons inclus 300 patientes ; rapport de cotes : 3,51 (IC à 95 % 1,2–13,3).'],
    ['de', 'Es wurden 80 Patienten behandelt, im Mittel 12 Sitzungen lang.'],
    ['fr', 'Nous avons inclus 200 patients. Le taux de récidive à 5 ans était de 13,6 %.'],
    ['de', 'Es wurden 200 Patienten operiert. Die Rezidivrate nach 5 Jahren lag bei 8 %.'],
  ] as const)('%s: %s', (locale, text) => {
    expect(claims(text, locale)).toEqual([]);
  });
});

describe('a share of a subgroup named before it is left unresolved, in each language', () => {
  it.each([
    ['de', 'Es wurden 200 Patienten behandelt. Bei Patienten mit Diabetes lag die Rate bei 20 %.'],
    ['de', 'Es wurden 200 Patienten behandelt. Hinsichtlich der Diabetiker hatten 20 % Komplikationen.'],
    ['fr', 'Nous avons inclus 200 patients. En ce qui concerne les femmes, 20 % avaient une infection.'],
    ['fr', 'Nous avons inclus 200 patients. 40 % des patientes traitées par chimiothérapie ont rechuté.'],
    ['es', 'Se incluyeron 100 pacientes. En cuanto a los diabéticos, el 20% tuvo complicaciones.'],
  ] as const)('%s: %s', (locale, text) => {
    const r = extractClaims(text, { locale });
    expect(r.claims).toEqual([]);
    expect(r.unresolved.map((u) => u.reason)).toEqual([expect.stringContaining('smaller group')]);
  });
  it('keeps a share of the whole cohort introduced by a variable ("En cuanto al sexo")', () => {
    expect(claims('Se incluyeron 100 pacientes. En cuanto al sexo, el 60% eran mujeres.', 'es')).toEqual([[null, 100, '60']]);
  });
});

describe('counts restated as shares and ratios written with a noun', () => {
  it.each([
    ['fr', 'Nous avons inclus 200 patients. La réponse a été obtenue chez 150 patients, soit 75 %.', [[150, 200, '75']]],
    ['es', 'Se estudiaron 80 pacientes; predominó el sexo masculino con 45 pacientes para un 56,2 %.', [[45, 80, '56.2']]],
    ['de', 'Es wurden 120 Kinder untersucht, davon 30 Kinder, das entspricht 25 %, mit Epilepsie.', [[30, 120, '25']]],
    ['fr', 'Soixante et onze patients sur 142 (50 %) étaient guéris.', [[71, 142, '50']]],
    ['es', 'Veintiún pacientes de los 42 (50 %) respondieron al tratamiento.', [[21, 42, '50']]],
    ['de', 'In 22 von 180 überprüften Merkmalen gab es Handlungsbedarf.', [[22, 180, null]]],
    ['de', 'Nur neun der 48 bewerteten Häuser erhielten die Note.', [[9, 48, null]]],
  ] as const)('%s: %s', (locale, text, expected) => {
    expect(claims(text, locale)).toEqual(expected);
  });
  it('reads "3 von 1000 Neugeborenen" as a rate per population, not a ratio', () => {
    expect(claims('Betroffen sind 3 von 1000 Neugeborenen.', 'de')).toEqual([]);
  });
  it('reads a rank for no count ("Platz 17 von 1.100 Kliniken")', () => {
    expect(claims('Das Klinikum belegt Platz 17 von 1.100 bewerteten Kliniken.', 'de')).toEqual([]);
  });
  it('reads "vH" and "vom Hundert" as percent signs', () => {
    expect(claims('Im Jahr 2020 wurden 500 Patienten behandelt, 20 vH davon ambulant.', 'de')).toEqual([[null, 500, '20']]);
    expect(claims('Von den 400 Patienten waren 25 vom Hundert Raucher.', 'de')).toEqual([[null, 400, '25']]);
  });
});

describe('rounded figures, rates "de cada" and rates of categories', () => {
  it('takes no figure in millions or "29 mil" for an exact group', () => {
    expect(claims('BQS-Experten hatten die Daten von 2,6 Millionen Behandlungen ausgewertet. 14,4 Prozent starben.', 'de')).toEqual([]);
    expect(claims('Se atendieron tres millones de personas; el 20% eran niños.', 'es')).toEqual([]);
    expect(claims('Al año el hospital atiende a 29 mil menores; el 20% son lactantes.', 'es')).toEqual([]);
    expect(extractClaims('Il y a 43,4 donneurs par million d’habitants.', { locale: 'fr' }).claims).toEqual([]);
  });
  it.each([
    ['es', 'Dos de cada diez pacientes sufren dolor crónico.'],
    ['es', 'Se registraron 234 fallecimientos, para una tasa de 8 por cada 1000 habitantes.'],
    ['en', 'Two out of every five patients had pain.'],
  ] as const)('reads a rate per population in %s: %s', (locale, text) => {
    expect(claims(text, locale)).toEqual([]);
  });
  it('leaves the rate of each bracketed category unresolved ("Sterblichkeit in der Ösophagus- (8,6 %) und Magenchirurgie (11,7 %)")', () => {
    const r = extractClaims('Insgesamt wurden 3 287 199 Patienten eingeschlossen. Die höchste Sterblichkeit wurde in der Ösophagus- (8,6 %) und Magenchirurgie (11,7 %) beobachtet.', { locale: 'de' });
    expect(r.claims).toEqual([]);
    expect(r.unresolved).toHaveLength(2);
  });
  it('reads "44 dieser 78 Patienten", "30 de ces 120", "12 de estos 40" as ratios', () => {
    expect(claims('Bei 44 dieser 78 Patienten fielen Auffälligkeiten auf.', 'de')).toEqual([[44, 78, null]]);
    expect(claims('Nous avons revu 30 de ces 120 patients.', 'fr')).toEqual([[30, 120, null]]);
    expect(claims('Se operaron 12 de estos 40 pacientes.', 'es')).toEqual([[12, 40, null]]);
  });
});

describe('fractions are no counts', () => {
  it.each([
    ['de', 'Es wurden 120 Patienten behandelt. Zwei Drittel (66 %) waren Frauen.', [[null, 120, '66']]],
    ['es', 'Se incluyeron 120 pacientes. Las dos terceras partes (66 %) eran mujeres.', [[null, 120, '66']]],
    ['fr', 'Nous avons inclus 120 patients. Les trois quarts (75 %) étaient des femmes.', [[null, 120, '75']]],
    ['de', 'Es wurden 120 Patienten behandelt. 2/3 der Patienten waren Frauen.', []],
  ] as const)('%s: %s', (locale, text, expected) => {
    expect(claims(text, locale)).toEqual(expected);
  });
});

describe('a group named by what happened to it is a subgroup', () => {
  it.each([
    ['de', 'Es wurden 200 Patienten operiert. 60 % der Verstorbenen waren Männer.'],
    ['es', 'Se incluyeron 200 pacientes. Entre los fallecidos, el 60% eran hombres.'],
    ['fr', 'Nous avons inclus 200 patients. Parmi les survivants, 45 % avaient une séquelle.'],
    ['en', 'We included 200 patients. Among smokers, 45% had a relapse.'],
  ] as const)('%s: %s', (locale, text) => {
    const r = extractClaims(text, { locale });
    expect(r.claims).toEqual([]);
    expect(r.unresolved).toHaveLength(1);
  });
  it('ties a count of that group to its stated size ("50 fallecieron ... 30 (60 %)")', () => {
    expect(claims('Se incluyeron 200 pacientes; 50 fallecieron. Entre los fallecidos, 30 (60 %) eran hombres.', 'es')).toEqual([[30, 50, '60']]);
  });
});

describe('the decimal mark of a German, French or Spanish text', () => {
  it('gives way to points when the text groups thousands with commas and prints decimals with points only', () => {
    expect(claims('De los 1,250 pacientes, 300 (24.0 %) tuvieron una complicación.', 'es')).toEqual([[300, 1250, '24.0']]);
  });
  it('keeps the decimal comma when the text groups thousands with points ("4.278" beside "45.68%")', () => {
    expect(claims('Von 2010 bis 2020 wurden 4.278 Patienten behandelt, davon 2.324 (54.32%) und 1.954 (45.68%).', 'de')).toEqual([[2324, 4278, '54.32'], [1954, 4278, '45.68']]);
  });
  it('keeps it when the caller says so', () => {
    expect(extractClaims('De los 1,250 pacientes, 300 (24.0 %) tuvieron una complicación.', { locale: 'es', decimalComma: true }).decimalComma).toBe(true);
  });
});

describe('thresholds, accuracy measures and population rates yield no claim of the cohort', () => {
  it.each([
    ['fr', 'Nous avons inclus 300 patients. Le seuil de significativité était de 5 %.'],
    ['es', 'Se incluyeron 300 pacientes. La prevalencia en la población general es del 2 %.'],
    ['es', 'Se incluyeron 300 pacientes. La sensibilidad fue del 85 % y la especificidad del 92 %.'],
    ['de', 'Es wurden 300 Patienten eingeschlossen. Die Sensitivität betrug 85 %, die Spezifität 92 %.'],
    ['fr', 'Nous avons inclus 300 patients. La sensibilité était de 85 % et la spécificité de 92 %.'],
  ] as const)('%s: %s', (locale, text) => {
    expect(claims(text, locale)).toEqual([]);
  });
  it('keeps a sensitivity printed with its own ratio ("85 % (34/40)")', () => {
    expect(claims('Se incluyeron 300 pacientes. La sensibilidad fue del 85 % (34/40).', 'es')).toEqual([[34, 40, '85']]);
  });
});

describe('a figure of another population or year, given to compare with, is no share of the group', () => {
  it.each([
    ['de', 'Im Jahr 2019 wurden 1.245 Geburten betreut. Die Kaiserschnittrate lag bei 31,2 % (Bundesdurchschnitt 29,6 %).', [[null, 1245, '31.2']]],
    ['de', 'Die Klinik führte 2022 insgesamt 412 Eingriffe durch; die Komplikationsrate betrug 1,7 Prozent, der Landesdurchschnitt 2,4 Prozent.', [[null, 412, '1.7']]],
    ['fr', 'En 2020, le service a réalisé 640 interventions, dont 70 % en ambulatoire (contre 55 % en 2015).', [[null, 640, '70']]],
    ['es', 'Se atendieron 12.500 pacientes en urgencias; el 8 % requirió ingreso, frente al 10 % del año anterior.', [[null, 12500, '8']]],
  ] as const)('%s: %s', (locale, text, expected) => {
    expect(claims(text, locale)).toEqual(expected);
  });
  it('keeps "who" in English prose for a relative pronoun, not the WHO', () => {
    expect(claims('Among the 208 patients, 105 (50.5%) were women, who less often smoked.', 'en')).toEqual([[105, 208, '50.5']]);
  });
});

describe('a count and its percent alone in one bracket', () => {
  it.each([
    ['es', 'El universo estuvo constituido por 234 pacientes. Existió un predominio del sexo masculino (122; 52,14 %).', [[122, 234, '52.14']]],
    ['es', 'Se estudiaron 90 pacientes; predominó el sexo femenino (n = 56; 62,2 %).', [[56, 90, '62.2']]],
    ['en', 'We studied 90 patients; women predominated (56, 62.2%).', [[56, 90, '62.2']]],
  ] as const)('%s: %s', (locale, text, expected) => {
    expect(claims(text, locale)).toEqual(expected);
  });
});

describe('percentage points are no counts', () => {
  it('does not add "4 percentage points" to the counts of a partition', () => {
    for (const [locale, text] of [
      ['de', 'Von den 100 Patienten hatten 60 eine Besserung, 36 keine Änderung und 4 Prozentpunkte mehr als im Vorjahr.'],
      ['en', 'Of the 100 patients, 60 improved, 36 were unchanged, a gain of 4 percentage points.'],
    ] as const) expect(extractClaims(text, { locale }).partitions).toEqual([]);
  });
});

describe('ranges with articles inside them', () => {
  it.each([
    'Se incluyeron 300 pacientes. La mortalidad oscila entre el 20 y el 30 %.',
    'Se incluyeron 300 pacientes. La mortalidad oscila entre el 20 % y el 30 %.',
  ])('es: %s', (text) => {
    expect(claims(text, 'es')).toEqual([]);
  });
});

describe('German "gut" and "jeweils" before a percent', () => {
  it('reads "Gut 30 %" as approximate and "mit jeweils 20 %" as a percent of each group', () => {
    expect(claims('Es wurden 300 Patienten behandelt. Gut 30 % hatten Fieber.', 'de')).toEqual([]);
    expect(claims('Es wurden 300 Patienten in drei Gruppen behandelt, mit jeweils 20 % Abbrechern.', 'de')).toEqual([]);
  });
});

describe('a sentence opening on its group without an article', () => {
  it.each([
    ['es', 'De 250 encuestas enviadas a los hospitales, 180 fueron respondidas.', [[180, 250, null]]],
    ['de', 'Von 80 angeschriebenen Kliniken, 56 antworteten.', [[56, 80, null]]],
    ['es', 'De 2010 a 2015, 300 pacientes fueron operados.', []],
  ] as const)('%s: %s', (locale, text, expected) => {
    expect(claims(text, locale)).toEqual(expected);
  });
});

describe('compound nouns', () => {
  it('counts a German compound whose head is a counted noun, and only German compounds', () => {
    const noun = new RegExp(`^(?:${anyLanguage('compoundHeads')})$`, 'iu');
    expect(['patienten', 'patientinnen', 'entbindungen', 'teilnehmern'].every((w) => noun.test(w))).toBe(true);
    expect(LEXICON.en.compoundHeads).toEqual([]);
    expect(claims('Insgesamt waren 31,8 Prozent der 692 096 Krankenhausentbindungen Kaiserschnitte.', 'de')).toEqual([[null, 692096, '31.8']]);
    expect(claims('Es wurden 96 Brustkrebspatientinnen operiert, davon 72 (75 %) brusterhaltend.', 'de')).toEqual([[72, 96, '75']]);
  });
});

describe('joints as counted things', () => {
  it('counts joints, and compounds ending in them ("Kniegelenke")', () => {
    const noun = new RegExp(`^(?:${anyLanguage('compoundHeads')})$`, 'iu');
    expect(noun.test('gelenken')).toBe(true);
    expect(claims('Es wurden 316 Kniegelenke operiert, davon 53 (16,8 %) beidseitig.', 'de')).toEqual([[53, 316, '16.8']]);
  });
});

describe('risk reductions', () => {
  it.each([
    ['de', 'Wir behandelten 1.204 Patienten. Die relative Risikoreduktion betrug 25 Prozent (95 % KI 10–40).'],
    ['en', 'We treated 1,204 patients. The relative risk reduction was 25% (95% CI 10-40).'],
    ['es', 'Se incluyeron 1.204 pacientes. La reducción relativa del riesgo fue del 25 %.'],
    ['fr', 'Nous avons inclus 1 204 patients. La réduction relative du risque était de 25 %.'],
  ] as const)('takes a relative or absolute risk reduction for no share (%s)', (locale, text) => {
    expect(claims(text, locale)).toEqual([]);
  });
});

describe('a fronted phrase that narrows the group, in the four languages', () => {
  it.each([
    ['de', 'Wir behandelten 300 Patienten. Bei den Frauen lag die Rate bei 40 %.'],
    ['fr', 'Nous avons traité 300 patients. Chez les femmes, 40 % ont eu une complication.'],
    ['fr', "Il y avait 783 personnes en réanimation le 6 avril.\n\nD'après une étude, sur les cas admis en réanimation depuis le début de l'épidémie, 73,6 % sont des hommes."],
    ['es', 'Se trataron 300 pacientes. Entre los hombres, el 40 % tuvo complicaciones.'],
  ] as const)('%s: leaves the share of the narrowed group unresolved: %s', (locale, text) => {
    expect(claims(text, locale)).toEqual([]);
    expect(extractClaims(text, { locale }).unresolved.length).toBe(1);
  });
  it.each([
    ['fr', 'Nous avons traité 300 patients. Dans notre série, 40 % ont eu une complication.'],
    ['es', 'Se trataron 300 pacientes. De ellos, el 40 % tuvo complicaciones.'],
  ] as const)('%s: keeps a share of the whole the phrase names: %s', (locale, text) => {
    expect(claims(text, locale)).toEqual([[null, 300, '40']]);
  });
});

describe('the far end of a change whose near end is a figure too', () => {
  it('reads "gesunken, von 32,3 auf 30,5 Prozent" as a change, not a share of the total before it', () => {
    expect(claims('776 883 Säuglinge kamen zur Welt. Die Kaiserschnittrate ist gesunken, von 32,3 auf 30,5 Prozent.', 'de')).toEqual([]);
  });
});

describe('a sample drawn from a population', () => {
  it('takes the shares after "la población fue de 230, y la muestra 115" as of the sample', () => {
    expect(claims('La población fue de 230, y la muestra 115, a través de un muestreo intencional. Antes de la intervención el 46,09 % tuvo respuestas inadecuadas.', 'es')).toEqual([[null, 115, '46.09']]);
  });
});

describe('percents that are no share of a counted group', () => {
  it('reads "à 100 %", "zu 100 Prozent", "al 100 %" as how fully, not a share', () => {
    expect(claims('Sur les 172 questionnaires, 62,20 % étaient des femmes. Un tiers avait une prise en charge à 100% au titre d’une ALD.', 'fr')).toEqual([[null, 172, '62.20']]);
    expect(claims('Es wurden 200 Patienten behandelt. Die Kosten wurden zu 100 Prozent erstattet.', 'de')).toEqual([]);
  });
});
