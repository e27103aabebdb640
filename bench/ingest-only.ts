// npx tsx bench/ingest-only.ts 10000000 — the ingest table for one size (or several, comma-separated), alone.
import { ingestBenchmark } from './ingest.js';

await ingestBenchmark((process.argv[2] ?? '10000000').split(',').map(Number));
