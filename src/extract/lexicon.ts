// The words of each language that tell what a number is, one table per language, so that a phrasing
// learnt in one language is written down for all four and a reader can see what each one knows.
// Every entry is a fragment of a regular expression (matched case-insensitively, with Unicode word
// boundaries); the readers join the four tables, as texts quote other languages and the language
// detected for a short passage can be wrong.

import type { ExtractLocale } from './types.js';

/** Cue words of one language. */
export interface LanguageCues {
  /**
   * Verbs of change, with the word that links them to the amount or the new level: after "stieg
   * um", "erhöhte sich (2006 leicht) auf", "a augmenté de", "cayó un", "rose to" a percent is a
   * change or a level reached, never a share of a counted group.
   */
  changeVerbs: readonly string[];
  changeLinks: readonly string[];
  /** The same verbs linked to a count, which is then the amount of the change ("ha bajado en 196"). */
  countChangeLinks: readonly string[];
  /** Words after a count that make it a difference: "280 menos que", "12 more than", "30 weniger als". */
  differenceAfter: readonly string[];
  /**
   * Words that put a clause about a subgroup named after them: "En ce qui concerne les femmes, 20 %",
   * "Hinsichtlich der Diabetiker", "En cuanto a los fumadores".
   */
  topicIntroducers: readonly string[];
  /**
   * Prepositions that front a phrase narrowing the group before a percent: "In children with X, 64%", "Chez les
   * femmes, 40 %", "Entre los hombres, el 40 %", "Bei den Frauen lag die Rate bei 40 %".
   */
  frontedNarrowing: readonly string[];
  /** Words after a noun of people that describe a smaller group: "mit", "avec", "con", "who", "âgés de". */
  subgroupQualifiers: readonly string[];
  /**
   * Nouns that name a group by what happened to it or what its members have ("der Verstorbenen",
   * "entre los fallecidos", "parmi les survivants", "of responders"): a smaller group than the cohort.
   */
  subgroupNouns: readonly string[];
  /** Words between a count and its percent that restate the count as a share: "150 patients, soit 75 %". */
  restatements: readonly string[];
  /** Words between a count and a total that make them a ratio whatever noun follows: "22 von 180 Merkmalen". */
  ratioLinks: readonly string[];
  /**
   * Nouns of counted groups the general list lacks: procedures, donors, answers. Institutions are
   * left out on purpose: in "3 287 199 Patienten aus 1 392 Krankenhäusern" the hospitals are where
   * the patients were counted, not a group the percents are of.
   */
  countNouns: readonly string[];
  /**
   * Heads of compound nouns that name counted people or events, for the languages that write
   * compounds as one word: "Krankenhaus|entbindungen", "Brustkrebs|patientinnen",
   * "Studien|teilnehmern". A compound is counted when one of these ends it.
   */
  compoundHeads: readonly string[];
  /** A rate at a time point ("taux de récidive à 5 ans"): an estimate of time to an event, not a share. */
  timePoint: string;
  /** Names of ratio statistics: the number after them is no count or share. */
  ratioStatistics: readonly string[];
  /** Words before a number that make it an average ("im Mittel", "en moyenne"). */
  averages: readonly string[];
  /** Bounds before a percent ("más del 84 %"): a threshold, not a share. */
  bounds: readonly string[];
  /** Names of thresholds before a percent ("seuil de significativité de 5 %", "Grenzwert"): no share. */
  thresholds: readonly string[];
  /** Measures of diagnostic accuracy: shares of a subgroup (the diseased, the test-positive), not of the cohort. */
  accuracyMeasures: readonly string[];
  /**
   * Words that make a percent a figure of another population or year, given to compare with
   * ("Bundesdurchschnitt 29,6 %", "frente al 10 % del año anterior", "moyenne nationale").
   */
  benchmarksBefore: readonly string[];
  benchmarksAfter: readonly string[];
}

const EN: LanguageCues = {
  changeVerbs: ['increased', 'decreased', 'rose', 'risen', 'fell', 'fallen', 'dropped', 'declined', 'grew', 'climbed', 'jumped', 'went\\s+(?:up|down)', 'was\\s+reduced', 'were\\s+reduced', 'improved', 'worsened', 'rising', 'rises', 'falling', 'falls', 'increasing', 'increases', 'decreasing', 'decreases', 'declining', 'declines', 'dropping', 'growing', 'climbing'],
  changeLinks: ['by', 'to', 'from', 'reaching'],
  countChangeLinks: ['by'],
  differenceAfter: ['more\\s+than', 'fewer', 'less\\s+than'],
  topicIntroducers: ['regarding', 'as\\s+for', 'as\\s+regards', 'with\\s+regard\\s+to', 'with\\s+respect\\s+to', 'concerning'],
  frontedNarrowing: ['in', 'among', 'amongst', 'of', 'for', 'within'],
  subgroupNouns: ['deceased', 'decedents', 'survivors', 'responders', 'non-responders', 'nonresponders', 'smokers', 'non-smokers', 'nonsmokers', 'diabetics', 'completers', 'non-completers', 'dropouts'],
  subgroupQualifiers: ['with', 'without', 'who', 'whose', 'aged', 'older\\s+than', 'younger\\s+than', 'over', 'under', 'treated', 'receiving', 'undergoing', 'having'],
  restatements: ['i\\.\\s?e\\.', 'that\\s+is', 'representing', 'or'],
  ratioLinks: ['out\\s+of'],
  countNouns: ['transplants', 'transplantations', 'donors', 'consultations', 'visits', 'questionnaires', 'responses'],
  compoundHeads: [],
  timePoint: String.raw`\b(?:at|after)\s+\d+\s*(?:years?|months?)\b|\b\d+-(?:year|month)\b`,
  ratioStatistics: ['relative\\s+risk', 'relative\\s+risk\\s+reduction', 'absolute\\s+risk\\s+reduction', 'risk\\s+difference', 'number\\s+needed\\s+to\\s+treat', 'NNT', 'NNH', 'RRR', 'ARR'],
  averages: ['on\\s+average', 'averaged'],
  bounds: ['above', 'below', 'exceeding', 'in\\s+excess\\s+of'],
  thresholds: ['threshold', 'cut-?off', 'significance\\s+level', 'alpha\\s+level', 'level\\s+of\\s+significance'],
  benchmarksBefore: ['national\\s+average', 'nationwide', 'nationally', 'national\\s+rate', 'national\\s+figure', 'benchmark', 'reference\\s+value', 'the\\s+previous\\s+year', 'last\\s+year', 'World\\s+Health\\s+Organi[sz]ation', 'recommended\\s+by\\s+the\\s+WHO', 'up\\s+from', 'down\\s+from', 'in\\s+the\\s+literature', 'in\\s+the\\s+general\\s+population', '(?:previous|earlier|other|published|prior)\\s+(?:studies|trials|series|reports|publications)'],
  benchmarksAfter: ['nationally', 'nationwide', 'in\\s+the\\s+previous\\s+year', 'the\\s+year\\s+before', 'last\\s+year', 'in\\s+(?:19|20)\\d\\d', 'in\\s+the\\s+literature', '(?:in|of)\\s+(?:previous|earlier|other|published|prior)\\s+(?:studies|trials|series|reports|publications)'],
  accuracyMeasures: ['sensitivity', 'specificity', 'positive\\s+predictive\\s+value', 'negative\\s+predictive\\s+value', 'predictive\\s+value', 'PPV', 'NPV', 'accuracy'],
};

const DE: LanguageCues = {
  changeVerbs: ['stieg', 'steigt', 'gestiegen', 'angestiegen', 'erhöhte\\s+sich', 'erhöht\\s+sich', 'erhöhte', 'sank', 'sinkt', 'gesunken', 'fiel', 'fällt', 'gefallen', 'nahm\\s+(?:zu|ab)', 'verringerte\\s+sich', 'verringert\\s+sich', 'reduzierte\\s+sich', 'ging\\s+zurück', 'zurückgegangen', 'verbesserte\\s+sich', 'verschlechterte\\s+sich', 'kletterte', 'wuchs', 'legte', 'stiegen', 'sanken'],
  changeLinks: ['um', 'auf', 'von', 'und\\s+erreichte'],
  countChangeLinks: ['um'],
  differenceAfter: ['mehr\\s+als', 'weniger\\s+als'],
  topicIntroducers: ['hinsichtlich', 'bezüglich', 'in\\s+bezug\\s+auf', 'was', 'betreffend', 'im\\s+hinblick\\s+auf'],
  frontedNarrowing: ['bei', 'unter'],
  subgroupNouns: ['Verstorbenen', 'Verstorbene', 'Überlebenden', 'Überlebende', 'Operierten', 'Erkrankten', 'Betroffenen', 'Raucher', 'Rauchern', 'Nichtraucher', 'Nichtrauchern', 'Diabetiker', 'Diabetikern', 'Responder', 'Respondern', 'Non-Respondern'],
  subgroupQualifiers: ['mit', 'ohne', 'die', 'welche', 'über', 'unter', 'ab', 'im\\s+alter', 'nach'],
  restatements: ['das\\s+sind', '(?<=\\p{L}\\s{1,3})bzw\\.', 'das\\s+entspricht', 'entsprechend', 'd\\.\\s?h\\.', 'also', 'oder'],
  ratioLinks: ['von', 'von\\s+den', 'von\\s+insgesamt', 'der', 'aus'],
  countNouns: ['Transplantationen', 'Spender', 'Befragte', 'Neugeborene', 'Neugeborenen', 'Schwangere', 'Schwangeren', 'Geburten', 'Fragebögen', 'Entbindungen', 'Erkrankungen', 'Gelenke', 'Gelenken'],
  compoundHeads: ['patient(?:inn)?en', 'kinder', 'kindern', 'fälle', 'fällen', 'personen', 'frauen', 'männer', 'männern', 'teilnehmer(?:innen|n)?', 'probanden', 'säuglinge', 'säuglingen', 'eingriffe', 'eingriffen', 'operationen', 'behandlungen', 'geburten', 'entbindungen', 'transplantationen', 'spender', 'spendern', 'befragten', 'erkrankungen', 'neugeborenen?', 'gelenke', 'gelenken'],
  timePoint: String.raw`\b(?:nach|über)\s+\d+\s*(?:Jahren|Monaten)\b|\b\d+-(?:Jahres|Monats)-?`,
  ratioStatistics: ['relatives\\s+Risiko', 'relative\\s+Risikoreduktion', 'absolute\\s+Risikoreduktion', 'Chancenverhältnis', 'Quotenverhältnis', 'Risikoverhältnis'],
  averages: ['im\\s+Mittel', 'im\\s+Schnitt', 'im\\s+Durchschnitt', 'gemittelt'],
  bounds: ['oberhalb\\s+von', 'unterhalb\\s+von'],
  thresholds: ['Schwellenwert', 'Schwelle', 'Grenzwert', 'Cut-?off', 'Signifikanzniveau'],
  benchmarksBefore: ['Bundesdurchschnitt(?:s)?', 'Bundesschnitt(?:s)?', 'Landesdurchschnitt(?:s)?', 'bundesweit', 'bundesweiten', 'Durchschnitt\\s+aller\\s+Kliniken', 'Referenzwert', 'Vergleichswert', 'Vorjahr(?:es)?', 'Vorjahreswert', 'der\\s+WHO'],
  benchmarksAfter: ['bundesweit', 'im\\s+Bundesdurchschnitt', 'im\\s+Vorjahr', 'des\\s+Vorjahres', 'landesweit', 'im\\s+Jahr\\s+(?:19|20)\\d\\d', 'in\\s+(?:19|20)\\d\\d'],
  accuracyMeasures: ['Sensitivität', 'Sensitivitäten', 'Spezifität', 'Spezifitäten', 'positiver\\s+Vorhersagewert', 'negativer\\s+Vorhersagewert', 'Vorhersagewert', 'Treffsicherheit', 'Genauigkeit'],
};

const FR: LanguageCues = {
  changeVerbs: ['a\\s+augmenté', 'augmente', 'augmenté', 'a\\s+diminué', 'diminue', 'diminué', 'a\\s+baissé', 'a\\s+progressé', 'progresse', 'a\\s+chuté', 'chute', 'a\\s+reculé', 'recule', 'est\\s+passée?', 'sont\\s+passés', 'passant', "s['’]est\\s+accrue?", 'a\\s+crû', 'a\\s+grimpé', 'a\\s+régressé'],
  changeLinks: ['de', 'à', 'pour\\s+atteindre', 'atteignant'],
  countChangeLinks: ['de'],
  differenceAfter: ['de\\s+plus\\s+que', 'de\\s+moins\\s+que'],
  topicIntroducers: ['en\\s+ce\\s+qui\\s+concerne', 'concernant', "s['’]agissant\\s+des?", 'quant\\s+aux?', 'pour\\s+ce\\s+qui\\s+est\\s+des?', 'au\\s+sein\\s+des?'],
  frontedNarrowing: ['chez', 'parmi', 'pour', 'dans', 'sur'],
  subgroupNouns: ['décédés', 'décédées', 'survivants', 'survivantes', 'fumeurs', 'fumeuses', 'non-fumeurs', 'diabétiques', 'répondeurs', 'non-répondeurs'],
  subgroupQualifiers: ['avec', 'sans', 'qui', 'ayant', 'présentant', 'souffrant', 'atteints?', 'atteintes?', 'âgés', 'âgées', 'de\\s+plus\\s+de', 'de\\s+moins\\s+de', 'traités', 'traitées', 'opérés', 'opérées', 'hospitalisés', 'hospitalisées', 'suivis', 'suivies', 'non'],
  restatements: ['soit', "c['’]est-à-dire", 'représentant', 'correspondant\\s+à', 'ou'],
  ratioLinks: ['sur', 'sur\\s+les', 'des'],
  countNouns: ['greffes', 'transplantations', 'donneurs', 'réponses', 'questionnaires', 'consultations', 'séjours', 'naissances', 'accouchements', 'ponctions', 'tentatives', 'fiches', 'patientes'],
  compoundHeads: [],
  timePoint: String.raw`\b(?:à|après)\s+\d+\s*(?:ans|mois)\b`,
  ratioStatistics: ['risque\\s+relatif', 'réduction\\s+(?:relative|absolue)\\s+du\\s+risque', 'rapport\\s+de\\s+cotes', 'rapport\\s+des\\s+cotes', 'rapport\\s+de\\s+risque', 'rapport\\s+des\\s+risques'],
  averages: ['en\\s+moyenne'],
  bounds: ['supérieure?s?\\s+à', 'inférieure?s?\\s+à', 'au-delà\\s+de', 'au-dessus\\s+de', 'en\\s+dessous\\s+de'],
  thresholds: ['seuil(?:\\s+de\\s+significativité)?', 'valeur\\s+seuil', 'niveau\\s+de\\s+signification', 'risque\\s+alpha'],
  benchmarksBefore: ['moyenne\\s+nationale', 'au\\s+niveau\\s+national', 'l[\'’]année\\s+précédente', 'OMS'],
  benchmarksAfter: ['au\\s+niveau\\s+national', 'en\\s+France', 'l[\'’]année\\s+précédente', 'en\\s+(?:19|20)\\d\\d'],
  accuracyMeasures: ['sensibilité', 'spécificité', 'valeur\\s+prédictive\\s+(?:positive|négative)', 'valeur\\s+prédictive', 'VPP', 'VPN', 'exactitude'],
};

const ES: LanguageCues = {
  changeVerbs: ['aumentó', 'aumenta', 'ha\\s+aumentado', 'aumentaron', 'disminuyó', 'disminuye', 'ha\\s+disminuido', 'disminuyeron', 'cayó', 'cae', 'ha\\s+caído', 'cayeron', 'creció', 'crece', 'ha\\s+crecido', 'crecieron', 'subió', 'sube', 'ha\\s+subido', 'bajó', 'ha\\s+bajado', 'se\\s+redujo', 'se\\s+reduce', 'se\\s+ha\\s+reducido', 'se\\s+redujeron', 'descendió', 'desciende', 'ha\\s+descendido', 'se\\s+incrementó', 'incrementó', 'se\\s+elevó', 'pasó', 'ha\\s+pasado', 'mejoró', 'empeoró'],
  // "disminuyó en el 45% de los pacientes" is a share: "en" alone is no link
  changeLinks: ['un', 'en\\s+un', 'hasta\\s+el', 'hasta\\s+un', 'a\\s+un', 'al', 'del', 'de\\s+un', 'casi\\s+un', 'alcanzando\\s+(?:el|un)', 'hasta\\s+alcanzar\\s+(?:el|un)'],
  countChangeLinks: ['en'],
  differenceAfter: ['más\\s+que', 'menos\\s+que'],
  topicIntroducers: ['en\\s+cuanto\\s+a(?:\\s+l[oa]s|l)?', 'respecto\\s+a(?:l|\\s+l[oa]s)?', 'con\\s+respecto\\s+a(?:l|\\s+l[oa]s)?', 'en\\s+relación\\s+(?:a|con)(?:l|\\s+l[oa]s)?', 'en\\s+lo\\s+que\\s+respecta\\s+a(?:l|\\s+l[oa]s)?'],
  frontedNarrowing: ['entre', 'para', 'de'],
  subgroupNouns: ['fallecidos', 'fallecidas', 'supervivientes', 'sobrevivientes', 'fumadores', 'fumadoras', 'no\\s+fumadores', 'diabéticos', 'diabéticas', 'hipertensos', 'hipertensas', 'respondedores', 'no\\s+respondedores'],
  subgroupQualifiers: ['con', 'sin', 'que', 'mayores\\s+de', 'menores\\s+de', 'de\\s+más\\s+de', 'tratados', 'tratadas', 'operados', 'operadas', 'intervenidos', 'intervenidas', 'hospitalizados', 'hospitalizadas', 'no'],
  restatements: ['lo\\s+que\\s+(?:representa|supone|equivale\\s+al?)', 'es\\s+decir', 'o\\s+sea', 'que\\s+representan?', 'equivalente\\s+al?', 'para\\s+un', 'para\\s+el'],
  ratioLinks: ['de\\s+l[oa]s'],
  countNouns: ['trasplantes', 'donantes', 'consultas', 'ingresos', 'egresos', 'nacimientos', 'partos', 'encuestados', 'encuestadas', 'historias', 'expedientes', 'enfermos', 'enfermas', 'gestantes', 'embarazadas', 'neonatos', 'recién\\s+nacidos'],
  compoundHeads: [],
  timePoint: String.raw`\b(?:a\s+l[oa]s|tras|después\s+de)\s+\d+\s*(?:años|meses)\b`,
  ratioStatistics: ['razón\\s+de\\s+momios', 'reducción\\s+(?:relativa|absoluta)\\s+del\\s+riesgo', 'razón\\s+de\\s+probabilidades', 'razón\\s+de\\s+riesgos?', 'riesgo\\s+relativo', 'cociente\\s+de\\s+riesgos?', 'odds\\s+ratio'],
  averages: ['en\\s+promedio', 'de\\s+media', 'como\\s+media', 'por\\s+término\\s+medio'],
  bounds: ['más\\s+del', 'menos\\s+del', 'por\\s+encima\\s+del', 'por\\s+debajo\\s+del', 'superior\\s+al', 'inferior\\s+al', 'mayor\\s+del', 'mayor\\s+al'],
  thresholds: ['umbral', 'punto\\s+de\\s+corte', 'nivel\\s+de\\s+significación', 'nivel\\s+de\\s+significancia', 'significación\\s+estadística'],
  benchmarksBefore: ['media\\s+nacional', 'promedio\\s+nacional', 'a\\s+nivel\\s+nacional', 'recomendad[oa]\\s+por\\s+la\\s+OMS', 'año\\s+anterior', 'OMS'],
  benchmarksAfter: ['del\\s+año\\s+anterior', 'a\\s+nivel\\s+nacional', 'en\\s+(?:19|20)\\d\\d'],
  accuracyMeasures: ['sensibilidad', 'especificidad', 'valor\\s+predictivo\\s+(?:positivo|negativo)', 'valor\\s+predictivo', 'VPP', 'VPN', 'exactitud'],
};

/** The cue words of every language the readers know. */
export const LEXICON: Readonly<Record<ExtractLocale, LanguageCues>> = { en: EN, de: DE, fr: FR, es: ES };

/** One alternation of a field over the four languages, longest entries first. */
export function anyLanguage(field: { [K in keyof LanguageCues]: LanguageCues[K] extends readonly string[] ? K : never }[keyof LanguageCues]): string {
  const all = new Set<string>();
  for (const cues of Object.values(LEXICON)) for (const entry of cues[field]) all.add(entry);
  return `(?:${[...all].sort((a, b) => b.length - a.length).join('|')})`;
}

/** The time-point expressions of the four languages as one alternation. */
export const anyTimePoint = (): string => `(?:${Object.values(LEXICON).map((c) => c.timePoint).join('|')})`;
