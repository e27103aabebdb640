import type { Group, Resolution, Scope } from './discourse.js';
import { fitFields, fitShare } from './fit.js';
import type { Mention, ShareMention } from './grammar.js';
import { anyLanguage } from './lexicon.js';
import { lazyWords } from './word-boundary.js';

// A bare percent tied to a total of an earlier sentence is tied by nearness and by fit alone. When
// the text has since named a smaller group the percent also fits, or stated two groups side by side
// that it fits equally, a reader cannot tell which one it is of: such a percent is left unresolved,
// with the reason, rather than guessed (a guess on the wrong group is a false alarm in the audit).

// "9.6% in smokers and 5.3% in non-smokers", "40% of boys and 30% of girls", "un 69,1% de hombres ... un 15,4% de
// mujeres" (after "de", "des" only nouns of people: "40 % d'événements" names what is counted): a percent followed by the
// subgroup it is measured in (the cohort's own nouns, "of patients", "in women", name no subgroup of it)
const IN_SUBGROUP_AFTER = lazyWords(() => /^\s*\)?\s*(?:(?:in|among|of|bei|chez|entre|unter|parmi)\s+(?:the\s+|les\s+|los\s+|las\s+|den\s+)?([\p{L}][\p{L}-]+)|(?:de|des|d['’]|der)\s*(?:les\s+|los\s+|las\s+|la\s+|el\s+)?(hombres|mujeres|varones|niños|niñas|femmes|hommes|garçons|filles|Männer|Frauen|Jungen|Mädchen|fumadores|fumeurs|Raucher)(?![\p{L}])|for\s+(?:the\s+)?(men|women|boys|girls|males|females|adults|children|infants|smokers|non-smokers|[\p{L}][\p{L}-]{3,})(?![\p{L}])|(men|women|boys|girls|males|females)(?![\p{L}]))/iu);
// names that say when or where rather than which subgroup: "in 2019", "in total", "in our series"
// (the cohort's nouns in the four languages: "de los pacientes", "des cas", "der Patienten" name no subgroup)
const NOT_A_SUBGROUP = new Set('total all both example instance our this these those them the each every addition particular general contrast comparison turn summary study series cohort sample group groups patients patient cases children subjects participants people persons respondents whole entire overall same present included enrolled treated evaluated population pacientes paciente casos niños sujetos participantes personas población muestra grupo estudio serie ellos ellas estos estas cas enfants sujets personnes malades population échantillon groupe étude série ces eux elles patientes patientinnen fälle fällen kinder personen teilnehmer probanden befragten bevölkerung stichprobe gruppe studie serie gesamtzahl'.split(' '));

/**
 * The bare percents of a sentence that compare subgroups named after them ("9.6% in women and 5.3%
 * in men"), each with its subgroup's name: two or more, in subgroups of different names, whose
 * percents do not add up to a whole.
 */
export function comparedSubgroups(text: string, mentions: readonly Mention[], sentenceEnd: number): Map<ShareMention, string> {
  const named: { m: ShareMention; name: string }[] = [];
  for (const m of mentions) {
    if (m.kind !== 'share' || !m.percent || m.count !== undefined || m.denominator !== undefined) continue;
    const found = IN_SUBGROUP_AFTER().exec(text.slice(m.percent.end, Math.min(sentenceEnd, m.percent.end + 60)));
    const name = (found?.[1] ?? found?.[2] ?? found?.[3])?.toLowerCase();
    if (name !== undefined && !NOT_A_SUBGROUP.has(name)) named.push({ m, name });
  }
  if (named.length < 2 || new Set(named.map((n) => n.name)).size < 2) return new Map();
  const decimals = Math.max(...named.map((n) => n.m.percent!.decimals));
  const sum = named.reduce((a, n) => a + n.m.percent!.value, 0);
  // "52% in boys and 48% in girls" splits one group: those are shares of it
  if (Math.abs(sum - 100) <= named.length * 0.5 * 10 ** -decimals + 1e-9) return new Map();
  return new Map(named.map((n) => [n.m, n.name]));
}

const P_VALUE = /(?<![\p{L}])[pP]\s*(?:[=<>≤≥]|value)/u;
const PERCENT_SIGN = /\d\s?%/gu;

/**
 * Whether a percent stands in a bracket that also holds another percent and a p-value ("(6.8% men and 6.1%
 * women; P=0.55)", "(7.0% and 5.9%; P=0.32)"): the bracket reports a test between groups, and its percents are
 * the rates of the groups compared, not shares of the cohort ("Eligibility was similar by sex (7.0% and
 * 5.9%; P=0.32)": true for either percent).
 */
export function testedComparison(text: string, at: number, sentenceStart: number, sentenceEnd: number): boolean {
  const open = text.lastIndexOf('(', at);
  if (open < sentenceStart || text.slice(open, at).includes(')')) return false;
  const close = text.indexOf(')', at);
  if (close < 0 || close > sentenceEnd) return false;
  const inside = text.slice(open + 1, close);
  return P_VALUE.test(inside) && (inside.match(PERCENT_SIGN) ?? []).length >= 2;
}

/**
 * Why a bare percent's tie to a total of an earlier sentence is ambiguous, or undefined when it is not:
 * a smaller group named since that total (a count without a percent: "22,520 of those were witnessed",
 * "732 were followed up") that the percent also fits, or a group printed with its own ratio beside the
 * chosen one, in the same sentence ("9 of 396 ... compared to 3 of 389"), that the percent fits as well.
 */
export function ambiguousTie(share: ShareMention, r: Resolution & { ok: true }, scope: Scope, sentence: number, text?: string): string | { group: Group; note: string } | undefined {
  const chosen = r.group;
  if (chosen === undefined || share.count !== undefined || share.denominator !== undefined || !share.percent) return undefined;
  const fields = fitFields(undefined, share.percent);
  const fits = (g: Group) => g.value !== chosen.value && !g.approximate && fitShare(fields, g.value) === 'exact';
  const printed = `${share.percent.digits}%`;
  // tied to the count of a ratio ("22,520 of those 356,461 ... 12.4% survived"): the whole fits as well
  if (chosen.kind === 'count' && chosen.ratio === true) {
    const wholes = [...scope.candidates(share.start, sentence, false).map((c) => c.group), ...scope.recentCounts(share.start)];
    const whole = wholes.find((g) => g.value > chosen.value && fits(g));
    if (whole) return `${printed} fits both the ${chosen.value} and the ${whole.value} it is a part of: the text does not say which group it is of`;
  }
  if (r.source === 'with-claim') return undefined;
  // a count listed with its total ("3118 patients (1261 women, 1857 men)") is part of it, not a group named
  // since; a count printed as a ratio of it ("22,520 of those 356,461") is, even in the same sentence
  const since = (g: Group) => (g.ratio === true ? g.sentence >= chosen.sentence : r.source === 'earlier-sentence' && g.sentence > chosen.sentence);
  // a count printed as a share of the total that its sentence singles out ("189 (31.87%) underwent thrombolysis")
  // is a subgroup the sentences after it may describe; parts listed together ("72 (80%) ... 18 (20%)") split the whole
  const counts = scope.recentCounts(share.start);
  const singled = (g: Group) => g.sentence < sentence && counts.every((o) => o === g || !o.isPart || o.sentence !== g.sentence);
  // a part printed with its share of the total ("250 (33.7%) were women") is a subgroup too: a later bare percent
  // that fits it as well as the total may be of either (in the held-back corpus passages such percents were of the part more often than not)
  // (in the sentence before, only when the fit says something and the parts printed with it do not split the whole:
  // "72 (80,0%) ... 18 (20,0%)" of 90 leave the whole as what the next sentence speaks of)
  const splitsWhole = (g: Group) => counts.filter((o) => o.isPart === true && o.sentence === g.sentence).reduce((a, o) => a + o.value, 0) === chosen.value;
  const partSince = (g: Group) =>
    g.isPart === true && g.ratio !== true && g.start > chosen.end && g.end <= share.start &&
    (g.sentence === sentence || (g.sentence === sentence - 1 && !uninformative(g.value, share.percent!.decimals) && !splitsWhole(g)));
  const subgroup = counts.find((g) => (!g.isPart || singled(g) || partSince(g)) && (since(g) || partSince(g)) && g.value < chosen.value && fits(g));
  if (subgroup) return `${printed} fits both the ${chosen.value} stated earlier and the ${subgroup.value} named after it: the text does not say which group it is of`;
  // two groups each printed with a ratio of its own ("9 of 396 cases ... compared to 3 of 389 cases") are parallel
  if (r.source !== 'earlier-sentence') return undefined;
  const beside = chosen.ratio === true ? scope.candidates(share.start, sentence, false).find((c) => c.group !== chosen && c.group.ratio === true && c.group.sentence === chosen.sentence && fits(c.group)) : undefined;
  if (beside) return `${printed} fits both the ${chosen.value} and the ${beside.group.value} stated side by side earlier: the text does not say which group it is of`;
  // two totals of different things stated in one sentence ("180 114 eyes from 127 685 patients"): a later bare
  // percent that fits both is of the one its own words name, else of neither that a reader could tell
  if (text === undefined || chosen.ratio === true) return undefined;
  // (in one phrase: "10042 enfants ...; 9012 patients étaient admissibles" narrows the cohort instead)
  const together = (g: Group) => { const [a, b] = g.start < chosen.start ? [g, chosen] : [chosen, g]; return b.start - a.end <= 40 && !/[,;:.()]/u.test(text.slice(a.end, b.start)); };
  const other = scope.candidates(share.start, sentence, false).find((c) => c.group !== chosen && c.group.kind === 'total' && c.group.ratio !== true && c.group.sentence === chosen.sentence && together(c.group) && fits(c.group));
  if (other === undefined) return undefined;
  const nounOf = (g: Group) => /^\s*([\p{L}][\p{L}-]{2,})/u.exec(text.slice(g.end, g.end + 30))?.[1]?.toLowerCase().replace(/(?:es|s)$/u, '');
  // its words: the noun after "of" ("41.0% of patients"), else the clause before the percent
  const ofNoun = /^\s*of\s+(?:the\s+)?([\p{L}][\p{L}-]+)/iu.exec(text.slice(share.percent.end, share.percent.end + 40))?.[1];
  const own = (ofNoun ?? text.slice(Math.max(0, share.start - 200), share.start).split(/[.;:]\s|\n/u).pop()!).toLowerCase();
  const names = (g: Group) => { const n = nounOf(g); return n !== undefined && n.length > 2 && own.includes(n); };
  if (names(chosen) && !names(other.group)) return undefined;
  if (names(other.group) && !names(chosen)) return { group: other.group, note: `${printed} is of the ${other.group.value} its words name, not of the ${chosen.value} stated with it` };
  return `${printed} fits both the ${chosen.value} and the ${other.group.value} stated together earlier, and its sentence does not name which it is of`;
}

// "In children with GMFCS level IV, 64% ...", "Among those treated surgically, 40% ...", "For patients older
// than 10 years, the rate was 40%": a fronted phrase that narrows the group before the percent
const FRONTED_HEAD = lazyWords(() => new RegExp(String.raw`(?:^|[;:.,]\s+|^\s*)${anyLanguage('frontedNarrowing')}\s+([^,;:%]{2,120}?),\s*(?:[\p{L}-]+\s+){0,6}$`, 'iu'));
// German fronts the phrase without a comma, the verb second: "Bei den Frauen lag die Rate bei 40 %"
const FRONTED_HEAD_VERB_SECOND = lazyWords(() => /(?:^|[;:.]\s+)(?:bei|unter)\s+((?:den|der|dem)\s+[\p{L}][\p{L}-]+)\s+(?:[\p{L}-]+\s+){1,8}$/iu);
// heads that speak of the whole, of a time or of the text itself: "In total,", "Of these,", "In 2019,", "In our series,"
const WHOLE_HEAD = lazyWords(() => /^(?:the\s+|all\s+(?:the\s+)?|our\s+|this\s+|these\s+|those\s*$|them\s*$|whom\s*$)?(?:whole\s+|entire\s+|total\s+|overall\s+|present\s+|same\s+|included\s+|enrolled\s+|treated\s+|presente\s+|présente\s+|vorliegenden\s+)?(?:total|all|sum|addition|contrast|comparison|general|particular|summary|conclusion|short|practice|turn|fact|brief|study|series|cohort|sample|population|group|trial|registry|register|analysis|period|year|years|month|months|first|second|third|last|insgesamt|gesamt|allen|diesen|ihnen|Studie|Kohorte|Stichprobe|ces|eux|elles|tous|notre|nos|cette|étude|série|cohorte|échantillon|ellos|ellas|estos|estas|todos|nuestra|nuestro|este|esta|estudio|serie|muestra|general|conjunto|\d[\d\s,.\u2013-]*)\b/iu);

/**
 * The narrowing phrase before a percent tied across sentences ("In children with GMFCS level IV,"), or
 * undefined when there is none or it names the whole: the percent is then of a subgroup whose size the
 * text does not print. `cohortNoun` is the noun after the total ("300 children"): "Of the children," is the whole.
 */
export function narrowedBy(text: string, share: ShareMention, clauseStart: number, cohortNoun: string | undefined): string | undefined {
  if (!share.percent || share.anaphor) return undefined;
  const before = text.slice(Math.max(clauseStart, share.percent.start - 200), share.percent.start);
  const head = (FRONTED_HEAD().exec(before) ?? FRONTED_HEAD_VERB_SECOND().exec(before))?.[1]?.trim();
  if (head === undefined) return undefined;
  const bare = head.replace(/^(?:the|all|our|den|der|dem|die|les|la|le|l['’]|los|las|el)\s*/iu, '').toLowerCase();
  if (WHOLE_HEAD().test(head) || WHOLE_HEAD().test(bare)) return undefined;
  if (cohortNoun !== undefined && bare === cohortNoun.toLowerCase()) return undefined;
  return head;
}

/** Whether most percents printed with `decimals` decimals are possible shares of `n` (a fit then says little). */
function uninformative(n: number, decimals: number): boolean {
  return n + 1 > (100 * 10 ** decimals + 1) / 2;
}

/** The subgroup noun a count is printed with ("180 boys"), by which a later "40% of the boys" names it. */
export function countNoun(text: string, count: { end: number }): string | undefined {
  const noun = /^\s*([\p{L}][\p{L}-]{2,})/u.exec(text.slice(count.end, count.end + 30))?.[1]?.toLowerCase();
  return noun !== undefined && !NOT_A_SUBGROUP.has(noun) ? noun : undefined;
}

/** The subgroup noun a bare percent is of ("40% of the boys"), when it is not one of the cohort's own nouns. */
export function percentOfNoun(text: string, percent: { end: number }, sentenceEnd: number): string | undefined {
  const noun = /^\s*of\s+(?:the\s+)?([\p{L}][\p{L}-]{2,})\b/iu.exec(text.slice(percent.end, Math.min(sentenceEnd, percent.end + 40)))?.[1]?.toLowerCase();
  return noun !== undefined && !NOT_A_SUBGROUP.has(noun) ? noun : undefined;
}

