import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';

const claims = (text: string, locale: 'de' | 'en' | 'es' = 'de') => extractClaims(text, { locale }).claims.map((c) => [c.denominator, c.percent, c.denominatorSource]);

describe('shares printed before their total', () => {
  it('ties a share "of" a noun to the only later total of the paragraph that counts that noun, as assumed', () => {
    const text = '60 Prozent der Befragten schätzen die Behandlungsqualität als gut ein. 87 Prozent glauben, dass Kliniken Defizite haben. Die Umfrage wurde im April 2023 erhoben (1.003 Befragte).';
    expect(claims(text)).toEqual([[1003, '60', 'assumed']]);
    expect(extractClaims(text, { locale: 'de' }).claims[0]?.denominatorNote).toMatch(/stated after the share/);
  });

  it('leaves it unresolved when the later total counts another noun, or when two later totals count it', () => {
    expect(claims('60 Prozent der Patienten verteilen Höchstnoten. An der Erhebung nahmen 38000 Personen teil.')).toEqual([]);
    expect(claims('El 40 % de los pacientes mejoró. Se incluyeron 120 pacientes en 2019 y 80 pacientes en 2020.', 'es')).toEqual([]);
  });

  it('does not take a later total the percent is not possible for', () => {
    expect(claims('12,5 Prozent der Befragten waren unzufrieden. Die Umfrage erreichte 7 Befragte.')).toEqual([]);
    expect(claims('12,5 Prozent der Befragten waren unzufrieden. Die Umfrage erreichte 8 Befragte.')).toEqual([[8, '12.5', 'assumed']]);
  });
});
