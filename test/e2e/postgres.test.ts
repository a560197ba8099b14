// End to end on PostgreSQL: the compiled CLI runs the demo corpus with --db postgres://… and gives what it
// gives on SQLite, with the desk's tables in PostgreSQL; NEWSDESK_DB and the config's `db:` select it too,
// and no message prints the URL's password.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, listFiles, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres.js';
import { openStore } from '../../src/store/index.js';
import { csrfFor } from '../../src/web/security.js';

interface Listed {
  candidates: Array<{ id: string; story: string; title: string; publisher: string; url: string; usage: string; initial_rank: number; score: number }>;
}

/** The CLI with NEWSDESK_DB set, as a user who exported it would run it. */
function withEnvDb(args: string[], cwd: string, db: string): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NEWSDESK_DB: db, NEWSDESK_OUT: '', NEWSDESK_CONFIG: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** JSON outputs compared as data (jsonb keeps no key order); every other file byte for byte. */
function readOutput(dir: string, file: string): unknown {
  const text = readFileSync(join(dir, file), 'utf8');
  if (file.endsWith('.jsonl')) return text.trim().split('\n').map((line) => JSON.parse(line) as unknown);
  if (file.endsWith('.json')) {
    const { generated_at: _differsPerRun, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return rest;
  }
  return text;
}

describe('newsdesk on PostgreSQL', () => {
  let server: PostgresServer;
  let url: string;
  let work: string;
  let onSqlite: CliResult;
  let onPostgres: CliResult;

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase();
    work = tempDir('newsdesk-e2e-postgres-');
    onSqlite = runCli(['run', '--quiet', '--out', 'out-sqlite', '--db', 'newsdesk.db'], work);
    onPostgres = runCli(['run', '--quiet', '--out', 'out-postgres', '--db', url], work);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('runs the demo corpus with the same candidates and initial ranks as SQLite', () => {
    expect(onSqlite.status, onSqlite.stderr).toBe(0);
    expect(onPostgres.status, onPostgres.stderr).toBe(0);
    const sqlite = JSON.parse(runCli(['list', '--json', '--db', 'newsdesk.db'], work).stdout) as Listed;
    const postgres = JSON.parse(runCli(['list', '--json', '--db', url], work).stdout) as Listed;
    expect(sqlite.candidates.length).toBeGreaterThan(10);
    expect(postgres.candidates).toEqual(sqlite.candidates);
    expect(postgres.candidates.map((c) => c.initial_rank)).toEqual(sqlite.candidates.map((c) => c.initial_rank));
  });

  it('publishes the same files with the same content', () => {
    const files = listFiles(join(work, 'out-sqlite'));
    expect(listFiles(join(work, 'out-postgres'))).toEqual(files);
    for (const file of files) expect(readOutput(join(work, 'out-postgres'), file), file).toEqual(readOutput(join(work, 'out-sqlite'), file));
  });

  it('keeps the desk in PostgreSQL, not in a file', async () => {
    const listed = JSON.parse(runCli(['list', '--json', '--db', url], work).stdout) as Listed;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const count = async (table: string): Promise<number> => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      expect(await count('candidates')).toBe(listed.candidates.length);
      expect(await count('articles')).toBe(listed.candidates.length);
      expect((await client.query("SELECT status, command FROM runs")).rows).toEqual([{ status: 'committed', command: 'run' }]);
    } finally {
      await client.end();
    }
    // The URL was not taken for a file path: nothing named after it in the working folder.
    expect(readdirSync(work).filter((name) => name.startsWith('postgres'))).toEqual([]);
  });

  it('is selected by NEWSDESK_DB and by db: in the config, and marks decisions in PostgreSQL', () => {
    const listed = JSON.parse(withEnvDb(['list', '--json'], work, url).stdout) as Listed;
    const target = listed.candidates.find((c) => c.usage === 'candidate')!;
    const config = join(work, 'newsdesk.yaml');
    writeFileSync(config, `db: ${url}\nout: out-postgres\n`);
    const marked = runCli(['mark', target.id, 'selected', '--note', 'lead', '--config', config], work);
    expect(marked.status, marked.stderr).toBe(0);
    const after = JSON.parse(withEnvDb(['list', '--json', '--usage', 'selected'], work, url).stdout) as Listed;
    expect(after.candidates.map((c) => c.id)).toEqual([target.id]);
    // The SQLite desk did not see the PostgreSQL desk's decision.
    const sqlite = JSON.parse(runCli(['list', '--json', '--usage', 'selected', '--db', 'newsdesk.db'], work).stdout) as Listed;
    expect(sqlite.candidates).toEqual([]);
  });

  it('says which database it could not open without printing the password', () => {
    const missing = url.replace(/\/[^/]+$/, '/no_such_desk');
    const failed = runCli(['list', '--json', '--db', missing], work);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/cannot open database postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:\d+\/no_such_desk: .*no_such_desk.* does not exist/);
    const wrongPassword = runCli(['run', '--db', url.replace(server.password, `${server.password}x`)], work);
    expect(wrongPassword.status).toBe(2);
    expect(wrongPassword.stderr).toMatch(/password authentication failed/);
    for (const output of [failed.stderr, failed.stdout, wrongPassword.stderr, wrongPassword.stdout]) expect(output).not.toContain(server.password);
  });

  it('serves the editor on PostgreSQL, whose run button runs the desk in a worker thread on the same database', async () => {
    const fresh = await server.createDatabase();
    const child = spawn(process.execPath, [CLI, 'serve', '--db', fresh, '--port', '0', '--out', 'out-served'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('\n')) resolve(stdout);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const [, base, token] = /^newsdesk editor: (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)\n$/.exec(line)!;
      const auth = { Authorization: `Bearer ${token}` };
      const started = await fetch(`${base}/api/runs`, { method: 'POST', headers: { ...auth, Origin: base!, 'X-CSRF-Token': csrfFor(token!) } });
      expect(started.status).toBe(202);
      let state: { status: string; result?: { articles: number } };
      do {
        await new Promise((wait) => setTimeout(wait, 100));
        state = (await (await fetch(`${base}/api/runs/current`, { headers: auth })).json()) as typeof state;
      } while (state.status === 'running');
      expect(state.status, JSON.stringify(state)).toBe('finished');
      const listed = JSON.parse(runCli(['list', '--json', '--db', fresh], work).stdout) as Listed;
      expect(listed.candidates.length).toBe(state.result?.articles);
      const stories = (await (await fetch(`${base}/api/stories`, { headers: auth })).json()) as { stories: unknown[] };
      expect(stories.stories.length).toBeGreaterThan(0);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    }
    expect(stderr).toBe('newsdesk serve: stopped\n');
  });

  it('makes a second run wait for the one holding the desk, naming it, or exit 2 with --no-wait', async () => {
    const desk = await server.createDatabase();
    const holder = await openStore(desk);
    const lease = await holder.acquireLock('run', { wait: true });
    const run = await holder.beginRun({ startedAt: '2026-11-23T08:00:00.000Z', inputs: ['elsewhere'], pid: 4711 });
    const refused = runCli(['run', '--no-wait', '--quiet', '--out', 'out-busy', '--db', desk], work);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`postgres://newsdesk:\\*\\*\\*@127\\.0\\.0\\.1:\\d+/\\w+ is busy: run ${run}, pid 4711, started 2026-11-23T08:00:00.000Z is writing to it`));
    expect(refused.stderr).not.toContain(server.password);

    const waiting = spawn(process.execPath, [CLI, 'run', '--quiet', '--out', 'out-busy', '--db', desk], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const said = new Promise<void>((resolve) => waiting.stderr!.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), stderr.includes('waiting for') && resolve())));
    const exited = once(waiting, 'exit');
    await Promise.race([said, exited]);
    expect(stderr).toMatch(new RegExp(`waiting for run ${run}, pid 4711, started 2026-11-23T08:00:00.000Z to finish with postgres://newsdesk:\\*\\*\\*@`));
    // The holder lets go without committing: the waiting run goes ahead and closes the holder's run as abandoned.
    await lease.release();
    const [code] = await exited;
    expect(code, stderr).toBe(0);
    const runs = await holder.listRuns();
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      [run, 'abandoned'],
      [run + 1, 'committed'],
    ]);
    await holder.close();
  });
});
