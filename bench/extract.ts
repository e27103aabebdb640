// Claims from prose: one 1 MB page against eight 128 KB pages (the same text in total), and a
// 10 MB page with its memory, to show the extraction is linear (part of npm run bench).
import { readFileSync } from 'node:fs';
import { extractClaims } from '../src/index.js';
import { report, time } from './harness.js';

const seed = JSON.parse(readFileSync(new URL('../data/seed-claims.json', import.meta.url), 'utf8')) as { source: { quote: string } };
// a page mixing the phrasings the extractor reads and the figures it must leave alone
const paragraphs = [
  seed.source.quote,
  'Of 212 children enrolled, 164 (77.4%) had spastic cerebral palsy (p < 0.05; 95% CI 70–83%). Median follow-up was 24 months (IQR 18–36).',
  'Von den 569 Patienten hatten 86 (15,1 %) eine Komplikation; 4.278 Patienten wurden zwischen 2010 und 2020 behandelt.',
  'A total of 163 women were included. The overall rate of complete response was 80% (130/163); 20.2% of cases (33/163) switched treatment.',
  'In the 167 children born in 1991–1998, the GMFCS level was I in 14%, II in 34%, III in 10%, IV in 25% and V in 17%.',
];
const page = (bytes: number) => {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    out.push(p);
    size += p.length + 2;
  }
  return out.join('\n\n');
};

const KB = 1024;
const small = Array.from({ length: 8 }, () => page(128 * KB));
const large = page(1024 * KB);
const eight = time('baseline: eight 128 KB pages', () => small.map((p) => extractClaims(p)), 5);
const one = time('one 1 MB page', () => extractClaims(large), 5);
report('extractClaims: one 1 MB page against eight 128 KB pages (linear time is a ratio near 1)', eight, [one]);

// CPU time as well: on a shared machine the wall clock also counts other people's work
const cpuSeconds = (fn: () => unknown) => {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuEight = median([0, 1, 2].map(() => cpuSeconds(() => small.map((p) => extractClaims(p)))));
const cpuOne = median([0, 1, 2].map(() => cpuSeconds(() => extractClaims(large))));
console.log(`  CPU time: eight 128 KB pages ${cpuEight.toFixed(2)} s, one 1 MB page ${cpuOne.toFixed(2)} s, ratio ${(cpuOne / cpuEight).toFixed(2)}`);

const huge = page(10 * 1024 * KB);
const before = process.memoryUsage().heapUsed;
const t0 = performance.now();
const c0 = process.cpuUsage();
const { claims } = extractClaims(huge);
const c1 = process.cpuUsage(c0);
const seconds = (performance.now() - t0) / 1000;
const heapMB = (process.memoryUsage().heapUsed - before) / (1024 * 1024);
console.log(
  `  10 MB page: ${seconds.toFixed(1)} s (${((c1.user + c1.system) / 1e6).toFixed(1)} s of CPU), ${claims.length.toLocaleString('en')} claims, heap growth ${heapMB.toFixed(0)} MB ` +
    `(${((heapMB * 1024 * 1024) / claims.length).toFixed(0)} bytes a claim: the claims themselves; the text is read sentence by sentence)`,
);

// real prose is far less dense in figures than the page above: the real-passage corpus, repeated to 10 MB
const passages = (['en', 'de', 'fr', 'es'] as const).flatMap(
  (lang) => (JSON.parse(readFileSync(new URL(`../test/extract/corpus/${lang}.json`, import.meta.url), 'utf8')) as { text: string }[]).map((p) => p.text),
);
const realParts: string[] = [];
for (let size = 0, i = 0; size < 10 * 1024 * KB; i++) {
  const p = passages[i % passages.length]!;
  realParts.push(p);
  size += p.length + 2;
}
const real = realParts.join('\n\n');
const r0 = performance.now();
const rc = process.cpuUsage();
const realClaims = extractClaims(real, { locale: 'auto' }).claims.length;
const rcpu = process.cpuUsage(rc);
console.log(`  10 MB of real passages (the corpus repeated): ${((performance.now() - r0) / 1000).toFixed(1)} s (${((rcpu.user + rcpu.system) / 1e6).toFixed(1)} s of CPU), ${realClaims.toLocaleString('en')} claims`);
