// npm run bench            every benchmark below at full size (ingest of 10^5, 10^6 and 10^7 rows)
// npm run bench -- --quick the same at small sizes (ingest of 10^6 rows): runs in a fresh clone,
//                          making the data files in bench/data/ when they are missing
// Each runner prints its own table; add one by adding a line.
import { denominatorBenchmark } from './denominators.js';
import { ingestBenchmark } from './ingest.js';
import { rejectsBenchmark } from './rejects.js';
import { startupBenchmark } from './startup.js';
import { tableOneBenchmark } from './table-one.js';
import { threadsBenchmark } from './threads.js';

const quick = process.argv.includes('--quick');
await import('./in-memory.js');
denominatorBenchmark(quick ? 1_000_000 : 10_000_000, quick ? 100_000 : 1_000_000);
await import('./extract.js');
await ingestBenchmark(quick ? [1_000_000] : [100_000, 1_000_000, 10_000_000]);
await threadsBenchmark(quick ? 1_000_000 : 10_000_000, quick ? 3 : 5);
await rejectsBenchmark(quick ? 1_000_000 : 10_000_000);
await tableOneBenchmark(quick ? [1_000_000] : [10_000_000]);
startupBenchmark(quick ? 5 : 15);
