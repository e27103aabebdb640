// Sentences in the styles of abstracts, registry reports and press releases, written for these
// tests, each with the claims a careful reader would extract. Negative cases must yield nothing.
export interface Expected {
  numerator?: number;
  denominator: number;
  percent?: string;
  measure?: 'improvement';
}

export const CORPUS: { text: string; expected: Expected[]; decimalComma?: boolean }[] = [
  // abstracts
  { text: 'Of 212 children enrolled, 164 (77.4%) had spastic cerebral palsy.', expected: [{ numerator: 164, denominator: 212, percent: '77.4' }] },
  { text: 'Seizures occurred in 18 of 120 patients (15.0%).', expected: [{ numerator: 18, denominator: 120, percent: '15.0' }] },
  { text: 'Adverse events were reported in 9/86 (10.5%) participants.', expected: [{ numerator: 9, denominator: 86, percent: '10.5' }] },
  { text: 'The primary outcome was met in 41.2% (35/85) of the intervention group.', expected: [{ numerator: 35, denominator: 85, percent: '41.2' }] },
  { text: 'A total of 1,032 infants were screened, including 611 boys (59.2%) and 421 girls (40.8%).', expected: [{ numerator: 611, denominator: 1032, percent: '59.2' }, { numerator: 421, denominator: 1032, percent: '40.8' }] },
  { text: 'Follow-up was complete for 288/300 participants.', expected: [{ numerator: 288, denominator: 300 }] },
  { text: 'We analysed 540 cases; 97 (18.0%) were dyskinetic.', expected: [{ numerator: 97, denominator: 540, percent: '18.0' }] },
  { text: 'The response rate was 62% (n = 150).', expected: [{ denominator: 150, percent: '62', measure: 'improvement' }] },
  { text: 'Among 75 adults, 12 (16%) reported pain at baseline.', expected: [{ numerator: 12, denominator: 75, percent: '16' }] },
  { text: 'Mortality was 4.1% of 2,440 admissions.', expected: [{ denominator: 2440, percent: '4.1' }] },
  { text: 'In total 64 of 80 (80%) completed the protocol.', expected: [{ numerator: 64, denominator: 80, percent: '80' }] },
  { text: 'ORR was 48.9%: CR 15/45 (33.3%); PR 7/45 (15.6%).', expected: [{ denominator: 45, percent: '48.9' }, { numerator: 15, denominator: 45, percent: '33.3' }, { numerator: 7, denominator: 45, percent: '15.6' }] },
  { text: 'We included 3028 children (57% boys; median age 7 years).', expected: [{ denominator: 3028, percent: '57' }] },
  { text: 'We treated 63 patients. Toxicity was seen in about 18% of patients with anemia (7%) and infection (13%).', expected: [] },
  { text: 'We studied 77 patients in two groups. La mortalidad fue del 6,8 % (grupo A) y 9,1 % (grupo B).', expected: [], decimalComma: true },
  { text: 'Among 120 patients, the seizure-free rate was 58% in the surgical group and 8% in the group treated medically.', expected: [] },
  { text: 'Of 77 patients, 20.5% and 23.3% in groups A and B, respectively, had complications.', expected: [] },
  { text: 'Of the 212 children, 77% of the cohort had spastic CP.', expected: [{ denominator: 212, percent: '77' }] },
  // registry reports
  { text: 'The registry identified 9 128 children with cerebral palsy, including 4 920 bilateral spastic (53.9%) and 2 830 unilateral spastic (31.0%).', expected: [{ numerator: 4920, denominator: 9128, percent: '53.9' }, { numerator: 2830, denominator: 9128, percent: '31.0' }] },
  { text: 'Of the 1 250 registered cases, 300 (24%) were ataxic.', expected: [{ numerator: 300, denominator: 1250, percent: '24' }] },
  { text: 'Von 420 Kindern hatten 105 (25,0 %) eine dyskinetische Form.', expected: [{ numerator: 105, denominator: 420, percent: '25.0' }], decimalComma: true },
  { text: 'Sur 1.200 enfants, 540 (45,0 %) présentaient une forme spastique.', expected: [{ numerator: 540, denominator: 1200, percent: '45.0' }], decimalComma: true },
  { text: 'Gross motor function improved in 130 of 160 children (81.3%).', expected: [{ numerator: 130, denominator: 160, percent: '81.3' }] },
  { text: 'Data were available for 3,400 of 3,512 records.', expected: [{ numerator: 3400, denominator: 3512 }] },
  { text: 'Hip surveillance reached 88.5 per cent of 610 eligible children.', expected: [{ denominator: 610, percent: '88.5' }] },
  // press releases
  { text: 'Since 2004, our centre has treated 4,278 patients, including 2,324 with spastic type (54.32%) and 1,954 with other types (45.68%).', expected: [{ numerator: 2324, denominator: 4278, percent: '54.32' }, { numerator: 1954, denominator: 4278, percent: '45.68' }] },
  { text: 'We have treated 1500 patients. The total improvement rate is 92%.', expected: [{ denominator: 1500, percent: '92', measure: 'improvement' }] },
  { text: 'The clinic treated 860 children in 2019, of whom 430 (50%) had mixed type and 430 (50%) spastic type.', expected: [{ numerator: 430, denominator: 860, percent: '50' }, { numerator: 430, denominator: 860, percent: '50' }] },
  { text: 'An effectiveness rate of 97.5% was achieved among 400 patients.', expected: [{ denominator: 400, percent: '97.5', measure: 'improvement' }] },
  { text: 'Our success rate is 98%!', expected: [] },
  // must yield nothing
  { text: 'Patients aged 3 to 12 years were eligible between 2010 and 2014.', expected: [] },
  { text: 'The difference was significant (p < 0.05; 95% CI 1.2–3.4).', expected: [] },
  { text: 'Botulinum toxin was given at 10 U/kg, up to 400 U per session.', expected: [] },
  { text: 'Children received 5 mg/kg daily for 12 weeks.', expected: [] },
  { text: 'The study ran from March 2015 to June 2017 at 12 sites [14].', expected: [] },
  { text: 'Mean GMFM score rose by 4.5 points (95% confidence interval 2.1 to 6.9).', expected: [] },
  { text: 'In 2019 the service opened its second site.', expected: [] },
  { text: 'The odds ratio was 1.8 (p = 0.03).', expected: [] },
  { text: 'Median follow-up was 24 months (IQR 18–36).', expected: [] },
];
