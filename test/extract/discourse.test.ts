import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { resolveShare, Scope, type Group } from '../../src/extract/discourse.js';
import type { ShareMention } from '../../src/extract/grammar.js';
import type { NumberToken } from '../../src/extract/tokens.js';

// Sentences written for these tests: which group a bare percent of a later sentence is tied to.
const keys = (text: string) => extractClaims(text).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`);
const reasons = (text: string) => extractClaims(text).unresolved.map((u) => `${u.text}: ${u.reason}`);

describe('the groups a share of a later sentence can be of', () => {
  it('does not tie a bare percent to a count of an earlier sentence that merely fits it', () => {
    const text = 'We treated 120 patients. Of them, 53 were operated on. 11.3% had a wound infection.';
    expect(keys(text)).not.toContain('-/53/11.3');
    expect(reasons(text).join('\n')).toMatch(/11\.3%/);
  });

  it('leaves a bare percent unresolved three sentences after its total when the text has counted three groups since, unless its words name the whole', () => {
    const opening = 'We operated on 806 patients. Of these, 120 had a second operation. Drains were used in 60 and antibiotics in 95. ';
    const text = opening + 'Follow-up lasted one year. Wound infection was seen in 4.3%.';
    expect(keys(text)).not.toContain('-/806/4.3');
    expect(reasons(text).join('\n')).toMatch(/4\.3%: 4\.3% fits the 806 stated 4 sentences before, but the text has counted 3 groups since/);
    expect(keys(opening + 'Follow-up lasted one year. Wound infection was seen in 4.3% of patients.')).toContain('-/806/4.3');
    // two sentences on, or with fewer groups counted since, the total is still the group
    expect(keys('We operated on 806 patients. Of these, 120 had a second operation. Wound infection was seen in 4.3%.')).toContain('-/806/4.3');
  });

  it('does not tie a bare percent to a count of its own sentence that merely fits it, when no total is in reach', () => {
    const text = 'Including 9 with surgery, 44.4% had radiotherapy.';
    expect(keys(text)).toEqual([]);
    expect(reasons(text)).toEqual(['44.4%: a percent with no total in reach']);
  });

  it('still ties a count with its percent to a count of an earlier sentence that it fits', () => {
    expect(keys('We treated 120 patients. 53 were operated on. Six (11.3%) had a wound infection.')).toContain('6/53/11.3');
  });

  it('takes a number stated as a group size by its verb for a total, whatever it counts', () => {
    expect(keys('We registered 4,000 cardiac arrests. In all, 12.4% survived to discharge.')).toEqual(['-/4000/12.4']);
    expect(keys('A total of 806 laparoscopic procedures were evaluated. Overall, 2.1% had a complication.')).toEqual(['-/806/2.1']);
    expect(keys('A total of 144 surgeons from 10 different centres returned the survey. They found it simple (92%) and useful (90%).')).toEqual(['-/144/92', '-/144/90']);
  });

  it('does not take the articles a review counts for the group its percents are of', () => {
    expect(keys('A total of 79 articles were reviewed. The prevalence of hip displacement was 33% in pooled studies.')).toEqual([]);
  });

  it('reads "X% of these" as of the count of the sentence just before, and down a run of such shares', () => {
    const text = 'The receptionists recorded 100 queries.\n\n29% of these were about medication.\n\n46% of these were to make an appointment.';
    expect(extractClaims(text).claims.map((c) => [c.denominator, c.percent, c.denominatorSource])).toEqual([
      [100, '29', 'earlier-sentence'],
      [100, '46', 'earlier-sentence'],
    ]);
  });

  it('takes "of them" after a share for that share\'s group when the percents of the sentence add up to 100 (they split it)', () => {
    const text = 'The sample included 120 women. 70% of the patients had a vaginal approach, 10% of them an abdominal one and 20% of them a laparoscopic one.';
    expect(keys(text)).toEqual(['-/120/70', '-/120/10', '-/120/20']);
    expect(extractClaims(text).partitions.map((p) => `${p.total}:${p.parts.length}`)).toEqual(['120:3']);
    // percents that do not add up to 100 leave "of them" the subgroup of the share before it
    expect(keys('We enrolled 81 men. Before surgery, 54.3% of patients had a catheter, removed in 75% of them.')).toEqual(['-/81/54.3']);
  });

  it('leaves "X% of these" unresolved when a sentence without the count stands between', () => {
    const text = 'The receptionists recorded 100 queries. The audit ran for a week.\n\n29% of these were about medication.';
    expect(keys(text)).toEqual([]);
    expect(reasons(text).join('\n')).toMatch(/29%: a share of a subgroup/);
  });

  it('keeps shares the sentence gives as of its opening whole when their percents add up to 100 but do not fit it, saying so', () => {
    const out = extractClaims('Of the 100 women enrolled, 42 (49.4%) were resistant and 43 (50.6%) were sensitive, and 15 dropped out.');
    expect(out.claims.map((c) => [c.numerator, c.denominator, c.percent])).toEqual([
      [42, 100, '49.4'],
      [43, 100, '50.6'],
    ]);
    expect(out.claims[0]!.denominatorNote).toMatch(/42\/100 does not give 49\.4%/);
    // percents of each level, adding up to no whole, stay unresolved
    expect(keys('Of the 300 children, 10 (3%) were at level I, 40 (13%) at level II and 53 (43%) at level III.')).toEqual([]);
  });

  it('gives "X% and Y%, respectively" the groups just listed, in order, when there are as many', () => {
    const text = 'We enrolled 200 patients (100 surgical, 100 medical). Complications occurred in 12% and 8%, respectively.';
    expect(keys(text)).toEqual(['100/200/-', '100/200/-', '-/100/12', '-/100/8']);
    expect(extractClaims(text).claims[2]!.denominatorNote).toMatch(/respectively/);
    // a percent that is no possible share of the group "respectively" gives it says the groups were other ones
    const other = 'We enrolled 200 patients (130 surgical, 70 medical). Complications occurred in 12.5% and 8.3%, respectively.';
    expect(keys(other)).toEqual(['130/200/-', '70/200/-']);
    expect(reasons(other).join('\n')).toMatch(/12\.5%: "respectively" would give 12\.5% to the 130 listed 1 of 2 groups before it, of which it is no possible share/);
    // two measures of the one group listed with "respectively" stay shares of it
    expect(keys('We recorded 72 patients. ICU and hospital mortality rates were 15 and 25% respectively.')).toEqual(['-/72/15', '-/72/25']);
  });

  it('gives rates closed by "respectively" their groups, never the cohort: the parts listed before, else the groups sized "(n = X)" just before', () => {
    expect(keys('Of 200 patients, 120 had surgery and 80 had medication. Success rates were 75% and 60%, respectively.')).toEqual(['120/200/-', '80/200/-', '-/120/75', '-/80/60']);
    const named = extractClaims('Groups A (n=120) and B (n=80) had success rates of 75% and 60%, respectively.');
    expect(named.claims.map((c) => [c.denominator, c.percent, c.denominatorSource])).toEqual([[120, '75', 'same-sentence'], [80, '60', 'same-sentence']]);
    // groups whose sizes are not printed, or that the rates do not fit: unresolved, not an assumed rate of the cohort
    expect(keys('We treated 300 patients. The surgery and medication groups had success rates of 75% and 60%, respectively.')).toEqual([]);
    expect(keys('Groups A (n=120) and B (n=80) had success rates of 75.3% and 60.1%, respectively.')).toEqual([]);
  });

  it('leaves a share of the subgroup a bare percent describes unresolved ("18%, of whom 40%"), and rates among completers', () => {
    expect(keys('The cohort comprised 1,000 adults. Diabetes was present in 18%, of whom 40% were on insulin.')).toEqual(['-/1000/18']);
    expect(keys('Of 80 patients, 60 (75%) completed treatment. The response rate among completers was 70%.')).toEqual(['60/80/75']);
    // a share after a bracket that describes the count is of the count
    expect(keys('We included 3028 children (57% boys; median age 7 years) of whom 26% received BTX-A.')).toEqual(['-/3028/57', '-/3028/26']);
  });
});

const total = (value: number, start: number, sentence = 0): Group => ({ value, approximate: false, start, end: start + String(value).length, sentence, block: 0, kind: 'total' });
const percent = (value: number, decimals: number, start: number): NumberToken => ({ start, end: start + 5, value, digits: value.toFixed(decimals), decimals, percent: true, word: false, weak: false });
const bare = (p: NumberToken): ShareMention => ({ kind: 'share', percent: p, start: p.start, end: p.end, improvement: false, anaphor: false, partCue: false, label: '', ofThem: false, denominatorIsGroup: false });

describe('resolveShare', () => {
  // "372 historias clínicas del total de 9959 hospitalizaciones ... cardiovasculares 9,67 por ciento"
  it('does not re-target a bare percent to a total that nearly every percent of its precision fits', () => {
    const scope = new Scope();
    scope.addTotal(total(9959, 0));
    scope.addTotal(total(372, 10));
    const r = resolveShare(bare(percent(9.67, 2, 100)), scope, 1);
    expect(r).toMatchObject({ ok: true, denominator: 372, fit: 'near' });
  });

  it('still re-targets to a total whose exact fit is evidence (few percents of that precision are possible for it)', () => {
    const scope = new Scope();
    scope.addTotal(total(48, 0));
    scope.addTotal(total(372, 10));
    // 25.0% is 12/48 exactly; of 372 it would be 93/372 = 25.0 too: both fit, the nearest is taken
    expect(resolveShare(bare(percent(25, 1, 100)), scope, 1)).toMatchObject({ ok: true, denominator: 372, fit: 'exact' });
    // 62.5% is 30/48; of 372 the nearest is 233/372 = 62.63: the small total is evidence
    expect(resolveShare(bare(percent(62.5, 1, 100)), scope, 1)).toMatchObject({ ok: true, denominator: 48, fit: 'exact' });
  });

  it('takes a bracket after a percent\'s clause that names its group ("(in 440 cases)") for its denominator, for it alone', () => {
    const text = 'A total of 806 procedures were evaluated. Overall, 0.7% had procedural complications (in 440 nondiagnostic cases). Bladder injury occurred in 0.2%.';
    expect(keys(text)).toEqual(['-/440/0.7', '-/806/0.2']);
    expect(keys('We treated 806 patients. Infection occurred in 3.2% (of 440 operated patients).')).toEqual(['-/440/3.2']);
    // a bracket that names no group leaves the percent to the total
    expect(keys('We treated 120 patients. 45% (in the first year) improved.')).toEqual(['-/120/45']);
  });
});


describe('a percent that restates the ratio or count just before it', () => {
  const keysDe = (text: string) => extractClaims(text, { locale: 'de' }).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`);
  it('gives a ratio the percent of the next sentence when the ratio gives that percent exactly ("Das entspricht ...")', () => {
    expect(keysDe('Die Ärzte nahmen bei 1.985 von insgesamt 6.781 Geburten einen Kaiserschnitt vor. Das entspricht einem Anteil von 29,3 Prozent.')).toEqual(['1985/6781/29.3']);
    expect(keys('Surgeons operated on 45 of 120 patients. This corresponds to 37.5%.')).toEqual(['45/120/37.5']);
    // a percent the ratio does not give is no restatement of it
    expect(keys('Surgeons operated on 45 of 120 patients. Of the others, 20% died.')).not.toContain('45/120/20');
  });

  it('takes the count stated after a total in the sentence before for the numerator of a percent it gives exactly', () => {
    expect(keysDe('In Bremen wurden von 9.750 Kindern 2.920 per Kaiserschnitt geboren. Damit lag die Rate dort bei 29,9 Prozent.')).toEqual(['2920/9750/29.9']);
    // a count that does not give the percent leaves it a bare share of the total
    expect(keysDe('In Bremen wurden von 9.750 Kindern 2.920 per Kaiserschnitt geboren. Damit lag die Rate dort bei 31,2 Prozent.')).toEqual(['-/9750/31.2']);
  });
});

describe('an article read as one, and a count that comes before its group', () => {
  it('reads an article before a bracketed percent as one only when one of some group can give it', () => {
    const keysEs = (text: string) => extractClaims(text, { locale: 'es' }).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`);
    expect(keysEs('El universo lo constituyeron 34 pacientes. Hubo un predominio de accidentes de tránsito (91,2%).')).toEqual(['-/34/91.2']);
    expect(keysEs('El universo lo constituyeron 34 pacientes. Se observó una complicación (2,9%).')).toEqual(['1/34/2.9']);
  });

  it('takes the one count of the sentence before that gives the percent of another count there ("acht Menschen … 70 dieser Eingriffe")', () => {
    const keysDe = (text: string) => extractClaims(text, { locale: 'de' }).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`);
    expect(keysDe('Bei 262 Eingriffen starben acht Menschen. Im Kantonsspital starben ebenfalls acht Menschen, obschon das Spital bloss 70 dieser Eingriffe vornahm. Das entspricht einer Sterberate von 11 Prozent.')).toEqual(['8/70/11']);
    // a sentence holding other figures is no restatement
    expect(keysDe('Bei 262 Eingriffen starben acht Menschen. Im Kantonsspital starben ebenfalls acht Menschen, obschon das Spital bloss 70 dieser Eingriffe vornahm. Die Sterberate lag bei 11 Prozent, die Komplikationsrate bei 20 Prozent.')).not.toContain('8/70/11');
  });
});
