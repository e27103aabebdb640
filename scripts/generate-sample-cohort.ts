// Writes data/sample-cohort.csv and data/sample-cohort.json. Run: npx tsx scripts/generate-sample-cohort.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSampleCohort, toCsv, toJson } from './sample-cohort.js';

const records = generateSampleCohort();
const data = (name: string) => fileURLToPath(new URL(`../data/${name}`, import.meta.url));
writeFileSync(data('sample-cohort.csv'), toCsv(records));
writeFileSync(data('sample-cohort.json'), toJson(records));
console.log(`wrote ${records.length} synthetic records to data/sample-cohort.csv and data/sample-cohort.json`);
