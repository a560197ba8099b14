// `newsdesk serve` as a user starts it: the compiled CLI prints one line once it listens, serves the
// token-protected editor, and stops cleanly on SIGTERM and SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, tempDir } from '../helpers/cli.js';
import { startServer } from '../helpers/server.js';
import { EDITOR_FIXTURES } from '../helpers/editor.js';
import { csrfFor } from '../../src/web/security.js';

const LINE = /^newsdesk editor: (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_-]+)\n$/;

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening: ${out}`)));
  });
}

type RunState = { status: string; result?: { articles: number; failures: number } };

/** Starts a run through the API the way the board's button does and polls until it is no longer running. */
async function runFromEditor(base: string, token: string): Promise<RunState> {
  const auth = { Authorization: `Bearer ${token}` };
  const started = await fetch(`${base}/api/runs`, { method: 'POST', headers: { ...auth, Origin: base, 'X-CSRF-Token': csrfFor(token) } });
  expect(started.status).toBe(202);
  let state: RunState;
  do {
    await new Promise((wait) => setTimeout(wait, 50));
    state = (await (await fetch(`${base}/api/runs/current`, { headers: auth })).json()) as RunState;
  } while (state.status === 'running');
  return state;
}

describe('newsdesk serve', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints its address once listening, serves the board with the token, and stops on ${signal}`, async () => {
      const dir = tempDir('newsdesk-serve-');
      const db = join(dir, 'newsdesk.db');
      expect(runCli(['run', '--db', db, '--out', join(dir, 'out'), '--quiet', EDITOR_FIXTURES], dir).status).toBe(0);
      const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      try {
        const line = await firstLine(child);
        const match = LINE.exec(line);
        expect(match, line).not.toBeNull();
        const [, base, , token] = match!;
        expect((await fetch(`${base}/api/stories`)).status).toBe(401);
        const stories = await fetch(`${base}/api/stories`, { headers: { Authorization: `Bearer ${token}` } });
        expect(stories.status).toBe(200);
        expect(((await stories.json()) as { stories: unknown[] }).stories.length).toBeGreaterThan(0);
      } finally {
        const exited = once(child, 'exit');
        child.kill(signal);
        const [code] = await exited;
        expect(code).toBe(0);
        expect(stderr).toBe('newsdesk serve: stopped\n');
      }
    });
  }

  it('refuses a bad port or a short token with exit 2', () => {
    const dir = tempDir('newsdesk-serve-');
    const port = runCli(['serve', '--port', 'seventy'], dir);
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--port "seventy" is not a port number/);
    const token = runCli(['serve', '--token', 'short'], dir);
    expect(token.status).toBe(2);
    expect(token.stderr).toMatch(/--token must be at least 16 characters/);
  });

  it('runs the pipeline from the editor on the config file\'s sources into the configured output folder', async () => {
    const dir = tempDir('newsdesk-serve-');
    const config = join(dir, 'newsdesk.yaml');
    writeFileSync(config, `db: ${join(dir, 'editor.db')}\nout: ${join(dir, 'editor-out')}\nsources:\n  - ${EDITOR_FIXTURES}\n`);
    const child = spawn(process.execPath, [CLI, 'serve', '--config', config, '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [, base, , token] = LINE.exec(await firstLine(child))!;
      const auth = { Authorization: `Bearer ${token}` };
      expect(((await (await fetch(`${base}/api/stories`, { headers: auth })).json()) as { stories: unknown[] }).stories).toEqual([]);
      const state = await runFromEditor(base!, token!);
      expect(state).toMatchObject({ status: 'finished', result: { articles: 5, failures: 0 } });
      const board = (await (await fetch(`${base}/api/stories`, { headers: auth })).json()) as { runId: number; stories: unknown[] };
      expect(board.runId).toBe(1);
      expect(board.stories.length).toBeGreaterThan(0);
      expect(existsSync(join(dir, 'editor-out', 'briefing.md'))).toBe(true);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
    }
  });

  it('fetches feed URLs among its sources when a run starts from the editor, as `newsdesk run` does', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fenwick Crier</title><link>http://127.0.0.1/</link>` +
      `<item><title>Fenwick Orchard Opens Its Gates to Pickers</title><guid>fc-1</guid><pubDate>Mon, 23 Nov 2026 07:00:00 GMT</pubDate>` +
      `<description>The Fenwick orchard opened to pickers on Monday, and 300 families came in the first hour, the owners said.</description></item>` +
      `<item><title>Fenwick Library Adds Sunday Hours</title><guid>fc-2</guid><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>` +
      `<description>The Fenwick library will open on Sundays from December, the council said on Monday after a vote of six to one.</description></item>` +
      `</channel></rss>`;
    const site = await startServer({ '/feed.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed) });
    const dir = tempDir('newsdesk-serve-');
    const config = join(dir, 'newsdesk.yaml');
    writeFileSync(config, `db: ${join(dir, 'editor.db')}\nout: ${join(dir, 'editor-out')}\nsources:\n  - ${site.url('/feed.xml')}\n`);
    const child = spawn(process.execPath, [CLI, 'serve', '--config', config, '--port', '0'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEWSDESK_ALLOW_PRIVATE: '1' },
    });
    try {
      const [, base, , token] = LINE.exec(await firstLine(child))!;
      const state = await runFromEditor(base!, token!);
      expect(state).toMatchObject({ status: 'finished', result: { articles: 2, failures: 0 } });
      expect(site.hits('/feed.xml')).toBe(1);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
      await site.close();
    }
  });

  it('refuses missing sources and a malformed sources key with exit 2', () => {
    const dir = tempDir('newsdesk-serve-');
    const missing = runCli(['serve', '--port', '0', '--sources', join(dir, 'nowhere')], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`source ${join(dir, 'nowhere')} does not exist; fix --sources or the "sources" config key`);
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'sources: 5\n');
    const bad = runCli(['serve', '--port', '0', '--config', config], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`"sources" in ${config} must be a non-empty list of file or folder paths or feed URLs`);
  });
});
