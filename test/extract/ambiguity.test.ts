import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';

// Sentences written for these tests: a bare percent in a later sentence that more than one group fits.
const keys = (text: string) => extractClaims(text).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`);
const reasons = (text: string) => extractClaims(text).unresolved.map((u) => `${u.text}: ${u.reason}`);

describe('ambiguous ties of a bare percent', () => {
  it('leaves a percent unresolved when a smaller group named since the total fits it too', () => {
    const text = 'We registered 4,000 cardiac arrests. 500 of those 4,000 were witnessed by bystanders. 12.4% survived to discharge.';
    expect(keys(text)).toEqual(['500/4000/-']);
    expect(reasons(text).join('\n')).toMatch(/12\.4%: 12\.4% fits both the (?:500 and the 4000 it is a part of|4000 stated earlier and the 500 named after it)/);
  });

  it('still ties it to the total when the smaller group cannot give the percent', () => {
    expect(keys('We registered 4,000 cardiac arrests. 7 of those 4,000 were witnessed by bystanders. 12.4% survived to discharge.')).toEqual(['7/4000/-', '-/4000/12.4']);
  });

  it('takes a part its sentence singles out ("91 (18.2%) underwent surgery") for a group the next sentences may be of', () => {
    const text = 'We enrolled 500 patients. In all, 91 (18.2%) underwent surgery. Wound infection was seen in 19.8%.';
    expect(keys(text)).toEqual(['91/500/18.2']);
    expect(reasons(text).join('\n')).toMatch(/19\.8%: 19\.8% fits both the 500 stated earlier and the 91 named after it/);
    // parts listed together split the whole: a later percent is still of the total
    expect(keys('We enrolled 500 patients. In all, 90 (18.0%) had surgery and 410 (82.0%) did not. Wound infection was seen in 20.0%.')).toContain('-/500/20.0');
  });

  it('leaves a percent unresolved when a part printed with its share in the same sentence or the one before fits it as well as the total', () => {
    // "68 (17.2%) thought they had taken vitamins (79.4% were correct)": the percent after the part may be of the part
    const same = 'We surveyed 395 participants. In all, 68 (17.2%) thought they had taken vitamins (79.4% were correct).';
    expect(keys(same)).toEqual(['68/395/17.2']);
    expect(reasons(same).join('\n')).toMatch(/79\.4%: 79\.4% fits both the 395 stated earlier and the 68 named after it/);
    const before = 'Of the 742 patients enrolled, 250 (33.7%) were women. A good outcome was reported in 61.2%.';
    expect(keys(before)).toEqual(['250/742/33.7']);
    expect(reasons(before).join('\n')).toMatch(/61\.2%: 61\.2% fits both the 742 stated earlier and the 250 named after it/);
    // a part that nearly every percent of its precision fits says nothing ("97%" of 3071 or of 4990)
    expect(keys('We saw 4990 new cases. Of these, 3071 (61.5%) were women and 359 (7.2%) were under 17. Histology was verified in 97%.')).toContain('-/4990/97');
    // parts that split the whole in the sentence before leave the whole as what the next sentence speaks of
    expect(keys('We enrolled 90 patients. Of them, 72 (80.0%) were treated after 2009 and 18 (20.0%) before. Most were men (66.7%).')).toContain('-/90/66.7');
    // a part two sentences back is no longer the group a reader would take the percent for
    expect(keys('We enrolled 90 patients. Of them, 30 (33.3%) had surgery and 20 (22.2%) radiotherapy. The median stay was 6 days. Most were men (66.7%).')).toContain('-/90/66.7');
  });

  it('leaves the percents of groups compared against each other unresolved: "X vs. Y%", a p-value in their bracket, "for A and ... for B"', () => {
    const total = 'A total of 26,475 patients were treated. ';
    expect(keys(total + 'Intracerebral hemorrhage (4.1 vs. 3.2%, P < 0.001) and in-hospital mortality (2.55 vs. 1.83%, P < 0.001) were higher in women.')).toEqual([]);
    expect(keys(total + 'Eligibility was similar by sex (6.8% men and 6.1% women; P=0.55), even after adjusting for age (7.0% and 5.9%; P=0.32).')).toEqual([]);
    expect(reasons(total + 'Eligibility was similar (7.0% and 5.9%; P=0.32).').join('\n')).toMatch(/7\.0%: a rate of one of the groups a test compares/);
    expect(keys(total + 'Xa inhibitors had the lowest complication rate at 14% compared to 20% for enoxaparin and 20.7% for warfarin.')).toEqual([]);
    // one group split in two by the same words is still a share of the total
    expect(keys(total + 'Of them, 52% were treated for stroke and 48% for bleeding.')).toEqual(['-/26475/52', '-/26475/48']);
  });

  it('leaves a later percent unresolved between two totals of different things stated in one phrase, unless its words name one', () => {
    const text = 'Data on 180 114 eyes from 127 685 patients were collected. Overall, 36.9% had ocular co-pathology.';
    expect(keys(text)).toEqual([]);
    expect(reasons(text).join('\n')).toMatch(/36\.9%: 36\.9% fits both the 127685 and the 180114 stated together earlier/);
    expect(keys('Data on 180 114 eyes from 127 685 patients were collected. Overall, 41.0% of patients had both eyes operated on.')).toEqual(['-/127685/41.0']);
    // the total its words name is the one, even when the other was stated nearer
    expect(keys('We treated 120 patients with 200 lesions. Complete response was seen in 45% of patients.')).toEqual(['-/120/45']);
    // a total narrowed in its own clause is the cohort later percents are of
    expect(keys('We collected data on 10042 children; 9012 patients were eligible. Walking unaided was reported for 54%.')).toEqual(['-/9012/54']);
  });

  it('takes a percent that restates the ratio before it ("12 of the 40 patients followed up (30%)", "a rate of 6.4%") for its share, not for a second claim of the total', () => {
    expect(keys('Surgery was needed in 12 of the 40 patients who were followed up for more than one year (30%).')).toEqual(['12/40/30']);
    expect(keys('In all, 179 of 2,796 patients were treated, a rate of 6.4%.')).toEqual(['179/2796/6.4']);
    expect(keys('Surgery was needed in 12 of 40 patients, representing 30%.')).toEqual(['12/40/30']);
    // a percent of its own clause is not merged
    expect(keys('Surgery was needed in 12 of 40 patients; 30% had pain.')).toEqual(['12/40/-', '-/40/30']);
  });

  it('leaves the rates of subgroups a comparison ranks ("highest for ... (75%)") unresolved', () => {
    const text = 'We analysed 5827 client records. Completion rates were highest for inpatient treatment (75%) and lowest for outpatient programs (18%).';
    expect(keys(text)).toEqual([]);
    expect(reasons(text).join('\n')).toMatch(/75%: the rate of a subgroup a comparison ranks/);
    expect(keys('We analysed 500 records. Most were women (75%).')).toEqual(['-/500/75']);
  });

  it('does not count the parts listed with their total as a group named since', () => {
    expect(keys('We included 1,032 infants (611 boys, 421 girls). In all, 12% had a seizure.')).toContain('-/1032/12');
  });

  it('leaves a percent unresolved between two groups printed side by side with their own ratios', () => {
    const text = 'A total of 806 procedures were evaluated. Access complications occurred in 9 of 396 cases (2.3%) with one technique and in 3 of 389 cases (0.8%) with the other. Grade III complications were identical (0.8%).';
    expect(keys(text)).toEqual(['9/396/2.3', '3/389/0.8']);
    expect(reasons(text).join('\n')).toMatch(/fits both the 389 and the 396 stated side by side/);
  });

  it('takes a threshold ("IQ < 50") for no group', () => {
    expect(keys('We studied 9012 children. Severe palsy, an inability to walk and an IQ < 50, was present in 20% of the children.')).toContain('-/9012/20');
    expect(extractClaims('We studied 9012 children. Severe palsy with an IQ < 50 was present in 20% of them.').claims.some((c) => c.denominator === 50)).toBe(false);
  });

  it('leaves percents that compare subgroups named after them unresolved, but not a split of one group', () => {
    const compared = 'We included 1,200 patients. Mortality at 30 days was 9.6% in women and 5.3% in men.';
    expect(keys(compared)).toEqual([]);
    expect(reasons(compared).join('\n')).toMatch(/9\.6%: a comparison of percents between subgroups/);
    expect(keys('We treated 200 children. The disease was seen in 52% in boys and 48% in girls.')).toEqual(['-/200/52', '-/200/48']);
    // subgroups the text counted before under the same noun are the groups of their percents
    expect(keys('We included 250 boys and 200 girls. Asthma was found in 12% of boys and 8.5% of girls.')).toEqual(['-/250/12', '-/200/8.5']);
    expect(keys('We included 250 boys and 200 girls. Asthma was found in 12% of boys and 8.5% of women.')).toEqual(['-/250/12']);
  });
});

describe('a percent of a subgroup the sentence narrows to', () => {
  const narrowed = [
    'We treated 300 children. In children with GMFCS level IV, 64% had hip displacement.',
    'We treated 300 children. Among those treated surgically, 40% improved.',
    'We treated 300 children. Of the children who walked, 40% improved.',
    'We treated 300 children. For patients older than 10 years, the rate was 40%.',
    'We treated 300 children. Among boys, 40% improved.',
    'We treated 300 children. 40% of the boys improved.',
  ];
  it.each(narrowed)('is unresolved, not tied to the cohort: %s', (text) => {
    expect(extractClaims(text).claims).toEqual([]);
    expect(extractClaims(text).unresolved.map((u) => u.reason).join('\n')).toMatch(/smaller group the sentence narrows to|a share of the boys|smaller group described by its members/);
  });

  it('is tied to the whole when the phrase names the whole, a time or the text', () => {
    for (const head of ['Of the children,', 'In total,', 'In 2019,', 'In our series,']) expect(keys(`We treated 300 children. ${head} 40% improved.`)).toEqual(['-/300/40']);
  });

  it('is tied to the group its noun names when the text counted it ("180 boys ... 40% of the boys")', () => {
    const e = extractClaims('We treated 300 children, 180 boys and 120 girls. 40% of the boys improved.');
    const share = e.claims.find((c) => c.percent === '40')!;
    expect(share.denominator).toBe(180);
    expect(share.denominatorNote).toMatch(/180 boys/);
  });
});

describe('percents that are no share of the counted group', () => {
  it.each([
    'We studied 200 patients. Sensitivity was 85% and specificity 90%.',
    'We enrolled 120 patients. The study had 80% power to detect a difference.',
    'We assessed 150 children. Inter-rater agreement was 92%.',
    'We studied 300 women. The positive predictive value was 76% and the accuracy 88%.',
    'We treated 400 patients. The relative risk reduction was 25%.',
  ])('yield no claim: %s', (text) => {
    expect(extractClaims(text).claims).toEqual([]);
  });

  it('leaves rates "for men" and "for women" unresolved as a comparison of subgroups', () => {
    const e = extractClaims('Of 300 patients, 45% were men. The 30-day readmission rate was 12% for men and 8% for women.');
    expect(e.claims.map((c) => c.percent)).toEqual(['45']);
    expect(e.unresolved.map((u) => u.text)).toEqual(expect.arrayContaining(['12%', '8%']));
  });
});

describe('percents compared between subgroups named with "de" and "des"', () => {
  const claims = (text: string) => extractClaims(text, { locale: 'auto' }).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`);
  it('leaves "un 69,1% de hombres ... un 15,4% de mujeres" unresolved, the sizes of the two groups unprinted', () => {
    const text = 'La muestra estaba compuesta por 120 pacientes, de las que un 32,5% eran mujeres. Un 69,1% de hombres fumaba en comparación con un 15,4% de mujeres.';
    expect(claims(text)).toEqual(['-/120/32.5']);
  });
  it('still reads outcomes named after "de" as shares of the cohort ("40 % d\'événements ..., 23 % d\'infections")', () => {
    expect(claims('Nous avons inclus 200 patients : 40 % d’événements hémorragiques, 5 % d’AVC et 23 % d’infections graves.')).toEqual(['-/200/40', '-/200/5', '-/200/23']);
    // and two halves of one group add up to it
    expect(claims('Se incluyeron 200 pacientes. El 45% de hombres y el 55% de mujeres.')).toEqual(['-/200/45', '-/200/55']);
  });
});

describe('two totals of different things stated together, in German', () => {
  it('ties each bare percent of a list to the total its sentence names ("266 Patienten mit 316 behandelten Gelenken")', () => {
    const text = 'Befragt wurden 266 Patienten mit 316 behandelten Gelenken. Die meisten der behandelten Gelenke sind mit 53 % Kniegelenke, gefolgt von Hüftgelenken mit 21 %.\n\nBild 1: Anteile der behandelten Gelenke\n\nFast alle Patienten waren über 40 Jahre alt, 26 % waren >50…60, 30 % >60…70, 25 % waren >70…80 und 11 % >80…90 Jahre alt.';
    expect(extractClaims(text, { locale: 'de' }).claims.map((c) => `${c.denominator}/${c.percent}`)).toEqual(['316/53', '316/21', '266/26', '266/30', '266/25', '266/11']);
  });
});
