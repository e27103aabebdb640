// A throwaway PostgreSQL server for tests: Debian's binaries, a cluster in a temporary directory,
// listening on a Unix socket there only (no TCP port), stopped and removed afterwards. initdb and
// postgres refuse to run as root, so as root they run as the `postgres` user the package creates.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** The directory holding the socket (pg's `host`) and the cluster; files to COPY from go here too. */
  dir: string;
  port: number;
  user: string;
  stop(): void;
}

/** The newest PostgreSQL server binaries on this machine: $PG_BIN, or Debian's /usr/lib/postgresql/<version>/bin. */
function binaries(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

function uidOf(user: string): { uid: number; gid: number } | undefined {
  try {
    return { uid: Number(execFileSync('id', ['-u', user], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', user], { encoding: 'utf8' })) };
  } catch {
    return undefined;
  }
}

/** Start a server, or say why one cannot be started here. */
export function startPostgres(): PostgresServer | { unavailable: string } {
  const bin = binaries();
  if (bin === undefined) return { unavailable: 'no PostgreSQL server binaries (install Debian\'s "postgresql" package, or set PG_BIN)' };
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? uidOf('postgres') : undefined;
  if (asRoot && owner === undefined) return { unavailable: 'running as root, and there is no "postgres" user to run the server as (initdb refuses root)' };
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  const dir = mkdtempSync(join(tmpdir(), 'to-postgres-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const port = 50_000 + (process.pid % 10_000);
  const user = 'cohort_test';
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const serverOptions = `-k ${dir} -c listen_addresses= -p ${port} -c fsync=off -c full_page_writes=off`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '120', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const e = error as { stderr?: string; message: string };
    return { unavailable: `PostgreSQL did not start: ${(e.stderr ?? '').trim() || e.message}` };
  }
  return {
    dir,
    port,
    user,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
