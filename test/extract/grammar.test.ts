import { describe, expect, it } from 'vitest';
import { readMentions } from '../../src/extract/grammar.js';
import { tokenize } from '../../src/extract/tokens.js';

const mentions = (text: string, language: 'en' | 'de' | 'fr' | 'es' = 'en') =>
  readMentions(text, tokenize(text, { language, decimalComma: language !== 'en' }), 0, text.length).map((m) =>
    m.kind === 'share' ? `share ${m.count?.value ?? '-'}/${m.denominator?.value ?? '-'}/${m.percent?.value ?? '-'}` : `${m.kind} ${m.token.value}`,
  );

describe('readMentions: totals', () => {
  it('takes the figure of a sentence about the number of a group for its size ("Die Gesamtanzahl der Patienten ... betrug 3014")', () => {
    expect(mentions('Die Gesamtanzahl der Patienten, die an der Fragebogenstudie teilnahm betrug 3014.', 'de')).toEqual(['total 3014']);
    expect(mentions('El número total de casos fue de 170.', 'es')).toEqual(['total 170']);
    // a figure that is not the sentence's first is no such size
    expect(mentions('Die Zahl der Patienten mit 2 Eingriffen betrug 14.', 'de')).not.toContain('total 14');
  });
});

describe('readMentions: a percent printed with a ratio', () => {
  it('takes a percent right after a ratio for its share when it fits ("12/40 30%", "60/69, 87%", "12/40 = 30%")', () => {
    expect(mentions('Complete response 12/40 30%.')).toEqual(['share 12/40/30']);
    expect(mentions('Pregnancy rate 60/69, 87%')).toEqual(['share 60/69/87']);
    expect(mentions('Complete response 12/40 = 30%.')).toEqual(['share 12/40/30']);
    // one that does not fit is another figure
    expect(mentions('Complete response 12/40 45%.')).not.toContain('share 12/40/45');
  });
  it('reads "(63.2%, 24 of 38 cases)" and "(55%; 16/29)" as one share, the ratio after the percent in its bracket', () => {
    expect(mentions('MRSE was the most prevalent bacterium (63.2%, 24 of 38 cases).')).toEqual(['share 24/38/63.2']);
    expect(mentions('Objective response (55%; 16/29) was seen.')).toEqual(['share 16/29/55']);
    // outside a bracket the figures after the percent are a sentence of their own
    expect(mentions('The rate was 55%, 16 of 29 patients responded.')).not.toContain('share 16/29/55');
  });
  it('reads "(n = 29/94)" after a percent as its count and denominator', () => {
    expect(mentions('The rate was 31% (n = 29/94).')).toEqual(['share 29/94/31']);
  });
});

describe('readMentions: groups of German, French and Spanish sentences', () => {
  it('takes a German compound ending in a counted noun for a group ("Prozent der 692 096 Krankenhausentbindungen")', () => {
    expect(mentions('31,8 Prozent der 692 096 Krankenhausentbindungen waren Kaiserschnitte.', 'de')).toEqual(['share -/692096/31.8']);
    expect(mentions('944 dieser 12109 Kolonkarzinompatienten wurden notfallmäßig operiert.', 'de')).toEqual(['share 944/12109/-']);
    // an institution is no group, compound or not
    expect(mentions('31,8 Prozent der 692 Krankenhausverwaltungen.', 'de')).not.toContain('share -/692/31.8');
  });
  it('takes the count "davon", "dont", "de los cuales" point back to for a group, even after other counts', () => {
    expect(mentions('Die Zahl ist von 7.777 auf 7.926 gestiegen, davon 6.397 in Bremen und 1.529 in Bremerhaven.', 'de')).toEqual(['part 7777', 'total 7926', 'part 6397', 'part 1529']);
    expect(mentions('En 2019, 1 204 séjours dont 30 pour des greffes.', 'fr')).toEqual(['total 1204', 'part 30']);
  });
  it('reads a count alone in brackets after another count as a figure given to compare, not one more part', () => {
    expect(mentions('Geboren wurden 8.104 Säuglinge, davon 8.075 lebend (7.918) und 29 tot (36).', 'de')).toEqual(['total 8104', 'part 8075', 'part 29']);
    // a count in brackets after a name is a part
    expect(mentions('Geboren wurden 8.104 Säuglinge, davon in Bremen (6.397) und in Bremerhaven (1.707).', 'de')).toContain('part 6397');
  });
  it('takes a count restated as a share with "oder" or "ou" ("(2.632 oder 33,2 Prozent)")', () => {
    expect(mentions('Jede dritte Schwangere wurde per Kaiserschnitt entbunden (2.632 oder 33,2 Prozent).', 'de')).toEqual(['share 2632/-/33.2']);
    expect(mentions('Au total, 50 ou 25 % ont été opérés.', 'fr')).toEqual(['share 50/-/25']);
  });
  it('reads no ratio given approximately ("Etwa 2/3 sind Frauen", "about 2/3")', () => {
    expect(mentions('Etwa 2/3 sind Frauen.', 'de')).toEqual([]);
    expect(mentions('About 2/3 were women.')).toEqual([]);
    expect(mentions('In all, 2/3 were women.')).toEqual(['share 2/3/-']);
  });
});

describe('readMentions: percents each of its own group', () => {
  const subgroups = (text: string, language: 'en' | 'de' = 'de') =>
    readMentions(text, tokenize(text, { language, decimalComma: language !== 'en' }), 0, text.length).flatMap((m) => (m.kind === 'share' ? [m.subgroup ?? null] : []));
  it('reads two percents joined by "bzw." as of two groups ("bei Männern (56% bzw. 54%)", "0,4 beziehungsweise 2,5 Prozent")', () => {
    expect(subgroups('Darmkrebs wird häufiger bei Männern (56% bzw. 54%) als bei Frauen diagnostiziert.')).toEqual(['listed', 'listed']);
    expect(subgroups('Es waren 24,4 Prozent gegenüber 0,4 beziehungsweise 2,5 Prozent.')[1]).toBe('listed');
    expect(subgroups('Es waren 24 % Frauen und 76 % Männer.')).toEqual([null, null]);
  });
  it('lets the smaller group a sentence opens with hold for every bare percent of its list', () => {
    expect(subgroups('Von den verstorbenen Tuberkulösen waren 9,8 Prozent Kinder, 24,4 Prozent Jugendliche.')).toEqual(['described', 'described']);
    expect(subgroups('Von den 200 Patienten waren 30 % Frauen, 70 % Männer.')).toEqual([null, null]);
  });
});

describe('readMentions: a comparison printed with one percent sign', () => {
  it('reads "(12,3 vs. 51,3%)" as a comparison of two percents, not a share', () => {
    const text = 'Puntuación de Barthel inferior a 35 (12,3 vs. 51,3%).';
    const m = readMentions(text, tokenize(text, { language: 'es', decimalComma: true }), 0, text.length);
    expect(m.flatMap((x) => (x.kind === 'share' ? [x.versus?.value ?? null] : []))).toEqual([12.3]);
  });
});

describe('readMentions: the group a sentence opens with', () => {
  it('takes a smaller count after "Of N ...", "Von N ...", "De los N ..." for one of its parts, whatever noun it has', () => {
    expect(mentions('Of 1,234 patients, 694 were women.')).toEqual(['total 1234', 'part 694']);
    expect(mentions('Von 1.234 behandelten Patienten waren 694 Frauen.', 'de')).toEqual(['total 1234', 'part 694']);
    expect(mentions('De los 1.234 pacientes, 694 eran mujeres.', 'es')).toEqual(['total 1234', 'part 694']);
  });
  it('reads a German compound of "Zahl" as the number of a group ("Die Fallzahl betrug 1.234")', () => {
    expect(mentions('Die Fallzahl betrug 1.234.', 'de')).toEqual(['total 1234']);
    expect(mentions('Die Bettenzahl betrug 1.234.', 'de')).not.toEqual(['total 1234']);
  });
  it('reads "X noun (Y%) de los N", "de un total de N" and "sur un total de N." as a count of that group', () => {
    expect(mentions('Fallecieron 30 pacientes (12 %) de los 250 ingresados.', 'es')).toEqual(['share 30/250/12']);
    expect(mentions('Veintiún pacientes (8,4 %) de un total de 250 presentaron complicaciones.', 'es')).toEqual(['share 21/250/8.4']);
    expect(mentions('Cent douze patients (44,8 %) étaient des femmes, sur un total de 250.', 'fr')).toEqual(['share 112/-/44.8', 'total 250']);
  });
});

describe('readMentions: the fields of a hospital quality report', () => {
  it('reads "Grundgesamtheit: 412; Zähler: 35; Ergebnis: 8,5 %" as a group, its count of events and their rate', () => {
    expect(mentions('Grundgesamtheit: 412, Zähler: 35, Ergebnis: 8,5 %', 'de')).toEqual(['total 412', 'share 35/-/8.5']);
    expect(mentions('Grundgesamtheit: 412, Beobachtete Ereignisse: 35, Ergebnis (%): 8,5', 'de')).not.toContain('share 35/-/8.5');
  });
});
