// `newsdesk serve` as a user starts it: the compiled CLI prints one line once it listens, serves the
// token-protected editor, and stops cleanly on SIGTERM and SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, tempDir } from '../helpers/cli.js';
import { EDITOR_FIXTURES } from '../helpers/editor.js';

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
});
