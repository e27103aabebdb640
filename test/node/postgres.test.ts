// The count SQL on a real PostgreSQL: a generated cohort loaded with COPY, counted through node-postgres,
// gives the streaming reader's counts. In CI (CI=true) a server that cannot start fails the test.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { countCohortCsv } from '../../src/node/csv.js';
import { countWithPostgres } from '../../src/node/postgres.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import { forEachCell, type CountTable } from '../../src/stats/count-table.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';

const cells = (t: CountTable) => {
  const out: string[] = [];
  forEachCell(t, (...c) => out.push(c.join('|')));
  return out.sort();
};

let server: PostgresServer | undefined;
let unavailable: string | undefined;
let client: pg.Client | undefined;

beforeAll(async () => {
  const started = startPostgres();
  if ('unavailable' in started) {
    unavailable = started.unavailable;
    return;
  }
  server = started;
  client = new pg.Client({ host: server.dir, port: server.port, user: server.user, database: 'postgres' });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  server?.stop();
});

/** The server, or (outside CI) a skipped test; in CI a server that could not start is a failure. */
function needServer(skip: () => void): { server: PostgresServer; client: pg.Client } {
  if (server && client) return { server, client };
  if (process.env.CI === 'true') throw new Error(`the PostgreSQL test must run in CI: ${unavailable}`);
  console.warn(`skipping the PostgreSQL test: ${unavailable}`);
  skip();
  throw new Error('unreachable');
}

describe('countWithPostgres', () => {
  it('counts a cohort loaded with COPY exactly as the streaming reader does', async (context) => {
    const { server, client } = needServer(() => context.skip());
    const types = ['spastic', 'Mixed', 'athetoid', 'dyskinetic', 'other', ' Spastic ', 'spastik', ''];
    const outcomes = ['improved', 'unchanged', 'worsened', 'unknown', 'Improved', 'improvd'];
    const lines = ['id,type,year,outcome'];
    for (let i = 0; i < 30_000; i++) lines.push(`${i},${types[(i * 7) % types.length]},${i % 997 === 0 ? '20O5' : 2004 + (i % 11)},${outcomes[(i * 5) % outcomes.length]}`);
    const path = join(server.dir, 'cohort.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);

    await client.query('CREATE TABLE cohort (id text, type text, year text, outcome text)');
    await client.query(`COPY cohort FROM '${path}' WITH (FORMAT csv, HEADER true)`);
    const counted = await countWithPostgres(client, 'cohort', { cohort: cerebralPalsyCohort });
    const streamed = await countCohortCsv(path, { cohort: cerebralPalsyCohort, mode: 'lenient' });

    expect(cells(counted.table)).toEqual(cells(streamed.table));
    expect(counted.table.total).toBe(streamed.table.total);
    expect(counted.rejected.reduce((n, g) => n + g.count, 0)).toBe(streamed.rejectedCount);
    expect(counted.rejected.find((g) => g.group.type === 'spastik')?.issues[0]?.suggestion).toBe('spastic');
    expect(counted.sql).toBe('SELECT "type" AS type, "year" AS year, "outcome" AS outcome, COUNT(*) AS count FROM "cohort" GROUP BY 1, 2, 3');
  });

  it('reads a table with other column names in a schema, and typed columns', async (context) => {
    const { client } = needServer(() => context.skip());
    await client.query('CREATE SCHEMA registry');
    await client.query('CREATE TABLE registry."CP cases" (kind text, treated integer, result text)');
    await client.query("INSERT INTO registry.\"CP cases\" VALUES ('spastic', 2005, 'improved'), ('spastic', 2005, 'improved'), ('mixed', 2006, 'unknown'), ('banana', 2006, 'improved'), (NULL, 2006, 'improved')");
    const { table, rejected } = await countWithPostgres(client, 'CP cases', { schema: 'registry', columns: { type: 'kind', year: 'treated', outcome: 'result' }, cohort: cerebralPalsyCohort });
    expect(cells(table)).toEqual(['mixed|2006|unknown|1', 'spastic|2005|improved|2']);
    expect(rejected.map((g) => [g.group.type, g.count])).toEqual(expect.arrayContaining([['banana', 1], [null, 1]]));
  });
});

describe('countWithPostgres arguments', () => {
  it('refuses a missing client or table with a typed error', async () => {
    await expect(countWithPostgres(undefined as never, 'cohort')).rejects.toThrow(InvalidArgumentError);
    await expect(countWithPostgres({ query: async () => ({ rows: [] }) }, '')).rejects.toThrow(/table name/);
  });
});
