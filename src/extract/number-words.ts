// Cardinal number words in English, German, French and Spanish, up to the millions: "Eleven",
// "two hundred and twenty-two", "einundzwanzig", "Deux cent soixante sept", "quatre-vingt-dix",
// "treinta y uno". No package covers the four languages in both directions we need (reading
// words inside running text, with their exact span), and the grammar of each is small, so it
// lives here, tested against written-out values.

/** Languages whose number words are read. */
export type NumberWordLanguage = 'en' | 'de' | 'fr' | 'es';

interface Lexicon {
  units: Record<string, number>;
  /** Words that multiply what came before (hundred) or close a group (thousand, million). */
  scales: Record<string, number>;
  /** Joining words inside a number ("and", "y", "et", "und"). */
  joins: Set<string>;
}

const EN: Lexicon = {
  units: {
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
    thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
    forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  },
  scales: { hundred: 100, thousand: 1000, million: 1_000_000, millions: 1_000_000 },
  joins: new Set(['and']),
};

const FR: Lexicon = {
  units: {
    zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
    treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
    septante: 70, huitante: 80, octante: 80, nonante: 90,
  },
  scales: { cent: 100, cents: 100, mille: 1000, million: 1_000_000, millions: 1_000_000 },
  joins: new Set(['et']),
};

const ES: Lexicon = {
  units: {
    cero: 0, uno: 1, una: 1, un: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11,
    doce: 12, trece: 13, catorce: 14, quince: 15, dieciséis: 16, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19,
    veinte: 20, veintiuno: 21, veintiuna: 21, veintiún: 21, veintidós: 22, veintidos: 22, veintitrés: 23, veintitres: 23,
    veinticuatro: 24, veinticinco: 25, veintiséis: 26, veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29,
    treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
    cien: 100, ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300, cuatrocientos: 400,
    cuatrocientas: 400, quinientos: 500, quinientas: 500, seiscientos: 600, seiscientas: 600, setecientos: 700, setecientas: 700,
    ochocientos: 800, ochocientas: 800, novecientos: 900, novecientas: 900,
  },
  scales: { mil: 1000, millón: 1_000_000, millon: 1_000_000, millones: 1_000_000 },
  joins: new Set(['y']),
};

const DE_UNITS: Record<string, number> = {
  null: 0, eins: 1, ein: 1, eine: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
  zwanzig: 20, dreißig: 30, dreissig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};

/** A German number below 100 written as one word: "vierunddreißig", "einundzwanzig", "zwölf". */
// a word of the text is looked up in the table itself, never in Object.prototype ("constructor", "toString")
const own = (table: Record<string, number>, word: string): number | undefined => (Object.prototype.hasOwnProperty.call(table, word) ? table[word] : undefined);

function germanBelowHundred(word: string): number | undefined {
  if (word === '') return 0;
  const direct = own(DE_UNITS, word);
  if (direct !== undefined) return direct;
  const und = word.indexOf('und');
  if (und > 0) {
    const unit = own(DE_UNITS, word.slice(0, und));
    const ten = own(DE_UNITS, word.slice(und + 3));
    if (unit !== undefined && unit < 10 && ten !== undefined && ten >= 20 && ten % 10 === 0) return ten + unit;
  }
  return undefined;
}

/** A German number written as one word, up to 999 999: "zweihundertvierunddreißig", "tausendzweihundert". */
function germanWord(word: string): number | undefined {
  const w = word.toLowerCase();
  const thousand = w.indexOf('tausend');
  if (thousand >= 0) {
    const high = thousand === 0 ? 1 : germanBelowThousand(w.slice(0, thousand));
    const low = germanBelowThousand(w.slice(thousand + 7));
    return high === undefined || low === undefined || high === 0 ? undefined : high * 1000 + low;
  }
  return germanBelowThousand(w);
}

function germanBelowThousand(w: string): number | undefined {
  const hundred = w.indexOf('hundert');
  if (hundred < 0) return germanBelowHundred(w);
  const head = w.slice(0, hundred);
  const high = head === '' ? 1 : germanBelowHundred(head);
  const low = germanBelowHundred(w.slice(hundred + 7));
  return high === undefined || low === undefined || high === 0 || high > 9 ? undefined : high * 100 + low;
}

const LEXICONS: Record<Exclude<NumberWordLanguage, 'de'>, Lexicon> = { en: EN, fr: FR, es: ES };

/**
 * The value of a sequence of number words, or undefined when the words are not a well-formed
 * number ("one hundred and two" is 102, "two three" is not a number). French "quatre-vingt(s)"
 * is 80, "soixante-dix" 70; hyphens and spaces are both word breaks.
 */
function composeWords(words: readonly string[], lexicon: Lexicon, french: boolean): number | undefined {
  let total = 0;
  let group = 0;
  let seenAny = false;
  let last: 'unit' | 'hundred' | 'join' | 'scale' | undefined;
  let lastUnit = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (lexicon.joins.has(word)) {
      if (!seenAny || last === 'join') return undefined;
      last = 'join';
      continue;
    }
    const unit = own(lexicon.units, word);
    if (unit !== undefined) {
      if (french && word.startsWith('vingt') && last === 'unit' && lastUnit === 4) {
        group += 80 - 4; // quatre-vingt(s)
        lastUnit = 80;
        last = 'unit';
        seenAny = true;
        continue;
      }
      let value = unit;
      if (last === 'unit') {
        // "twenty-two", "soixante-dix-sept" (60 + 10 + 7), "doscientos cincuenta": a smaller unit may follow a tens or hundreds word
        const tensBefore = lastUnit >= 20 && lastUnit % 10 === 0 && lastUnit < 100 && unit < 10;
        const hundredsBefore = lastUnit >= 100 && lastUnit % 100 === 0 && unit < 100;
        const frenchTeen = french && (lastUnit === 60 || lastUnit === 80) && unit >= 10 && unit < 20;
        // "dix-sept", "dix-huit", "dix-neuf": French has no single word for 17 to 19
        const frenchSeventeen = french && lastUnit === 10 && unit >= 7 && unit <= 9;
        if (!(tensBefore || hundredsBefore || frenchTeen || frenchSeventeen)) return undefined;
        if (frenchTeen) value = unit;
        if (frenchTeen && unit === 10) {
          group += unit;
          lastUnit += 10; // soixante-dix = 70 and quatre-vingt-dix = 90 behave as tens
          last = 'unit';
          seenAny = true;
          continue;
        }
      }
      group += value;
      lastUnit = unit;
      last = 'unit';
      seenAny = true;
      continue;
    }
    const scale = own(lexicon.scales, word);
    if (scale === undefined) return undefined;
    if (scale === 100) {
      group = (group === 0 ? 1 : group) * 100;
      last = 'hundred';
    } else {
      total += (group === 0 ? 1 : group) * scale;
      group = 0;
      last = 'scale';
    }
    lastUnit = 0;
    seenAny = true;
  }
  if (!seenAny || last === 'join') return undefined;
  return total + group;
}

/** Split a phrase into number words, normalising case and hyphens ("Cinquante- deux" → ["cinquante", "deux"]). */
const splitWords = (phrase: string): string[] =>
  phrase
    .toLowerCase()
    .split(/[\s\u00a0\-‐‑–]+/)
    .filter((w) => w !== '');

/**
 * The value of a number written in words, or undefined.
 *
 * @example
 * parseNumberWords('Two hundred and twenty-two', 'en'); // 222
 * parseNumberWords('einundzwanzig', 'de');             // 21
 * parseNumberWords('Deux cent soixante sept', 'fr');   // 267
 * parseNumberWords('treinta y uno', 'es');             // 31
 */
export function parseNumberWords(phrase: string, language: NumberWordLanguage): number | undefined {
  const words = splitWords(phrase);
  if (words.length === 0) return undefined;
  if (language === 'de') {
    if (words.length === 1) return germanWord(words[0]!);
    // "zwei Millionen", "drei tausend"
    let total = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w === 'million' || w === 'millionen') return undefined;
      const next = words[i + 1];
      const value = germanWord(w);
      if (value === undefined) return undefined;
      if (next === 'millionen' || next === 'million') {
        total += value * 1_000_000;
        i++;
      } else total += value;
    }
    return total;
  }
  return composeWords(words, LEXICONS[language], language === 'fr');
}

/** Is `word` (lower case) a number word of `language` that may start or continue a number? */
export function isNumberWord(word: string, language: NumberWordLanguage): boolean {
  if (language === 'de') return germanWord(word) !== undefined || word === 'million' || word === 'millionen';
  const lexicon = LEXICONS[language];
  return own(lexicon.units, word) !== undefined || own(lexicon.scales, word) !== undefined || lexicon.joins.has(word);
}
