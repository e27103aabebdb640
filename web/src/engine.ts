// The library's heavy half (the page readers, the extractor, the audit, YAML, CSV, the report),
// loaded on the first text, file or download rather than with the page, so the page itself opens
// with the calculators' few kilobytes.
export { stringify as yamlStringify } from 'yaml';
export { composeReport } from '../../src/report/compose-report.js';
export { claimsFromFile, claimsFromPage, runAudit } from './pipeline.js';
export { readRecordsCsv } from './records.js';
export { REFERENCES } from './references.js';
