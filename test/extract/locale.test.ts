import { describe, expect, it } from 'vitest';
import { detectLocale, resolveLocale } from '../../src/extract/locale.js';

describe('detectLocale', () => {
  it('tells decimal commas and the language from the text', () => {
    expect(detectLocale('Von den 569 Patienten hatten 86 (84,3 %) eine Verbesserung, bei 4.278 Patienten insgesamt.')).toEqual({ language: 'de', decimalComma: true });
    expect(detectLocale('De los 250 pacientes, 112 (44,8 %) presentaron una respuesta completa.')).toEqual({ language: 'es', decimalComma: true });
    expect(detectLocale('Sur 1 200 enfants, dont 45 (12,5 %) avec une forme dyskinétique.')).toEqual({ language: 'fr', decimalComma: true });
    expect(detectLocale('Of 212 children enrolled, 164 (77.4%) had spastic cerebral palsy.')).toEqual({ language: 'en', decimalComma: false });
  });

  it('does not take an interval in brackets for a decimal comma, nor override a thousands comma that counts a group', () => {
    const text = 'The median stay was 12 days (5,25) among N = 1,040 patients treated since 2010.';
    expect(detectLocale(text).decimalComma).toBe(false);
    expect(detectLocale('Follow-up was 3 years (2,5) for the 1,561,012 operations.').decimalComma).toBe(false);
    // a decimal comma where a percent is printed is still evidence enough
    expect(detectLocale('Of 1,040 patients, 86 (8,3 %) and 120 (11,5 %) improved; 14 (1,3 %) did not.').decimalComma).toBe(true);
  });

  it('follows the decimals, not the language, when they disagree', () => {
    expect(detectLocale('Se encontró 88 niños (51.8%) con sobrepeso y 36 niños (21.2%) con obesidad.').decimalComma).toBe(false);
  });
});

describe('resolveLocale', () => {
  it("reads 'en' with a decimal point and the other locales with a decimal comma unless told otherwise", () => {
    expect(resolveLocale(undefined, undefined, '')).toEqual({ language: 'en', decimalComma: false });
    expect(resolveLocale('fr', undefined, '')).toEqual({ language: 'fr', decimalComma: true });
    expect(resolveLocale('de', false, '')).toEqual({ language: 'de', decimalComma: false });
  });
});

describe('detectLocale: weak evidence', () => {
  it('does not take an English interquartile range "(5,25)" for a decimal comma', () => {
    expect(detectLocale('Of 212 children (median age 9 years, IQR (5,25)), 164 had spastic CP and 1,204 visits were recorded; 45% improved.').decimalComma).toBe(false);
    // an English text that prints its percents with a comma is read with a decimal comma
    expect(detectLocale('Of the 212 children, 164 (77,4 %) had spastic cerebral palsy and 48 (22,6 %) had other types.').decimalComma).toBe(true);
  });

  it('counts percent words of every language as evidence for a decimal point ("0.52 por ciento")', () => {
    expect(detectLocale('el total fue de 104134; un 0.52 por ciento más, 1.25 por ciento menos y 2,002 mujeres').decimalComma).toBe(false);
  });
});

describe('detectLocale on short German passages', () => {
  it('tells German from the words German prose uses most ("im", "davon", "Männer") when the text has no decimal comma', () => {
    expect(detectLocale('Insgesamt erkrankten im Jahr 2018 in Sachsen 2.345 Menschen an Darmkrebs, davon 1.290 Männer und 1.055 Frauen.')).toEqual({ language: 'de', decimalComma: true });
    expect(detectLocale('In 2018, 2.345 mg was given in the morning to the patients.')).toEqual({ language: 'en', decimalComma: false });
  });
});
