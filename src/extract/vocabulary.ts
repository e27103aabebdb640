// Words of the four languages that the grammar of counts and shares relies on. Every list is
// matched case-insensitively on a short window before or after a number, never on the whole
// text, so the cost per number is constant.

import { anyLanguage, anyTimePoint } from './lexicon.js';
import { lazyWords } from './word-boundary.js';

/**
 * Nouns that name counted people or events: "patients", "Kinder", "enfants", "pacientes" (and "the 43 others",
 * "les 43 autres"), and compounds ending in one ("Krankenhausentbindungen", "Kolonkarzinompatienten").
 */
export const COUNT_NOUN = String.raw`(?:(?:[\p{L}][\p{L}\p{N}-]*\s+|\d\s+){0,3}?(?:(?:out|in)?patients?|patient\/innen|patientinnen|patient\*innen|children|child|infants?|babies|boys|girls|women|men|males?|females?|adults?|subjects?|participants?|cases?|individuals?|persons?|people|respondents?|survivors?|students?|pupils?|families|knees|hips|eyes|treatments?|procedures?|operations?|surgeries|interventions?|admissions?|cycles?|transfers?|records?|births?|pregnancies|deliveries|samples|lesions|tumou?rs|hernias?|cohort|Patienten|Patientinnen|Kinder|Kindern|Fälle|Fällen|Personen|Frauen|Männer|Befragten|Teilnehmer(?:innen)?|Probanden|Säuglinge|Jugendliche|Erwachsene|Eingriffe|Operationen|Behandlungen|enfants|malades|sujets|cas|femmes|hommes|personnes|participants|nourrissons|interventions|opérations|hernies|dossiers|pacientes|niños|niñas|casos|sujetos|personas|mujeres|hombres|varones|alumnos|estudiantes|participantes|lactantes|adultos|intervenciones|operaciones|histeroscopías|fallecidos|others|autres|restants|restantes|übrigen|restlichen|demás|${anyLanguage('countNouns')}|\p{L}{3,}${anyLanguage('compoundHeads')}))`;

/** Verbs that state a group's size: "were treated", "wurden eingeschlossen", "ont été inclus". */
export const TOTAL_VERB = String.raw`(?:enrolled|included|treated|recruited|studied|analy[sz]ed|examined|evaluated|assessed|operated|followed|identified|registered|surveyed|screened|reviewed|randomi[sz]ed|eingeschlossen|untersucht|behandelt|operiert|befragt|ausgewertet|analysiert|erfasst|inclus|traités|traitées|opérés|opérées|étudiés|suivis|évalués|analysés|incluidos|incluidas|estudiados|estudiadas|tratados|tratadas|operados|operadas|evaluados|evaluadas|analizados|incluyeron|estudiaron|evaluaron|analizaron|atendidos)`;

/** Words just before a number that make it the size of a group: "a total of 1,235", "Of the 212". */
export const TOTAL_BEFORE = lazyWords(() => new RegExp(
  String.raw`(?:\b(?:a\s+total\s+of|total\s+of|in\s+total|altogether|overall|of\s+(?:the|all|these|those)?|among(?:\s+(?:the|all))?|in\s+the|out\s+of|from|for|on|cohort\s+of|series\s+of|sample\s+of|group\s+of|population\s+of|based\s+on|comprised|comprising|consisted\s+of|involving|enrolling|enrolled|included|including\s+all|treated|studied|analy[sz]ed|examined|evaluated|recruited|identified|registered|surveyed|reviewed|operated\s+on|followed|data\s+(?:from|for|on)|insgesamt|von\s+(?:den|insgesamt)?|unter\s+den|bei|bei\s+den|an|befragten\s+wir|sur(?:\s+les)?|parmi(?:\s+les)?|au\s+total|chez|de|des|en|sobre|entre\s+los|de\s+los|de\s+las|del\s+total\s+de|de\s+un\s+total\s+de|un\s+total\s+de|en\s+(?:los|las)|se\s+(?:estudiaron|incluyeron|evaluaron|analizaron)|estudiaron|incluyó|constituido\s+por|totalizaron|totalizó|sumaron|sumó|ascendió\s+a|ascendieron\s+a|totalisent|totalise|s['’]élève\s+à|s['’]élèvent\s+à|Grundgesamtheit\s*:?|Nenner\s*:|(?:la\s+)?muestra(?:\s+(?:fue\s+de|fue|era\s+de|estuvo\s+(?:conformada|constituida|formada)\s+por|de))?|(?:die\s+)?Stichprobe(?:\s+(?:umfasste|bestand\s+aus|war|von))?|(?:l['’])?échantillon(?:\s+(?:était\s+de|comprenait|de))?|(?:the\s+)?sample(?:\s+(?:size\s+)?(?:was|comprised))?))\s*$`,
  'iu',
));

/** Words before a part that refer back to the last group: "of these", "davon", "dont", "de las cuales". */
export const ANAPHOR_BEFORE = lazyWords(() => /\b(?:of\s+(?:these|them|those|whom|which|this)|among\s+(?:these|them|those)|in\s+(?:these|them)|davon|von\s+diesen|darunter|dont|parmi\s+eux|parmi\s+elles|de\s+(?:ces|ceux-ci)|de\s+(?:estas|estos|ellas|ellos)|de\s+las\s+cuales|de\s+los\s+cuales|entre\s+(?:ellas|ellos))\b[\s,:]*$/iu);

/** Words before a list of parts: "including", "of whom", "davon", "dont", "de los cuales". */
export const PARTS_CUE = lazyWords(() => /\b(?:including|included|comprising|of\s+whom|of\s+which|of\s+these|of\s+this|among\s+them|consisting\s+of|namely|as\s+follows|breakdown|davon|darunter|dont|incluyendo|de\s+los\s+cuales|de\s+las\s+cuales|de\s+estas|de\s+estos|incluant|parmi\s+lesquels)\b/iu);

/** A word that makes a following percent a rate of treatment success (measure 'improvement'). */
export const IMPROVEMENT_RATE = lazyWords(() => /\b(?:improvement|response|responder|remission|success|efficacy|effective(?:ness)?|cure|recovery|healing)\s+rates?\b|\b(?:Besserungsrate|Erfolgsrate|Erfolgsquote|Ansprechrate|Heilungsrate|Remissionsrate|Wirksamkeit)\b|\btaux\s+de\s+(?:réponse|succès|réussite|guérison|rémission|amélioration)\b|\btasa\s+de\s+(?:respuesta|éxito|curación|remisión|mejoría|mejora)\b/iu);

/** Time-to-event estimates: these percents are not shares of a counted group. */
export const SURVIVAL = lazyWords(() => /\b(?:survival|survie|Überleben\w*|supervivencia|sobrevida|free\s+from\s+progression|FFP|PFS|OS|DFS|EFS|TTF|cumulative\s+(?:risk|incidence)|Kaplan|actuarial|hazard)\b/iu);

/** Label words before a number that make it an identifier, not a count: "Table 2", "type II", "grade 3". */
export const LABEL_BEFORE = lazyWords(() => /\b(?:(?:tab|fig|figs|abb|vol|no|nr|n°|núm|pp|p|ref|refs|tel|fax)\.?|(?:tables?|figures?|abbildung|tableau|tabla|figura|platz|rang|ranks?|ranked|place|puesto|posición|types?|typ|tipo|grades?|grad|grado|grade|stages?|stadium|stade|estadio|levels?|niveau|nivel|stufe|phases?|fase|days?|tag|jour|día|dia|weeks?|woche|semaine|semana|months?|monat|mois|mes|years?|jahr|année|año|visits?|versions?|volume|issue|heft|pages?|seite|page|página|part|teil|step|arms?|groups?|gruppe|groupe|grupo|cohorts?|sessions?|sitzung|séance|sesión|scores?|score|punkte|punto|points?|chapter|kapitel|chapitre|capítulo|section|abschnitt|sección|reference|literatur|cycle|zyklus|ciclo|wave|welle|onda|item|items|question|frage|pregunta|session|ISRCTN|NCT|ISSN|ISBN|DOI|PMID|PMCID|code|codes|ICD|grupo|aged?|ages|âge|alter|edad|age|moins\s+de|mayores\s+de|de\s+edad))\s*$/iu);

/** Words before a percent that make it a change, not a share: "increased by 20%", "um 7,4 Prozent". */
export const CHANGE_BEFORE = lazyWords(() => /(?:\b(?:increase[sd]?|decrease[sd]?|rose|rise|fell|fall|dropped|drop|reduc(?:ed|tion|es)|declin(?:ed|e)|improved|grew|gained|lost|change[sd]?|by|um|de\s+plus|de\s+moins|en\s+(?:hausse|baisse)|a\s+augmenté|a\s+diminué|aumentó|disminuyó|subió|bajó|Anstieg|Rückgang|Zunahme|Abnahme|Steigerung|Senkung|Reduktion|Verbesserung\s+(?:im|um)\s+\w+\s+um|augmentation|diminution|baisse|hausse|réduction|aumento|disminución|reducción|descenso|incremento|growth|up|down)(?:\s+rate)?\s*(?:of|von|de|del)?\s*(?:about|approximately|rund|etwa|ca\.?|environ|alrededor\s+de)?\s*|[+−±]\s?|(?<![\d\w])(?<!(?:^|\n)[ \t]*)-\s?|\bminus\s+)$/iu);

/** Words after a percent that make it a change: "7,4 Prozent zugenommen", "20% increase", "percentage points". */
export const CHANGE_AFTER = lazyWords(() => /^\s*(?:increase|decrease|reduction|improvement|rise|drop|decline|gain|loss|higher|lower|more|less|fewer|greater|smaller|under|above|below|zugenommen|abgenommen|gestiegen|gesunken|höher|niedriger|mehr|weniger|de\s+plus|de\s+moins|plus\s+élevé|más|menos|mayor|menor|points?\b|punkte|prozentpunkte|percentage\s+points?|points?\s+de\s+pourcentage|puntos?\s+porcentuales?)\b/iu);

/** Comparators before a number: thresholds and bounds are not claims ("MP > 40%", "less than 25%"). */
export const COMPARATOR_BEFORE = lazyWords(() => /(?:[<>≤≥≦≧]=?|=<|>=|\b(?:more|less|fewer|greater|higher|lower)\s+than|\bover|\bunder|\bat\s+(?:least|most)|\bup\s+to|\bmehr\s+als|\bweniger\s+als|\bmindestens|\bhöchstens|\bbis\s+zu|\büber|\bunter|\bknapp|\bplus\s+de|\bmoins\s+de|\bau\s+moins|\bjusqu'?à|\bmás\s+de|\bmenos\s+de|\bal\s+menos|\bhasta)\s*$/iu);

/** Words before a total that make it approximate, so no exact denominator ("approximately 2 million", "rund 360.000"). */
export const APPROXIMATE_BEFORE = lazyWords(() => /\b(?:up\s+to|as\s+many\s+as|hasta|bis\s+zu|jusqu'à|approximately|approx\.?|about|around|roughly|nearly|almost|some|estimated|over|more\s+than|rund|etwa|ca\.?|circa|fast|knapp|über|mehr\s+als|environ|près\s+de|plus\s+de|alrededor\s+de|cerca\s+de|aproximadamente|unos|unas|más\s+de)\s*$/iu);

/** Statistics names before a number: "p =", "OR 1.8", "F = 6.6", "mean 12.1", "SD", "IQR". */
export const STATISTIC_BEFORE = lazyWords(() => /(?:\b[pP]\s*(?:[<=>≤≥]|=<|>=)\s*|\bp-?value\s*(?:of|[<=>≤≥])?\s*|\b(?:F|t|r|R2|R²|z|U|H|W|β|κ|χ2|χ²|chi2|x2|X2|rho|ρ)\s*(?:\([\d,\s]+\))?\s*[:=]\s*|\b(?:OR|RR|HR|aOR|aHR|IRR|odds\s+ratio|odd\s+ratio|risk\s+ratio|relative\s+risk|relative\s+hazard|hazard\s+ratio|beta|kappa|AUC|ICC|SD|SE|SEM|IQR|mean|median|average|avg|range|media|mediana|promedio|moyenne|médiane|moyen|Mittelwert|Median|Durchschnitt|durchschnittlich|écart[-\s]type|desviación|Spannweite|ratio|score|scale|index|VAS|EVA|APACHE|ISS|GMFM|IPSS|BMI|IMC|LI)\b\s*(?:[:=]\s*|of\s+|von\s+|de\s+|was\s+|war\s+|fue\s+|était\s+|were\s+)?(?:about\s+)?)$/u);

/** Confidence and other intervals: "95% CI", "IC 95 %", "95 %-KI", "confidence interval". */
export const INTERVAL_AFTER = lazyWords(() => /^\s*(?:[-–]?\s*)?(?:CI|CrI|KI|IC|confidence|credible|prediction|uncertainty|Konfidenz|Vertrauensbereich|intervalle|intervalo)\b/iu);
export const INTERVAL_BEFORE = lazyWords(() => /(?:\b(?:CI|CrI|KI|IC|confidence\s+interval|intervalle\s+de\s+confiance|intervalo\s+de\s+confianza|Konfidenzintervall)\s*(?:95\s?%|90\s?%|99\s?%)?\s*[:=,]?\s*(?:of\s+)?|\bIC\s?95\s?%\s*[:=,]?\s*|\b95\s?%\s?(?:CI|KI|IC)\s*[:=,]?\s*)$/iu);

/** A measurement unit right after a number: it is a dose, a duration, an age or a size. */
export const UNIT_AFTER = /^[\s-]?(?:mg|µg|mcg|ug|ng|g|kg|ml|mL|l|L|dl|dL|cl|mmol|µmol|mol|mEq|IU|UI|U|Gy|cGy|mSv|MBq|kcal|cal|mmHg|cmH2O|bpm|Hz|kHz|cm3|cm²|cm2|cm|mm|µm|nm|m|km|lb|lbs|oz|°C|°F|°|h|hr|hrs|hours?|min|mins|minutes?|sec|secs|seconds?|days?|weeks?|wks?|months?|mo|years?|yrs?|yo|year-old|years-old|Jahre|Jahren|Jahr|jährige[nrms]?|jährig|Monate|Monaten|Monat|Wochen|Woche|Tage|Tagen|Tag|Stunden|Stunde|Minuten|ans|an|mois|jours|jour|semaines|heures|minutes|años|año|meses|mes|días|día|semanas|horas|minutos|points?|Punkte|puntos|x|×|times|fold|-fach|fach|-mal|mal|veces|fois|ml\/s|mL\/s|mL\/sec|mL\/kg|mg\/kg|U\/kg|\/min|\/h|\/day|\/d|kDa|bp|kb|GHz|MB|GB|px|dpi|€|EUR|\$|USD|CHF)(?![\p{L}])/iu;

/** Months in the four languages, so "March 2015", "1 de octubre de 2011", "27. November" are dates. */
export const MONTH = String.raw`(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|févr(?:ier)?|fév|mar(?:ch|s|zo)?|märz|apr(?:il|il|ile)?|avr(?:il)?|abr(?:il)?|may(?:o)?|mai|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|juil(?:let)?|aug(?:ust)?|août|ago(?:sto)?|sep(?:t(?:ember|embre|iembre)?)?|set(?:iembre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|nov(?:ember|embre|iembre)?|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?|dic(?:iembre)?|enero|febrero|janvier)\.?`;

/** Words right before a year: "in 2014", "since 2004", "seit 2010", "desde 2008", "depuis 1994". */
export const YEAR_BEFORE = lazyWords(() => /\b(?:in|since|from|until|till|through|thru|between|during|by|before|after|end\s+of|early|late|mid|year|years|im|jahr|jahre|jahres|seit|bis|zwischen|ab|vor|nach|en|depuis|entre|jusqu'en|année|années|desde|hasta|durante|año|años|approved|published|born|geboren|nés|nacidos|around|circa|um)\s*$/iu);
/** Words that precede a year as often as a count ("of 2279 cases", "de 1994 à 1999"): a year only without a count noun after it. */
export const YEAR_BEFORE_WEAK = lazyWords(() => /\b(?:of|to|and|or|de|del|du|au|à|a|al|y|und|oder|et|ou|o|el|la|le|von|the)\s*$/iu);

/**
 * Words after a count that make it the group later figures are of: "202 of 222 patients could be
 * evaluated", "200 ont été inclus", "180 wurden ausgewertet" (the analysed population, not a result).
 */
export const INCLUDED_AFTER = lazyWords(() => /^(?!\s*(?:included|enrolled|evaluated|evaluable|eligible|analy[sz]ed)\s+(?!in\b|into\b|for\b|at\b|from\b|on\b)\p{L})\s*(?:[\p{L}-]+\s+){0,3}?(?:(?:could|can|were|was|had|have)\s+(?:been\s+|be\s+)?|(?:ont|a)\s+été\s+|(?:étaient|sont)\s+|(?:wurden|werden|konnten|waren)\s+|(?:fueron|pudieron\s+ser|eran)\s+)?(?:included|enrolled|evaluated|evaluable|analy[sz]ed|assessed|eligible|inclus|incluses|évalués|évaluables|analysés|admissibles|éligibles|retenus|eingeschlossen|ausgewertet|auswertbar|incluidos|incluidas|evaluados|evaluables|analizados|elegibles)\b/iu);

/**
 * Words after a percent that describe the members of a smaller group it is of: "89.1% of patients
 * with liver metastasis", "33% of those born preterm", "des patients ayant", "de los pacientes con",
 * "der Patienten mit". The cohort's own condition ("children with CP") describes the cohort.
 */
export const SUBGROUP_DESCRIBED_AFTER = lazyWords(() => /^\s*\)?\s*(?:of|de|des|der|von|aller|du|in|among|bei|chez|en|entre|unter|parmi)\s+(?:the\s+|all\s+|los\s+|las\s+|les\s+|den\s+|todos\s+los\s+|l[ae]s?\s+)?(?:[\p{L}-]+\s+){0,2}?(?:patients?|patientes?|children|people|cases|subjects|participants|women|men|infants|adults|those|ceux|celles|aquellos|aquellas|pacientes|niños|niñas|enfants|Patienten|Patientinnen|Kinder|Kindern|Frauen|Männer|personas|personnes|malades)\s+(?!(?:with|mit|con|avec)\s+(?:CP|cerebral\s+palsy|PC|parálisis\s+cerebral|paralysie\s+cérébrale|Zerebralparese|Cerebralparese)\b)(?:with|without|who|whose|that|in\s+whom|treated|receiving|undergoing|aged|born|having|not|non|ayant|avec|sans|atteints?|atteintes?|qui|traités|traitées|opérés|opérées|hospitalisés|hospitalisées|suivies|présentant|souffrant|con|sin|que|tratados|tratadas|operados|operadas|intervenidos|intervenidas|hospitalizados|hospitalizadas|mit|ohne|nicht|die|welche|behandelten|operierten)\b/iu);

/**
 * Words after a list of percents that give each percent its own subgroup: "4.4%, 9.7% and 24.2% in
 * luminal A, luminal B and HER2 subtypes, respectively".
 */
/**
 * Two percents joined by "bzw." ("56% bzw. 54%"): each is of its own group (this region, the whole country),
 * like a run closed by "respectively", never two shares of one total.
 */
export const PAIRED_BY_RESPECTIVELY_AFTER = lazyWords(() => /^\s*(?:bzw\.?|beziehungsweise|resp\.)\s*\d[\d.,]*\s*(?:%|Prozent)/iu);
export const PAIRED_BY_RESPECTIVELY_BEFORE = lazyWords(() => /\d\s*(?:%|Prozent)?\s*(?:bzw\.?|beziehungsweise|resp\.)\s*$/iu);

export const EACH_OF_LISTED_AFTER = lazyWords(() => /^(?:\s*,?\s*(?:and|or|y|o|und|oder|et|ou)?\s*\d[\d.,]*\s*%)*\s*(?:in|among|for|within|bei|unter|chez|dans|parmi|en|entre)\s+[^.;%]{1,120}?,?\s*(?:respectively|respectivement|respectivamente|beziehungsweise|jeweils)\b/iu);

/**
 * Words just before a percent that put it in a smaller group than the cohort: "among evaluable
 * patients, 40%", "the response rate from contactable patients was 86 per cent", "for those
 * completing a course of treatment ... 95%", "bei Patienten mit Rezidiv". Quantifiers and the
 * words that name the whole cohort ("all", "treated", "included") restrict nothing.
 */
export const SUBGROUP_DESCRIBED_BEFORE = lazyWords(() => /(?:\b(?:among|in|from|of|for|bei|unter|chez|parmi|pour|entre|en|para)\s+(?!(?:all|the|these|those|our|both|every|each|such|study|included|enrolled|treated|operated|evaluated|alle[nm]?|tous|todos|nuestros|nos)\s)(?:[\p{L}-]+\s+){1,2}(?:patients|children|people|subjects|participants|adults|infants|survivors|women|men|individuals|respondents|pacientes|niños|enfants|Patienten|Kindern|Kinder|personnes|personas)\b|\b(?:for|of|among|in|bei|chez|pour|para|entre)\s+(?:those|ceux|celles|aquellos|aquellas|jenen|denen)\s+(?:who|with|\p{L}+ing|older|younger|aged|over|under|qui|que|die|mit|con|avec)\b)[^;]*$/iu);

// Cue words from the per-language tables of lexicon.ts

const PEOPLE = String.raw`(?:patients?|patientes?|Patienten|Patientinnen|children|enfants|niños|niñas|Kinder|Kindern|women|men|femmes|hommes|mujeres|hombres|varones|Frauen|Männer|Männern|adults|adultes|adultos|Erwachsenen?|personas|personnes|Personen|participants|participantes|Teilnehmer(?:innen)?|diabetics|diabétiques|diabéticos|Diabetiker(?:n|innen)?|smokers|fumeurs|fumadores|Raucher(?:n|innen)?|hipertensos|hypertendus|Hypertoniker(?:n)?|elderly|ancianos|Senioren|girls|boys|filles|garçons|Mädchen|Jungen)`;

/** A verb of change and its link just before a percent: "erhöhte sich 2006 leicht auf", "cayó un", "a augmenté de". */
export const CHANGE_VERB_BEFORE = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('changeVerbs')},?\s+(?:[\p{L}\p{N}-]+(?:[.,]\p{N}+)?(?:\s?(?:%|Prozent|por\s+ciento|pour\s+cent))?,?\s+){0,4}?${anyLanguage('changeLinks')}\s*(?:about|approximately|rund|etwa|ca\.?|environ|alrededor\s+de|casi|el|le|la)?\s*$`, 'iu'));

/** A verb of change and its link just before a count: "ha bajado en 196", "stieg um 30", "decreased by 12". */
export const COUNT_CHANGE_BEFORE = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('changeVerbs')}\s+(?:[\p{L}\p{N}-]+\s+){0,3}?${anyLanguage('countChangeLinks')}\s*(?:about|approximately|rund|etwa|ca\.?|environ|casi)?\s*$`, 'iu'));

/** Words after a count that make it a difference: "280 menos que", "12 more than". */
/** A change named by its noun before a count: "a decrease of 700,541 patients" is an amount, not a group. */
export const COUNT_CHANGE_NOUN_BEFORE = lazyWords(() => /\b(?:increase|decrease|reduction|rise|drop|decline|growth|fall)\s+of\s*(?:about|approximately|some|nearly|almost)?\s*$/iu);
export const DIFFERENCE_AFTER = lazyWords(() => new RegExp(String.raw`^\s*${anyLanguage('differenceAfter')}\b`, 'iu'));

/** Bounds before a percent the general list lacks: "más del 84 %", "supérieur à 40 %". */
export const BOUND_BEFORE = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('bounds')}\s*$`, 'iu'));

/** Names of ratio statistics before a number: "riesgo relativo de 1,5", "razón de momios 2,3", "rapport de cotes : 3,51". */
export const RATIO_STATISTIC_BEFORE = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('ratioStatistics')}\s*(?:ajustad[oa]|ajusté|adjusted|bruto|brut)?\s*(?:\([^)]{0,20}\)\s*)?(?:[:=]\s*|of\s+|von\s+|de\s+|was\s+|war\s+|betrug\s+|fue\s+(?:del?\s+)?|était\s+(?:de\s+)?|est\s+(?:de\s+)?)?$`, 'iu'));

/** Average words right before a number: "im Mittel 12", "en moyenne 3", "en promedio 4". */
export const AVERAGE_WORDS_BEFORE = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('averages')}\s*(?:bei|de|of|von|à|um|etwa|rund|environ)?\s*$`, 'iu'));

/** The level of a confidence interval written with a preposition: "IC à 95 %", "IC del 95%", "intervalo de confianza del 95 %". */
export const INTERVAL_LEVEL_BEFORE = lazyWords(() => /\b(?:IC|KI|CI|intervalle\s+de\s+confiance|intervalo\s+de\s+confianza|Konfidenzintervall|confidence\s+interval)\s+(?:à|al|del|de|a|von|zu|of)\s*$/iu);

/** A rate of an event at a time point ("taux de récidive à 5 ans", "Rezidivrate nach 5 Jahren", "5-year mortality"): an estimate, not a share. */
export const TIME_POINT_RATE = lazyWords(() => {
  const event = String.raw`(?:récidives?|rechutes?|récurrences?|mortalité|décès|recidivas?|recaídas?|recurrencias?|mortalidad|muerte|recurrences?|relapses?|mortality|deaths?|Rezidiv\p{L}*|Rückfall\p{L}*|Mortalität|Sterblichkeit|risks?|risques?|riesgos?|Risiko|progressions?|progresión)`;
  const at = anyTimePoint();
  return new RegExp(String.raw`${event}[^.;%]{0,60}?${at}|${at}[^.;%]{0,30}?${event}`, 'iu');
});

/** A clause opened by a subgroup of people with its qualifier: "Bei Patienten mit Diabetes", "chez les patients diabétiques âgés de". */
export const SUBGROUP_QUALIFIED_BEFORE = lazyWords(() => new RegExp(String.raw`\b(?:among|in|for|bei|unter|chez|parmi|pour|entre|en|para|dans)\s+(?:(?:the|den|dem|les|los|las|der|des)\s+)?${PEOPLE}\s+(?!(?:with|mit|con|avec)\s+(?:CP|cerebral\s+palsy|PC|parálisis\s+cerebral|paralysie\s+cérébrale|Zerebralparese|Cerebralparese)\b)${anyLanguage('subgroupQualifiers')}(?![\p{L}])[^;]*$`, 'iu'));

/** A sentence that opens on a subgroup of people as its topic: "En ce qui concerne les femmes,", "Hinsichtlich der Diabetiker". */
export const TOPIC_SUBGROUP_BEFORE = lazyWords(() => new RegExp(String.raw`(?:^|[.;:]\s*|\n)\s*${anyLanguage('topicIntroducers')}\s+(?:(?:the|les|la|le|l['’]|los|las|el|der|die|den|des)\s*)?(?:[\p{L}-]+\s+){0,2}?${PEOPLE}(?![\p{L}])[^;]*$`, 'iu'));

/** Words between a count and its percent that restate the count as a share: "150 patients, soit 75 %", "45 pacientes para un 56,2 %". */
export const RESTATEMENT_BETWEEN = lazyWords(() => new RegExp(String.raw`^\s*(?:${COUNT_NOUN}(?:\s+[\p{L}-]+){0,2}|[\p{L}-]+(?:\s+[\p{L}-]+){0,2})?\s*[,;]?\s*${anyLanguage('restatements')}\s*(?:un|el|le|la|the)?\s*$`, 'iu'));

/** A link between a count and a total that makes them a ratio whatever noun follows: "22 von 180 Merkmalen", "60 sur 105 centres". */
export const RATIO_LINK_BETWEEN = lazyWords(() => new RegExp(String.raw`^\s*${anyLanguage('ratioLinks')}\s*$`, 'iu'));

/** A count, its noun and a partitive before the total: "Soixante et onze patients sur 142", "Veintiún pacientes de los 42". */
export const NOUN_OF_BETWEEN = lazyWords(() => new RegExp(String.raw`^\s*${COUNT_NOUN}\s+(?:sur(?:\s+les)?|out\s+of(?:\s+the)?|de\s+(?:los|las)|of\s+the|von\s+(?:den|insgesamt)|parmi\s+les)\s*$`, 'iu'));

// Cheap first looks: the full expressions above try an alternation of dozens of words at every
// position of their window, so each is run only where its last word (or its unit) is present.

/** A number followed by a unit of time: what a time-point rate needs before it is looked for. */
export const TIME_UNIT_NEAR = lazyWords(() => /\d\s*(?:ans|años|years?|Jahren|mois|meses|months?|Monaten)\b|\d-(?:year|month|Jahres|Monats)/iu);
/** Ends with a link word of a change (before a percent). */
export const CHANGE_LINK_AT_END = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('changeLinks')}\s*(?:about|approximately|rund|etwa|ca\.?|environ|alrededor\s+de|casi|el|le|la)?\s*$`, 'iu'));
/** Ends with a link word of a change (before a count). */
export const COUNT_CHANGE_LINK_AT_END = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('countChangeLinks')}\s*(?:about|approximately|rund|etwa|ca\.?|environ|casi)?\s*$`, 'iu'));
/** Ends with a restatement word. */
export const RESTATEMENT_AT_END = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('restatements')}\s*(?:un|el|le|la|the)?\s*$`, 'iu'));

/**
 * A rate named before a category in brackets: "die höchste Sterblichkeit in der Ösophagus- (8,6 %)
 * und Magenchirurgie (11,7 %)", "la mortalité était plus élevée chez les hommes (12 %)": each percent
 * is the rate within its category, whose size is not printed. The words that name the whole cohort
 * ("in our series", "dans notre série") are no category.
 */
export const RATE_IN_CATEGORY_BEFORE = lazyWords(() => /\b(?:mortality|mortalité|létalité|mortalidad|letalidad|Mortalität|Sterblichkeit|Letalität|rates?|Rate|taux|tasa|incidence|incidencia|Inzidenz|risk|Risiko|risque|riesgo|\p{L}+rate)(?![\p{L}])[^.;%]{0,80}?\b(?:in|im|bei|dans|en|chez|among|für|pour|para|entre)\s+(?!(?:our|this|the\s+(?:whole|entire|overall|total)|all|notre|cette|ce|l['’]ensemble|nuestr[ao]s?|est[ea]|el\s+total|unserer|unserem|diese[rm]?|der\s+gesamten|allen)(?![\p{L}]))(?:[^.;%]|%(?=\s*\)))+$/iu);

/** A percent followed by a group named by what happened to it: "60 % der Verstorbenen", "el 40% de los fallecidos", "45 % des survivants". */
export const SUBGROUP_NOUN_AFTER = lazyWords(() => new RegExp(String.raw`^\s*\)?\s*(?:of|der|des|de|von|aller|among|unter|entre|parmi|bei|chez)\s+(?:(?:the|all|den|les|los|las|todos\s+los|tous\s+les)\s+)?${anyLanguage('subgroupNouns')}(?![\p{L}])`, 'iu'));
/** A clause opened by such a group: "Unter den Verstorbenen", "Entre los fallecidos,", "Parmi les survivants,", "Among smokers". */
export const SUBGROUP_NOUN_BEFORE = lazyWords(() => new RegExp(String.raw`\b(?:among|in|bei|unter|chez|parmi|entre|en|von)\s+(?:(?:the|all|den|les|los|las)\s+)?${anyLanguage('subgroupNouns')}(?![\p{L}])[^;]*$`, 'iu'));

/** A threshold named before a percent: "seuil de significativité était de 5 %", "Grenzwert von 10 %", "umbral del 30 %". */
export const THRESHOLD_BEFORE = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('thresholds')}(?![\p{L}])[^.;%\d]{0,30}$`, 'iu'));
/** A measure of diagnostic accuracy before a percent: "la sensibilidad fue del", "Spezifität". */
export const ACCURACY_BEFORE = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('accuracyMeasures')}(?![\p{L}])[^.;%\d]{0,30}$`, 'iu'));
/**
 * Prevalence, incidence or a share in a population named before the percent: "La prevalencia en la población general
 * es del", "Der Anteil der über 80-Jährigen an der Bevölkerung beträgt".
 */
export const POPULATION_RATE_BEFORE = lazyWords(() => /\b(?:prevalence|prévalence|prevalencia|Prävalenz|incidence|incidencia|Inzidenz|Anteil|share|proportion|porcentaje|proporción)(?![\p{L}])(?:[^.;%\d]|\d+-)(?:[^.;%\d]|\d+-){0,59}?\b(?:population|poblaci[oó]n|Bevölkerung|Allgemeinbevölkerung|habitants|habitantes|Einwohnern?|inhabitants|world|mundo|monde|Welt)(?![\p{L}])[^.;%\d]{0,40}$/iu);

/** A benchmark named before a percent: "Bundesdurchschnitt 29,6 %", "moyenne nationale de", "recomendada por la OMS (". */
export const BENCHMARK_BEFORE = lazyWords(() => new RegExp(String.raw`\b${anyLanguage('benchmarksBefore')}(?![\p{L}])[^.;%\d]{0,30}$`, 'iu'));
/**
 * A benchmark after a percent, or another year after a comparison: "7,9 % bundesweit", "10 % del año
 * anterior", "(contre 55 % en 2015)", "frente al 10 % en 2019".
 */
export const BENCHMARK_AFTER = lazyWords(() => new RegExp(String.raw`^\s*\)?\s*${anyLanguage('benchmarksAfter')}(?![\p{L}\d])`, 'iu'));
/** A comparison just before a percent: "contre", "frente al", "gegenüber", "compared with", "vs." */
export const COMPARED_BEFORE = lazyWords(() => /\b(?:contre|frente\s+al?|comparado\s+con|en\s+comparación\s+con|gegenüber|verglichen\s+mit|im\s+Vergleich\s+zu|compared\s+(?:with|to)|versus|vs\.?)\s*(?:(?:el|le|la|les|los|the|den|dem)\s+)?$/iu);
