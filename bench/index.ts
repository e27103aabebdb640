// npm run bench            in-memory statistics, claims from prose, then ingest of 10^5, 10^6 and 10^7 rows
// npm run bench -- --quick in-memory statistics, then ingest of 10^6 rows only (the README figure)
// Both end with the start-up CPU of the entries and the CLI (bench/startup.ts).
import { denominatorBenchmark } from './denominators.js';
import { ingestBenchmark } from './ingest.js';
import { startupBenchmark } from './startup.js';

const quick = process.argv.includes('--quick');
await import('./in-memory.js');
denominatorBenchmark(quick ? 1_000_000 : 10_000_000, quick ? 100_000 : 1_000_000);
await import('./extract.js');
await ingestBenchmark(quick ? [1_000_000] : [100_000, 1_000_000, 10_000_000]);
startupBenchmark(quick ? 5 : 15);
