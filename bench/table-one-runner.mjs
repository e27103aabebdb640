// One count in a fresh process: node bench/table-one-runner.mjs <file>. Prints { rows, ms, cpuMs, maxRssMB }.
// The cohort is the sample's (cerebral palsy types, 2004-2014, its four measures), for both files.
import { countCohortCsv, sampleCohortDefinition } from '../dist/node/index.js';

const [file] = process.argv.slice(2);
const cpu0 = process.cpuUsage();
const start = performance.now();
const { rows, table } = await countCohortCsv(file, { cohort: sampleCohortDefinition });
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpu0);
if (file.includes('measures') && table.measures === undefined) throw new Error('no measures counted');
console.log(JSON.stringify({ rows, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
