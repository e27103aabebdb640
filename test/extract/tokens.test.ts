import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/extract/tokens.js';

const en = { language: 'en', decimalComma: false } as const;
const de = { language: 'de', decimalComma: true } as const;
const read = (text: string, locale: { language: 'en' | 'de' | 'fr' | 'es'; decimalComma: boolean } = en) =>
  tokenize(text, locale).map((t) => [text.slice(t.start, t.end), t.value, t.percent, t.excluded ?? null]);

describe('tokenize: numbers as printed', () => {
  it('reads thousands separators of every kind and decimal marks by locale', () => {
    expect(read('4,278 and 4 278 and 4\u202f278 and 6\'438 and 3 287 199 patients').map((t) => t[1])).toEqual([4278, 4278, 4278, 6438, 3287199]);
    expect(read('4.278 Patienten, davon 2.324 (54,32 %)', de).map((t) => [t[1], t[2]])).toEqual([[4278, false], [2324, false], [54.32, true]]);
    expect(read('the value 4.278 mg', en)[0]?.[1]).toBe(4.278);
    expect(read('31,34 % ohne Einstellung', en)[0]?.slice(1, 3)).toEqual([31.34, true]); // two digits after a comma are decimals in any locale
  });

  it('reads percent words and number words', () => {
    expect(read('73 per cent, 9,8 Prozent, 45 pour cent, 12 por ciento, 5 percent', de).map((t) => [t[1], t[2]])).toEqual([[73, true], [9.8, true], [45, true], [12, true], [5, true]]);
    expect(read('Eleven of the 15 had improved').map((t) => t[1])).toEqual([11, 15]);
  });

  it('does not read a digit glued to letters as a number', () => {
    expect(read('SMN1, CD20 and US1 and ISRCTN14391248')).toEqual([]);
  });
});

describe('tokenize: what yields nothing', () => {
  const reasonOf = (text: string, locale: { language: 'en' | 'de' | 'fr' | 'es'; decimalComma: boolean } = en) => read(text, locale).map((t) => t[3]);
  it.each([
    ['(p < 0.05)', 'a statistic'],
    ['OR 1.8 (1.2–2.6)', 'a statistic'],
    ['aged 3 years', 'measurement'],
    ['5 mg/kg', 'measurement'],
    ['Table 2', 'identifier'],
    ['GMFCS level 3', 'identifier'],
    ['in 2014 we', 'year'],
    ['from 1990 through 1992', 'year'],
    ['1.27 per 1000 live births', 'per population'],
    ['1 in 278 infants', 'per population'],
    ['increased by 20%', 'change'],
    ['MP > 40%', 'threshold'],
    ['80% or more', 'threshold'],
    ['74.5% to 79.5% of children', 'range'],
    ['95% CI', 'confidence level'],
    ['5-year overall survival was 96%', 'survival'],
    ['the mean overall success rate was 83.2%', 'average'],
    ['27.11.2020', 'date'],
    ['1st', 'ordinal'],
    ['(0,04–0,4 %)', 'range'],
  ])('%s', (text, reason) => {
    const reasons = reasonOf(text, text.includes(',0') ? de : en);
    expect(reasons.some((r) => typeof r === 'string' && r.includes(reason))).toBe(true);
  });

  it('keeps counts and shares that look like years or ranges but are not', () => {
    expect(reasonOf('1954 other types (45.68%)')).toEqual([null, null]);
    expect(reasonOf('2279 cases per year were diagnosed')[0]).toBeNull();
    expect(reasonOf('1,954 children')[0]).toBeNull();
  });

  it('takes both ends of "from X% in one group to Y% in another" for a range, and a level an -ing verb rises to for a change', () => {
    expect(reasonOf('rates varied from 57.99% in the highest quintile to 22.93% in the lowest')).toEqual(['a change or range (from ... to ...)', 'a change or range (from ... to ...)']);
    expect(reasonOf('the incidence rising steeply in late adolescence to 32% by age 20')[0]).toMatch(/change/);
    expect(reasonOf('the share of day cases increasing to 41%')[0]).toMatch(/change/);
  });

  it('reads "in 2019: 120" as a year and the figure its label gives, but "1:1" and "10:30" as ratios or times', () => {
    expect(reasonOf('Patients treated in 2019: 120')).toEqual(['a year', null]);
    expect(reasonOf('randomised 1:1 at 10:30')).toEqual(Array(4).fill('a ratio or a time (1:1, 10:30)'));
  });

  it('reads a dash that opens a list item as its bullet, not as a minus sign', () => {
    expect(reasonOf('- 30% had spastic CP')).toEqual([null]);
    expect(reasonOf('the score changed by -30%')).toEqual(['a percent change']);
  });

  it('takes the value an average is stated to be, and a number of kinds, for no group', () => {
    expect(reasonOf('The mean age of the patients was 53 (range, 34-88 years).')[0]).toMatch(/statistic/);
    expect(reasonOf('the median number of visits per child was 4')[0]).toMatch(/statistic/);
    expect(reasonOf('Four types of treatments were considered')[0]).toBe('a number of kinds, not a counted group');
    expect(reasonOf('Four patients were treated')[0]).toBeNull();
  });

  it('reads "15 and 25% respectively" as two percents', () => {
    expect(read('mortality rates were 15 and 25% respectively').map((t) => t[2])).toEqual([true, true]);
  });
});

describe('tokenize: windows start at a word', () => {
  it('does not read the end of "los" as OS (overall survival) when the look-back opens inside it', () => {
    const es = { language: 'es', decimalComma: true } as const;
    // 90 characters before "66,7 %" open inside "los": "os primeros ..."
    const text = 'Se dictaron 18 (20,0 %) en los primeros 6 años del estudio (2003 a 2008). La mayoría de los pacientes fueron hombres (66,7 %).';
    const percent = tokenize(text, es).find((t) => t.value === 66.7);
    expect(percent?.excluded).toBeUndefined();
    // a survival estimate is still one
    expect(tokenize('The 5-year OS was 66,7 %.', es).find((t) => t.value === 66.7)?.excluded).toMatch(/survival/);
  });
});

describe('tokenize: signs escaped and bases of rates', () => {
  it('reads a percent sign escaped as in LaTeX and BibTeX sources ("18{\\%}", "9\\%")', () => {
    const tokens = tokenize('38 (18{\\%}) and 19 (9\\%) had MP >40{\\%}', en);
    expect(tokens.filter((t) => t.percent).map((t) => [t.value, t.excluded === undefined])).toEqual([[18, true], [9, true], [40, false]]);
  });

  it('takes the base of a rate and a number after "<" or ">" for no count', () => {
    expect(tokenize('57 per 100,000 population', en).find((t) => t.value === 100000)?.excluded).toMatch(/base of a rate/);
    expect(tokenize('an IQ < 50', en).find((t) => t.value === 50)?.excluded).toMatch(/threshold or bound/);
  });

  it('takes a modelled, expected or target rate for no share, but not an observed one beside it', () => {
    const text = 'Observed mortality was 0.7%; expected mortality from the model was 1.2%, against a target of 2%.';
    expect(tokenize(text, en).filter((t) => t.percent).map((t) => [t.value, t.excluded ?? null])).toEqual([
      [0.7, null],
      [1.2, expect.stringMatching(/modelled, expected or target/)],
      [2, expect.stringMatching(/modelled, expected or target/)],
    ]);
  });

  it('takes figures of another population or time, averages, estimates at a time point and age bounds for no share or count', () => {
    const reason = (text: string, value: number) => tokenize(text, en).find((t) => t.value === value)?.excluded ?? null;
    expect(reason('The rate was 35%, up from 20% in 2019.', 20)).toMatch(/another population or year/);
    expect(reason('Nationally, 25% of patients receive it.', 25)).toMatch(/another population or year/);
    expect(reason('The response rate in the literature is 40%.', 40)).toMatch(/another population or year/);
    expect(reason('In the general population the prevalence is 2%.', 2)).toMatch(/another population or year/);
    expect(reason('Adherence was 85% on average.', 85)).toMatch(/average/);
    expect(reason('At 5 years, 80% were alive.', 80)).toMatch(/survival/);
    expect(reason('Of those older than 80, 30% died.', 80)).toMatch(/threshold or bound/);
    // a share with none of these around it stays a share
    expect(reason('At discharge, 80% were alive.', 80)).toBeNull();
    expect(reason('The rate was 35% in our 400 patients.', 35)).toBeNull();
  });
});

describe('tokenize: German, French and Spanish phrasing', () => {
  const es = { language: 'es', decimalComma: false } as const;
  const fr = { language: 'fr', decimalComma: true } as const;
  it('reads Spanish thousands written with the word "mil" between digits ("24 mil 297", "mil 439")', () => {
    expect(read('sumaron 24 mil 297 pacientes, 9 mil 40 hombres y 15 mil 257 mujeres; mil 439 hombres', es).map((t) => t[1])).toEqual([24297, 9040, 15257, 1439]);
    // alone, "29 mil" is a figure rounded to thousands, and in other languages "mil" is no number word
    expect(read('29 mil menores', es)[0]?.[3]).toMatch(/thousands or millions/);
    expect(read('3 mil 539', en).map((t) => t[1])).toEqual([3, 539]);
  });

  it('reads a percent after "represents" as the share a count makes of an uncounted population, not a share of the count', () => {
    const text = 'Au total, 516 patients se sont présentés aux urgences, ce qui représente 2,8 % des patients chirurgicaux.';
    expect(read(text, fr).find((t) => t[2])?.[3]).toMatch(/larger population/);
    const es2 = 'atendieron 245.000 urgencias, una cifra que representa aproximadamente un 19% de todas las urgencias de la capital y el 3,7% de las nacionales';
    expect(read(es2, { language: 'es', decimalComma: true }).filter((t) => t[2]).map((t) => t[3])).toEqual([expect.stringMatching(/larger population/), expect.stringMatching(/larger population/)]);
    // a count restated as a share is no such figure
    expect(read('45 pacientes, lo que representa el 56,2 %', { language: 'es', decimalComma: true }).find((t) => t[2])?.[3]).toBeNull();
  });

  it('carries a percent change over to the percent coordinated with it', () => {
    const text = 'le nombre de malades a progressé de 3,8% en 1 an et de 19% en 5 ans';
    expect(read(text, fr).filter((t) => t[2]).map((t) => t[3])).toEqual([expect.stringMatching(/percent change/), expect.stringMatching(/percent change/)]);
    // a share after a change is not a change
    expect(read('rose by 3% in 2010; 19% of patients had a stroke').filter((t) => t[2]).map((t) => t[3])).toEqual([expect.stringMatching(/percent change/), null]);
  });

  it('takes a year compared with for a year, unless a count noun follows it', () => {
    expect(read('18 685 publications par rapport à 2010 dont près de la moitié (43%)', fr).find((t) => t[1] === 2010)?.[3]).toBe('a year');
    expect(read('compared with 2010 patients in the control arm').find((t) => t[1] === 2010)?.[3]).toBeNull();
  });
});

describe('tokenize: yearly figures of a population', () => {
  const fr = { language: 'fr', decimalComma: true } as const;
  it('takes a yearly count after incidence, an estimate or a cause of death for no group', () => {
    expect(read('En France, leur incidence représente 4.000 nouveaux cas par an.', fr)[0]?.[3]).toMatch(/yearly figure/);
    expect(read('la quatrième cause de décès par cancer chez les femmes (4000 par an).', fr)[0]?.[3]).toMatch(/yearly figure/);
    // a register's own yearly count is a group
    expect(read('In our register, 2279 cases per year were diagnosed.')[0]?.[3]).toBeNull();
  });
});

describe('tokenize: one of a few', () => {
  it('takes "1 patient sur 4" for a rate, and "1 of 4 patients" or "trois patients sur dix" for counts', () => {
    expect(read('En 2020, 1 patient sur 4 avait plus de 75 ans.', { language: 'fr', decimalComma: true }).slice(1, 3).map((t) => t[3])).toEqual(['a rate per population', 'a rate per population']);
    expect(read('1 of 4 patients died.').map((t) => t[3])).toEqual([null, null]);
    expect(read('Trois patients sur dix ont eu une complication.', { language: 'fr', decimalComma: true }).slice(0, 2).map((t) => t[3])).toEqual([null, null]);
  });
});

describe('tokenize: a count that looks like a year', () => {
  it('reads "2100" listed after another count and described by its members ("1263 with pCR and 2100 without") as a count', () => {
    expect(read('3363 patients (1263 with pCR and 2100 without)').map((t) => t[3])).toEqual([null, null, null]);
    // a year stays a year
    expect(read('In 2018 and 2019 with the new protocol').map((t) => t[3])).toEqual(['a year', 'a year']);
  });
});

describe('tokenize: Swiss thousands, approximate rates, ages and capacity', () => {
  it('reads an apostrophe of any typeset form as a thousands separator ("1\'411", "50’902", "7‘815")', () => {
    expect(read("1'411 Fälle, 50’902 Tage und 7‘815 ambulante Patienten", de).map((t) => t[1])).toEqual([1411, 50902, 7815]);
  });

  it('takes an approximate few of a few ("etwa 4 von 5 Fällen", "nearly 3 in 4") for a rate, and a plain "4 von 5 Patienten" for a count', () => {
    expect(read('wobei etwa 4 von 5 Fällen auf Männer entfielen', de).map((t) => t[3])).toEqual(['a rate per population', 'a rate per population']);
    expect(read('nearly 3 in 4 adults').map((t) => t[3])).toEqual(['a rate per population', 'a rate per population']);
    expect(read('Bei 4 von 5 Patienten heilte die Wunde', de).map((t) => t[3])).toEqual([null, null]);
  });

  it('reads "60- bis 75-Jährigen" as a range and "60-jährigen Patienten" as an age', () => {
    expect(read('bei den 60- bis 75-Jährigen', de).map((t) => t[3])).toEqual(['a range', 'a range']);
    expect(read('bei den < 60-jährigen Patienten und den 45-jährigen Frauen', de).every((t) => t[3] !== null)).toBe(true);
  });

  it('takes the occupancy of beds and a participation rate for no share of the counted group', () => {
    for (const text of ['Die Bettenbelegung lag 2016 bei 96,6 Prozent', 'Damit betrug der Auslastungsgrad erneut 95,9%', 'Die Teilnahmequote lag bei 30,2 %']) {
      expect(read(text, de).find((t) => t[2])?.[3]).toBe('a rate of beds, capacity or participation, not a share of the group the text counts');
    }
    expect(read("Le taux d'occupation des lits était de 37%.", { language: 'fr', decimalComma: true })[0]?.[3]).toMatch(/capacity/);
  });
});

describe('tokenize: estimates, cumulative rates and figures of earlier years', () => {
  const fr = { language: 'fr', decimalComma: true } as const;
  it('takes an estimated number for no counted group ("Le nombre estimé de nouveaux cas … était de 25 277")', () => {
    expect(read('Le nombre estimé de nouveaux cas par an de cancer du sein était de 25 277.', fr)[0]?.[3]).toBe('an estimated number, not a counted group');
    expect(read('Le nombre de nouveaux cas était de 25 277.', fr)[0]?.[3]).toBeNull();
  });

  it('takes a cumulative risk for an estimate ("estimé par le taux cumulé 0-74 ans, était de 7,1 %")', () => {
    expect(read('Le risque de cancer, estimé par le taux cumulé 0-74 ans, était de 7,1 % pour le sein', fr).find((t) => t[2])?.[3]).toBe('a cumulative risk or rate, an estimate for a population');
  });

  it('takes the percents of a run of earlier years, given "respectively", for figures to compare with', () => {
    const es = { language: 'es', decimalComma: true } as const;
    const percents = read('La proporción fue mayor que en los dos años anteriores (28%, 31% y 34,8%, respectivamente, p < 0,001).', es).filter((t) => t[2]);
    expect(percents.map((t) => t[3])).toEqual(Array(3).fill('a figure of another population or year, given to compare with'));
    // "respectively" alone lists groups, not years
    expect(read('en los grupos A y B (28% y 31%, respectivamente)', es).filter((t) => t[2]).map((t) => t[3])).toEqual([null, null]);
  });
});

describe('tokenize: counts after time phrases and before institutions', () => {
  it('reads a count after a time phrase with its article or adjective, but keeps "Jahr 2", "day 5" for labels', () => {
    expect(read('im vergangenen Jahr 784 Entbindungen', de)[0]?.[3]).toBeNull();
    expect(read('nach einem Jahr 64 beschwerdefrei', de)[0]?.[3]).toBeNull();
    expect(read('last year 120 patients')[0]?.[3]).toBeNull();
    expect(read('im Jahr 2 der Studie', de)[0]?.[3]).toMatch(/identifier/);
    expect(read('at day 5 the wound')[0]?.[3]).toMatch(/identifier/);
  });
  it('reads a four-digit number before an institution as a count, not a year ("Von den 2045 Krankenhäusern")', () => {
    expect(read('Von den 2045 Krankenhäusern in Deutschland', de)[0]?.[3]).toBeNull();
    expect(read('Im Jahr 2019 Krankenhäuser und Kliniken', de)[0]?.[3]).not.toBeNull();
    expect(read('Seit 2019 Krankenhäuser und Kliniken', de)[0]?.[3]).toBe('a year');
  });
});

describe('tokenize: ranges printed with an ellipsis', () => {
  it('reads ">50…60" as a range and a percent after it in a list as a percent, not a broken decimal', () => {
    const t = read('26 % waren >50…60, 30 % >60…70 Jahre alt', de);
    expect(t.map((x) => [x[1], x[3]])).toEqual([[26, null], [50, 'a range'], [60, 'a range'], [30, null], [60, 'a range'], [70, 'a range']]);
    // a decimal broken by a space is still read as one
    expect(read('bei 16, 3 % der Fälle', de).every((x) => x[3] === 'a number broken by a space')).toBe(true);
  });
});

describe('tokenize: rates of a population the text does not count', () => {
  const reason = (text: string, language: 'de' | 'fr' | 'es') => tokenize(text, { language, decimalComma: true }).find((t) => t.percent)?.excluded ?? null;
  it.each([
    ['fr', 'La prévalence du diabète en France est estimée à 5 %.'],
    ['fr', "L'hypertension concerne 30 % des adultes."],
    ['de', 'Der Anteil der über 80-Jährigen an der Bevölkerung beträgt 7 Prozent.'],
    ['es', 'La prevalencia fue estimada en 5 %.'],
  ] as const)('%s: %s', (language, text) => {
    expect(reason(text, language)).not.toBeNull();
  });
  it('still reads the share of a counted group ("Der Anteil der Frauen betrug 56 Prozent")', () => {
    expect(reason('Der Anteil der Frauen betrug 56 Prozent.', 'de')).toBeNull();
  });
});
