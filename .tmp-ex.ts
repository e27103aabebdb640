import { extractClaims } from './src/extract/extract-claims.ts';
const t = "Since 2004 ... till the end of 2014, we have treated 4278 patients with cerebral palsy, including 2324 spastic (54.32%), 1341 mixed (31.34%), 501 athetoid (11.71%) and 112 other types (2.62%). The total improvement rate is 96%.";
console.log(JSON.stringify(extractClaims(t), null, 1));
const t2 = "Since 2004 ... till the end of 2014, we have treated 4278 patients, including 2324 patients with spastic type (54.32%), 1341 patients with mixed type (31.34%), 501 patients with athetoid type (11.71%) and 112 patients with other types (2.62%). The total improvement rate is 96%.";
const e = extractClaims(t2); console.log(e.claims.map(c => [c.id, c.numerator, c.denominator, c.percent, c.denominatorAssumed]), e.partitions, e.unresolved);
