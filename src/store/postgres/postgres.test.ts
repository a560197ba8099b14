import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../../test/helpers/postgres.js';
import { storeContract } from '../contract.js';
import { describeDb, openStore } from '../index.js';
import { DeskBusy } from '../types.js';
import { inTransaction, openPool } from './connection.js';
import { openPostgresStore } from './index.js';
import { LOCK_NAMESPACE, migrate, MIGRATION_LOCK, MIGRATIONS } from './migrations.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

storeContract('postgres', {
  async open() {
    const url = await server.createDatabase();
    return { store: await openPostgresStore(url), second: () => openPostgresStore(url) };
  },
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('postgres store', () => {
  it('migrates a new database once when several processes open it at the same time, and keeps the data on reopening', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
    const run = await stores[0]!.beginRun({ startedAt: '2026-11-22T00:00:00.000Z', inputs: [] });
    await stores[1]!.endRun(run, 'failed', '2026-11-22T00:00:01.000Z', 'nothing read');
    for (const store of stores) await store.close();
    const reopened = await openPostgresStore(url);
    expect(await reopened.countRows('runs')).toBe(1);
    await reopened.close();
    const applied = await query<{ version: number }>(url, 'SELECT version FROM newsdesk_migrations ORDER BY version');
    expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('keeps the search index of a database made before articles were weighed when staged, and in step afterwards', async () => {
    const url = await server.createDatabase();
    // A database at schema 10, where the search vector was a generated column, holding one article.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migrate(client, 'test', { steps: MIGRATIONS.slice(0, 10), table: 'newsdesk_migrations', lock: MIGRATION_LOCK });
      const { rows } = await client.query<{ id: number }>("INSERT INTO runs (started_at, inputs, command, status) VALUES ('2026-11-22T00:00:00.000Z', '[]', 'run', 'committed') RETURNING id");
      await client.query(
        `INSERT INTO articles (id, url, title, byline, publisher, publisher_name, body, origin, first_seen_run, updated_run)
        VALUES ('old', 'https://x.example/old', 'Lighthouse keeper retires', '[]', 'x', 'X', 'The keeper served forty winters.', '{}', $1, $1)`,
        [rows[0]!.id],
      );
    } finally {
      await client.end();
    }
    const store = await openPostgresStore(url);
    expect((await store.searchArticles('winter', 10)).map((h) => h.articleId)).toEqual(['old']);
    // A later write of its text without a vector (any writer) gets one from the text it wrote.
    await query(url, "UPDATE articles SET body = 'The keeper sailed for Corran.' WHERE id = 'old'");
    expect(await store.searchArticles('winter', 10)).toEqual([]);
    expect((await store.searchArticles('Corran', 10)).map((h) => h.articleId)).toEqual(['old']);
    await store.close();
  });

  it('refuses a database whose schema is newer than this program, saying what to do, without the password', async () => {
    const url = await server.createDatabase();
    await (await openPostgresStore(url)).close();
    await query(url, 'INSERT INTO newsdesk_migrations (version) VALUES ($1)', [MIGRATIONS.length + 1]);
    const error = (await openPostgresStore(url).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(new RegExp(`schema version ${MIGRATIONS.length + 1}, newer than this newsdesk knows \\(${MIGRATIONS.length}\\); upgrade newsdesk`));
    expect(error.message).toContain('postgres://newsdesk:***@127.0.0.1');
    expect(error.message).not.toContain(server.password);
  });

  it('says which database it cannot reach, and what to check, without the password', async () => {
    const url = server.url('no_such_desk');
    const error = (await openPostgresStore(url).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^store: cannot open database postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:\d+\/no_such_desk: .*does not exist; check the URL/);
    expect(error.message).not.toContain(server.password);
  });

  it('frees the run lock when the process holding it is killed', async () => {
    const url = await server.createDatabase();
    const store = await openPostgresStore(url);
    // Another process takes the lock the way a run does, says so, and is then killed with SIGKILL.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import pg from 'pg'; const c = new pg.Client(${JSON.stringify(url)}); await c.connect(); await c.query('SELECT pg_advisory_lock(${LOCK_NAMESPACE}, 1)'); console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    await expect(store.acquireLock('run', { wait: false })).rejects.toBeInstanceOf(DeskBusy);
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    // The server ends the session when it sees the connection drop; the waiting lock then gets it.
    const lease = await store.acquireLock('run', { wait: true });
    await lease.release();
    await store.close();
  });

  it('takes the run lock again once PostgreSQL is back from a restart, so that a run outliving it still holds the desk', async () => {
    const url = await server.createDatabase();
    const store = await openPostgresStore(url);
    const other = await openPostgresStore(url);
    const lease = await store.acquireLock('run', { wait: false });
    const held = async (): Promise<number> =>
      (await query<{ n: number }>(url, "SELECT count(*)::integer AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = 1"))[0]!.n;
    await server.restart();
    // The server lost every session and its locks; the holder's connection comes back and takes it again.
    while ((await held()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(other.acquireLock('run', { wait: false })).rejects.toBeInstanceOf(DeskBusy);
    await lease.release();
    const next = await other.acquireLock('run', { wait: false });
    await next.release();
    await store.close();
    await other.close();
  });

  it('hears the server end a connection between two statements of a transaction, and fails the transaction, not the process', async () => {
    const url = await server.createDatabase();
    const pool = openPool(url);
    const outcome = inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // As a server restart does to every session: the connection is told goodbye while no statement runs.
      const ended = new Promise((resolve) => client.once('end', resolve));
      await query(url, 'SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await ended;
      await client.query('SELECT 1');
    });
    await expect(outcome).rejects.toThrow(/Connection terminated|not queryable/);
    // The broken connection was thrown away: the pool answers on a new one.
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });

  it('keeps locks per database: two desks on one server do not wait for each other', async () => {
    const one = await openPostgresStore(await server.createDatabase());
    const two = await openPostgresStore(await server.createDatabase());
    const first = await one.acquireLock('run', { wait: false });
    const second = await two.acquireLock('run', { wait: false });
    await first.release();
    await second.release();
    await one.close();
    await two.close();
  });
});

describe('openStore', () => {
  it('opens PostgreSQL for postgres:// and postgresql:// URLs', async () => {
    const url = await server.createDatabase();
    for (const given of [url, url.replace(/^postgres:/, 'postgresql:')]) {
      const store = await openStore(given);
      expect(await store.countRows('runs')).toBe(0);
      await store.close();
    }
    expect((await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'candidates'"))[0]?.n).toBe(1);
  });

  it('refuses other URLs, and names databases without their password', async () => {
    await expect(openStore('mysql://desk:secret@127.0.0.1/news')).rejects.toThrow(/mysql:\/\/desk:\*\*\*@127\.0\.0\.1\/news is not a database newsdesk can open; pass a postgres:\/\/user@host:port\/name URL or a SQLite file path/);
    expect(describeDb('postgres://desk:s3cr%40t@db.example:5432/news')).toBe('postgres://desk:***@db.example:5432/news');
    expect(describeDb('postgres://desk@db.example/news')).toBe('postgres://desk@db.example/news');
    expect(describeDb('./newsdesk.db')).toBe('./newsdesk.db');
  });
});
