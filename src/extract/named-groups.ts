import { lazyWords } from './word-boundary.js';

// Groups the text names ("group A (n = 44)", "un grupo control (n=100)", "le groupe B 124 patients",
// "al grupo A pertenecían 44 pacientes ... y al B, 33"), so that a share of a named group
// ("9,1 % (grupo B)", "30% de los pacientes del grupo control", "20,5 % y 23,3 % en los grupos A y
// B") is tied to that group's size and never to the cohort's. Each look is a short window beside
// one number, so the cost per number is constant.

const GROUP_WORD = String.raw`(?:groups?|grupos?|Gruppen?|groupes?|arms?|Armen?|brazos?|bras|cohorts?|cohortes?|Kohorten?)`;
// a group's name: a letter, a roman or small number, or one word ("control", "estudio", "intervention")
const NAME = String.raw`(?:[A-Z](?![\p{L}])|[IVX]{1,4}(?![\p{L}])|\d{1,2}(?![\d\p{L}])|\p{L}{3,20})`;
const SHORT_NAME = String.raw`(?:[A-Z]|[IVX]{1,4}|\d{1,2})(?![\p{L}\d])`;
/** Words that are not names: articles, prepositions, verbs that follow "group", and words for the whole ("the whole cohort"). */
const NOT_A_NAME = new Set(
  'the this that each both all any one two with were was had has have who which whose and for from into than are los las del des der die das den dem und con por para que avec pour mit von une uns sur par ses leur cada dos tres treated patients pacientes patienten children enfants niños whole entire total overall study same full gesamte gesamten ganzen entière totale'.split(' '),
);

const DECLARED_BEFORE = lazyWords(() => new RegExp(String.raw`(?:${GROUP_WORD}\s+(${NAME})|(${NAME})\s+${GROUP_WORD})\s*(?:\(\s*[nN]\s*[=:]\s*|[:=]\s*|(?:[\p{L}]+\s+){0,2})$`, 'u'));
// "y al B, 33", "and B, 33": the next group of a list that named the first
const SIBLING_BEFORE = lazyWords(() => /(?:^|[\s,;])(?:y|and|et|und|e)\s+(?:al|el|the|le|la|der|die|im|in)?\s*([A-Z]|[IVX]{1,4})\s*[,:]?\s*$/u);
// "44 patients in group A", "30 patients (group B)"
const DECLARED_AFTER = lazyWords(() => new RegExp(String.raw`^\s*(?:[\p{L}-]+\s+){0,2}?(?:(?:were\s+)?(?:in|en|im|dans|al|to|into)\s+|\(\s*)(?:the\s+|el\s+|le\s+|la\s+|der\s+|die\s+)?${GROUP_WORD}\s+(${NAME})`, 'u'));
// a share of a named group: "(grupo A)", "in the surgical group", "de los pacientes del grupo estudio", "en los grupos A y B"
const USED_AFTER = lazyWords(() => new RegExp(
  String.raw`^((?:\s*,?\s*(?:and|or|y|o|und|oder|et|ou|vs\.?|versus)?\s*\d[\d.,]*\s*%)*)\s*\)?\s*\(?\s*(?:(?:of|de|del|des|du|in|en|im|dans|for|para|bei|among|entre|within)\s+)?(?:(?:the|el|los|las|la|le|les|der|den|dem|patients?|pacientes|Patienten|children|niños|enfants|de|del|du|of|in|en)\s+){0,4}(?:${GROUP_WORD}\s+(${NAME}(?:\s*(?:,|\by\b|\band\b|\bund\b|\bet\b|\be\b)\s*${SHORT_NAME})*)|(${NAME})\s+${GROUP_WORD})`,
  'u',
));

const isName = (name: string | undefined): name is string => name !== undefined && !NOT_A_NAME.has(name.toLowerCase());

// "In the control group 30% had ...", "im Arm B: 12 %": the group named just before a percent
const USED_BEFORE = lazyWords(() => new RegExp(String.raw`(?:in|en|im|dans|for|para|bei|among|entre|within|of|de|del|du)\s+(?:the\s+|el\s+|la\s+|le\s+|der\s+|dem\s+|den\s+)?(?:${GROUP_WORD}\s+(${NAME})|(${NAME})\s+${GROUP_WORD})\s*[,:]?\s*(?:(?:the\s+)?(?:rate|mortality|incidence)\s+(?:was|is)\s+)?$`, 'iu'));

/** The group named just before (or just after) a count: "grupo estudio (n=142)", "44 patients in group A". */
export function declaredName(text: string, sentenceStart: number, at: { start: number; end: number }, sentenceEnd: number, siblingsKnown: boolean): string | undefined {
  const before = text.slice(Math.max(sentenceStart, at.start - 60), at.start);
  const d = DECLARED_BEFORE().exec(before);
  const name = d?.[1] ?? d?.[2];
  if (isName(name)) return name;
  if (siblingsKnown) {
    const s = SIBLING_BEFORE().exec(before)?.[1];
    if (s) return s;
  }
  const after = DECLARED_AFTER().exec(text.slice(at.end, Math.min(sentenceEnd, at.end + 60)))?.[1];
  return isName(after) ? after : undefined;
}

/**
 * The named group a percent is of, from the words after it: for a list of percents and of names
 * ("20,5 % y 23,3 % en los grupos A y B"), the name in the same place as the percent.
 */
export function usedName(text: string, percent: { start: number; end: number }, clauseStart: number, sentenceEnd: number): string | undefined {
  const m = USED_AFTER().exec(text.slice(percent.end, Math.min(sentenceEnd, percent.end + 120)));
  if (!m) {
    const b = USED_BEFORE().exec(text.slice(Math.max(clauseStart, percent.start - 60), percent.start));
    const name = b?.[1] ?? b?.[2];
    return isName(name) ? name : undefined;
  }
  const followingPercents = (m[1] ?? '').match(/%/g)?.length ?? 0;
  const names = m[2] !== undefined ? m[2].split(/\s*(?:,|\by\b|\band\b|\bund\b|\bet\b|\be\b)\s*/u).filter((n) => n !== '') : [m[3]!];
  const name = names.length > 1 ? names[names.length - 1 - followingPercents] : names[0];
  return isName(name) ? name : undefined;
}
