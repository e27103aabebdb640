import { describe, expect, it } from 'vitest';
import { detectLocale, resolveLocale } from '../../src/extract/locale.js';

describe('detectLocale', () => {
  it('tells decimal commas and the language from the text', () => {
    expect(detectLocale('Von den 569 Patienten hatten 86 (84,3 %) eine Verbesserung, bei 4.278 Patienten insgesamt.')).toEqual({ language: 'de', decimalComma: true });
    expect(detectLocale('De los 250 pacientes, 112 (44,8 %) presentaron una respuesta completa.')).toEqual({ language: 'es', decimalComma: true });
    expect(detectLocale('Sur 1 200 enfants, dont 45 (12,5 %) avec une forme dyskinétique.')).toEqual({ language: 'fr', decimalComma: true });
    expect(detectLocale('Of 212 children enrolled, 164 (77.4%) had spastic cerebral palsy.')).toEqual({ language: 'en', decimalComma: false });
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
