import { describe, expect, it } from 'vitest';
import { parseNumberWords } from '../../src/extract/number-words.js';

// Every number written out by the spelling rules of each language's grammar (an independent writer,
// kept here, against the reader under test): French with "et un", "quatre-vingts" and the plural
// "cents", Spanish with "veintiuno", "ciento", the feminine "doscientas", German as one word.

const FR_UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];
function frBelow100(n: number): string {
  if (n <= 16) return FR_UNITS[n]!;
  if (n < 20) return `dix-${FR_UNITS[n - 10]}`;
  if (n < 70) {
    const t = Math.floor(n / 10);
    const u = n % 10;
    return u === 0 ? FR_TENS[t]! : u === 1 ? `${FR_TENS[t]} et un` : `${FR_TENS[t]}-${FR_UNITS[u]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${frBelow100(n - 60)}`;
  return n === 80 ? 'quatre-vingts' : `quatre-vingt-${frBelow100(n - 80)}`;
}
function frBelow1000(n: number, last: boolean): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h === 0) return frBelow100(r);
  const head = h === 1 ? 'cent' : `${FR_UNITS[h]} cent${r === 0 && last ? 's' : ''}`;
  return r === 0 ? head : `${head} ${frBelow100(r)}`;
}
function french(n: number): string {
  const m = Math.floor(n / 1_000_000);
  const k = Math.floor((n % 1_000_000) / 1000);
  const r = n % 1000;
  const parts: string[] = [];
  if (m > 0) parts.push(`${frBelow1000(m, true)} million${m > 1 ? 's' : ''}`);
  if (k > 0) parts.push(k === 1 ? 'mille' : `${frBelow1000(k, false)} mille`);
  if (r > 0 || parts.length === 0) parts.push(frBelow1000(r, true));
  return parts.join(' ');
}

const ES_BELOW_30 = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve'];
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const ES_HUNDREDS = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos', 'novecientos'];
const esBelow100 = (n: number) => (n < 30 ? ES_BELOW_30[n]! : n % 10 === 0 ? ES_TENS[n / 10]! : `${ES_TENS[Math.floor(n / 10)]} y ${ES_BELOW_30[n % 10]}`);
function esBelow1000(n: number, feminine: boolean): string {
  if (n === 100) return 'cien';
  const h = Math.floor(n / 100);
  const r = n % 100;
  const head = feminine && h > 1 ? ES_HUNDREDS[h]!.replace(/os$/, 'as') : ES_HUNDREDS[h]!;
  const tail = r === 1 && feminine ? 'una' : esBelow100(r);
  return h === 0 ? tail : r === 0 ? head : `${head} ${tail}`;
}
function spanish(n: number, feminine = false): string {
  const m = Math.floor(n / 1_000_000);
  const k = Math.floor((n % 1_000_000) / 1000);
  const r = n % 1000;
  const parts: string[] = [];
  // before "mil" and "millones", "uno" is shortened: "veintiún mil", "treinta y un mil"
  const short = (w: string) => w.replace(/veintiuno$/, 'veintiún').replace(/uno$/, 'un');
  if (m > 0) parts.push(m === 1 ? 'un millón' : `${short(esBelow1000(m, false))} millones`);
  if (k > 0) parts.push(k === 1 ? 'mil' : `${short(esBelow1000(k, feminine))} mil`);
  if (r > 0 || parts.length === 0) parts.push(esBelow1000(r, feminine));
  return parts.join(' ');
}

const DE_UNITS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const DE_TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
function deBelow100(n: number, inside: boolean): string {
  if (n < 20) return n === 1 && inside ? 'ein' : DE_UNITS[n]!;
  const u = n % 10;
  return u === 0 ? DE_TENS[n / 10]! : `${u === 1 ? 'ein' : DE_UNITS[u]}und${DE_TENS[Math.floor(n / 10)]}`;
}
function deBelow1000(n: number, inside: boolean): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  return `${h > 0 ? `${h === 1 ? 'ein' : DE_UNITS[h]}hundert` : ''}${r > 0 ? deBelow100(r, inside && h === 0) : ''}`;
}
function german(n: number): string {
  const m = Math.floor(n / 1_000_000);
  const k = Math.floor((n % 1_000_000) / 1000);
  const r = n % 1000;
  const words: string[] = [];
  if (m > 0) words.push(m === 1 ? 'eine Million' : `${deBelow1000(m, false)} Millionen`);
  const rest = `${k > 0 ? `${deBelow1000(k, true)}tausend` : ''}${r > 0 ? deBelow1000(r, false) : ''}`;
  if (rest !== '') words.push(rest);
  return words.length === 0 ? 'null' : words.join(' ');
}

// every number below 2000, then a spread of larger ones up to 10^6 (a prime step visits every ending)
const numbers = [...Array.from({ length: 2000 }, (_, n) => n), ...Array.from({ length: 1000 }, (_, i) => 2000 + i * 997), 1_000_000];

describe('number words written out by each language', () => {
  it('reads French up to a million: "dix-sept", "soixante et onze", "quatre-vingts", "deux cents", "mille soixante"', () => {
    const wrong = numbers.filter((n) => parseNumberWords(french(n), 'fr') !== n).map((n) => `${french(n)} (${n})`);
    expect(wrong.slice(0, 10)).toEqual([]);
  });
  it('reads Spanish up to a million, masculine and feminine: "veintiuno", "ciento uno", "doscientas", "mil quinientas"', () => {
    const wrong = numbers.flatMap((n) => [spanish(n), spanish(n, true)].filter((w) => parseNumberWords(w, 'es') !== n).map((w) => `${w} (${n})`));
    expect(wrong.slice(0, 10)).toEqual([]);
  });
  it('reads German up to a million: "einundzwanzig", "einhunderteins", "zweitausendfünfhundert", "eine Million"', () => {
    const wrong = numbers.filter((n) => parseNumberWords(german(n), 'de') !== n).map((n) => `${german(n)} (${n})`);
    expect(wrong.slice(0, 10)).toEqual([]);
  });
  it('writes what the grammars print (the writer itself is right on known spellings)', () => {
    expect([french(17), french(71), french(80), french(200), french(1060), french(91)]).toEqual(['dix-sept', 'soixante et onze', 'quatre-vingts', 'deux cents', 'mille soixante', 'quatre-vingt-onze']);
    expect([spanish(21), spanish(101), spanish(200, true), spanish(1500), spanish(21_000)]).toEqual(['veintiuno', 'ciento uno', 'doscientas', 'mil quinientos', 'veintiún mil']);
    expect([german(21), german(101), german(2500), german(1_000_000)]).toEqual(['einundzwanzig', 'einhunderteins', 'zweitausendfünfhundert', 'eine Million']);
  });
});
